/**
 * Parsing with parse5, recording what the tree alone does not show: start tags the parser dropped
 * (an iframe inside `<select>`: parse5 drops it, Chromium keeps it) and `</template>` end tags that
 * closed nothing (written inside a gate's template, such a tag would close it early).
 */
import { Parser, defaultTreeAdapter, html as HTML, type DefaultTreeAdapterMap, type Token } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export type Template = DefaultTreeAdapterMap['template'];
export type ParentNode = DefaultTreeAdapterMap['parentNode'];

export interface StartTag {
  tagName: string;
  attrs: Token.Attribute[];
  startOffset: number;
  endOffset: number;
}

export interface Parsed {
  root: ParentNode;
  /** Start tags that made no element of their own (attributes merged into `<html>`/`<body>` aside). */
  dropped: StartTag[];
  /** Source ranges of `</template>` end tags that closed no template. */
  strayTemplateEnds: Array<{ startOffset: number; endOffset: number }>;
}

class RecordingParser extends Parser<DefaultTreeAdapterMap> {
  startTags: StartTag[] = [];
  templateEnds: Array<{ startOffset: number; endOffset: number }> = [];

  override onStartTag(token: Token.TagToken): void {
    if (token.location) {
      const { startOffset, endOffset } = token.location;
      this.startTags.push({ tagName: token.tagName, attrs: token.attrs, startOffset, endOffset });
    }
    super.onStartTag(token);
  }

  override onEndTag(token: Token.TagToken): void {
    if (token.tagName === 'template' && token.location) this.templateEnds.push(token.location);
    super.onEndTag(token);
  }
}

const isSpace = (code: number) => code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xfeff;

/**
 * True when the input is a whole document: it starts, after spaces and comments, with a doctype or
 * `<html>`. One forward scan (a regular expression here once took minutes on `<!---->` runs).
 */
export function isDocument(html: string): boolean {
  let i = 0;
  for (;;) {
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    if (!html.startsWith('<!--', i)) break;
    const end = html.indexOf('-->', i + 4);
    if (end < 0) return false;
    i = end + 3;
  }
  const head = html.slice(i, i + 10).toLowerCase();
  if (head.startsWith('<!doctype')) return true;
  return head.startsWith('<html') && (head.length === 5 || isSpace(head.charCodeAt(5)) || head[5] === '>' || head[5] === '/');
}

/** The elements of a tree in document order, template contents included (no recursion). */
export function* allElements(root: ParentNode): Generator<Element> {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node) yield node;
    const children = 'content' in node && node.tagName === 'template' ? (node as Template).content.childNodes : 'childNodes' in node ? node.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/**
 * Parses a document, or a fragment as the `<body>` of a page parses it (where an article goes).
 * `scripting: false` parses as for a reader without JavaScript (`<noscript>` content is markup).
 */
export function parseHtml(html: string, { scripting = true, document = isDocument(html) } = {}): Parsed {
  const options = { sourceCodeLocationInfo: true, scriptingEnabled: scripting, treeAdapter: defaultTreeAdapter };
  let parser: RecordingParser;
  let root: ParentNode;
  if (document) {
    parser = new RecordingParser(options);
    parser.tokenizer.write(html, true);
    root = parser.document;
  } else {
    const body = defaultTreeAdapter.createElement('body', HTML.NS.HTML, []);
    parser = RecordingParser.getFragmentParser(body, options) as RecordingParser;
    parser.tokenizer.write(html, true);
    root = parser.getFragment();
  }
  const made = new Set<number>();
  const closed = new Set<number>();
  for (const element of allElements(root)) {
    const location = element.sourceCodeLocation;
    if (location?.startTag) made.add(location.startTag.startOffset);
    if (element.tagName === 'template' && location?.endTag) closed.add(location.endTag.startOffset);
  }
  const merged = new Set(['html', 'body', 'head']);
  return {
    root,
    dropped: parser.startTags.filter((tag) => !made.has(tag.startOffset) && !merged.has(tag.tagName)),
    strayTemplateEnds: parser.templateEnds.filter((end) => !closed.has(end.startOffset)),
  };
}
