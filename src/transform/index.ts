/**
 * consent-gate/transform: rewrites raw embed codes in HTML into `<consent-gate>` markup, for CMS
 * pipelines. Everything that is not an embed is left byte-for-byte as it was.
 */
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { vendorCatalog } from '../core/catalog.js';
import { vendorForUrl, type Vendor } from '../core/vendor.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface TransformResult {
  /** The HTML with every recognised embed wrapped in a gate. */
  html: string;
  /** The vendor of each gate written, in document order. */
  gated: string[];
  /**
   * The vendor of each script turned into a blocked `type="text/plain" data-consent` script, in
   * document order: scripts in `<head>`, and analytics or advertising scripts with no embed.
   */
  blocked: string[];
  /** URLs of third-party iframes, scripts and objects that no vendor claims (left as they were). */
  unknown: string[];
}

export interface TransformOptions {
  /** The vendors whose hosts are recognised (default: the built-in catalog). */
  vendors?: Iterable<Vendor>;
}

/** Elements that fetch or run something as soon as they are parsed. */
const LOADING = new Set(['iframe', 'script', 'embed', 'object', 'img', 'video', 'audio', 'source']);
const URL_IN_TEXT = /(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}(?:\/[^\s'"`)]*)?/gi;

const isElement = (node: Node): node is Element => 'tagName' in node;
const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;
/** Whitespace between the parts of one embed; a comment or text ends the embed. */
const isBlank = (node: Node) => node.nodeName === '#text' && !('value' in node && node.value.trim());

function absoluteUrl(value: string | undefined): URL | undefined {
  if (!value || !/^(https?:)?\/\//i.test(value.trim())) return undefined;
  try {
    return new URL(value.trim(), 'https://publisher.invalid/');
  } catch {
    return undefined;
  }
}

/** Scripts the browser runs: no type, a JavaScript type or `module` (not JSON-LD, templates…). */
function runs(script: Element): boolean {
  const type = (attribute(script, 'type') ?? '').trim().toLowerCase();
  return !type || type === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
}

/**
 * The vendor a URL's path names when its host is shared: Meta's pixel loads from Facebook's SDK
 * host, Google Ads' tag from the Google tag's.
 */
function refine(url: URL, vendor: Vendor, vendors: readonly Vendor[]): Vendor {
  const id = url.pathname.endsWith('/fbevents.js')
    ? 'meta-pixel'
    : url.pathname === '/gtag/js' && /^(AW|DC)-/.test(url.searchParams.get('id') ?? '')
      ? 'google-ads'
      : undefined;
  return vendors.find((candidate) => candidate.id === id) ?? vendor;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function scriptText(element: Element): string {
  return element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
}

/**
 * Gates `html` (a fragment or a whole document). Runs of sibling elements that form one embed (an
 * iframe, or a blockquote with its script, or a container with its loader) become one gate.
 */
export function gateEmbeds(html: string, options: TransformOptions = {}): TransformResult {
  const vendors = [...(options.vendors ?? vendorCatalog().values())];
  const isDocument = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype|html)[\s>]/i.test(html);
  const tree = isDocument
    ? parse(html, { sourceCodeLocationInfo: true })
    : parseFragment(html, { sourceCodeLocationInfo: true });
  /** Replacements of source ranges: gates written around embeds, start tags of blocked scripts. */
  const edits: Array<{ start: number; end: number; text: string; vendor: string; gate: boolean }> = [];
  const unknown: string[] = [];

  /** The vendor an element loads from by itself, if any. */
  function trigger(element: Element): Vendor | undefined {
    if (!LOADING.has(element.tagName)) return undefined;
    if (element.tagName === 'script' && !runs(element)) return undefined;
    const urls = [attribute(element, 'src'), attribute(element, 'data')].map(absoluteUrl);
    if (element.tagName === 'script' && !attribute(element, 'src')) {
      urls.push(...(scriptText(element).match(URL_IN_TEXT) ?? []).map(absoluteUrl));
    }
    for (const url of urls) {
      if (!url) continue;
      const vendor = vendorForUrl(url, vendors);
      if (vendor) return refine(url, vendor, vendors);
      if (['iframe', 'script', 'embed', 'object'].includes(element.tagName)) unknown.push(url.href);
    }
    return undefined;
  }

  const mentions = (element: Element, vendor: Vendor): boolean =>
    vendor.id.length > 2 && (attribute(element, 'class') ?? '').split(/\s+/).some((token) => token.includes(vendor.id));

  /** True when the element or anything in it links to or loads from the vendor. */
  function linksTo(element: Element, vendor: Vendor): boolean {
    for (const name of ['href', 'cite', 'data-href', 'src']) {
      const url = absoluteUrl(attribute(element, name));
      if (url && vendorForUrl(url, [vendor])) return true;
    }
    return element.childNodes.some((child) => isElement(child) && linksTo(child, vendor));
  }

  /**
   * A neighbour that is part of the vendor's embed code: classed after the vendor, loading from it
   * (or wrapping what does), a blockquote quoting it (the fallback of social posts), or a script of
   * its own. A paragraph of the article that merely links to the vendor is not.
   */
  function belongsTo(element: Element, vendor: Vendor): boolean {
    if (mentions(element, vendor) || trigger(element) === vendor || findTrigger(element) === vendor) return true;
    if (element.tagName === 'blockquote') return linksTo(element, vendor);
    return element.tagName === 'script' && runs(element) && !attribute(element, 'src') && vendor.id.length > 2 && scriptText(element).includes(vendor.id);
  }

  /** The vendor of an embed that starts at this element: it loads from the vendor, or contains what does. */
  function embedVendor(element: Element): Vendor | undefined {
    const own = trigger(element);
    if (own) return own;
    const inner = findTrigger(element);
    return inner && mentions(element, inner) ? inner : undefined;
  }

  function findTrigger(element: Element): Vendor | undefined {
    for (const child of element.childNodes) {
      if (!isElement(child) || child.tagName === 'consent-gate') continue;
      const found = trigger(child) ?? findTrigger(child);
      if (found) return found;
    }
    return undefined;
  }

  const inHead = (node: Node): boolean => node.nodeName === 'head' || ('parentNode' in node && !!node.parentNode && inHead(node.parentNode));

  /** Rewrites a script's start tag: `type="text/plain" data-consent`, its own type as `data-type`. */
  function block(script: Element, vendor: Vendor): void {
    const location = script.sourceCodeLocation?.startTag;
    if (!location) return;
    let tag = html.slice(location.startOffset, location.endOffset);
    const type = script.sourceCodeLocation?.attrs?.['type'];
    if (type) {
      const from = type.startOffset - location.startOffset;
      tag = `${tag.slice(0, from)}data-type="${escapeAttribute(attribute(script, 'type')!)}"${tag.slice(type.endOffset - location.startOffset)}`;
    }
    tag = `${tag.slice(0, 7)} type="text/plain" data-consent="${vendor.id}"${tag.slice(7)}`;
    edits.push({ start: location.startOffset, end: location.endOffset, text: tag, vendor: vendor.id, gate: false });
  }

  function visit(parent: Node): void {
    if (!('childNodes' in parent)) return;
    const children = parent.childNodes;
    const inGate = new Set<Node>();
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (!isElement(node) || inGate.has(node) || node.tagName === 'consent-gate') continue;
      const vendor = embedVendor(node);
      if (!vendor) continue;
      const nextElement = (from: number): Element | undefined => {
        for (let j = from + 1; j < children.length; j++) {
          const sibling = children[j]!;
          if (!isBlank(sibling)) return isElement(sibling) ? sibling : undefined;
        }
        return undefined;
      };
      // Siblings that belong to the same embed join it: a blockquote before its script, a
      // container's attribution after it. A companion followed by a loader of its own (the next
      // post of the same service) is left to that loader.
      // Each frame (iframe, object, media) is an embed of its own; scripts may accompany one.
      const framed = (element: Element) => element.tagName !== 'script' && trigger(element) === vendor;
      const hasFrame = (element: Element): boolean => framed(element) || element.childNodes.some((child) => isElement(child) && hasFrame(child));
      let frameInGroup = hasFrame(node);
      const extend = (step: number): number => {
        let edge = i;
        for (let j = i + step; j >= 0 && j < children.length; j += step) {
          const sibling = children[j]!;
          if (isBlank(sibling)) continue;
          if (!isElement(sibling) || inGate.has(sibling) || sibling.tagName === 'consent-gate' || !belongsTo(sibling, vendor)) break;
          if (hasFrame(sibling) && frameInGroup) break;
          frameInGroup ||= hasFrame(sibling);
          const ownLoader = trigger(sibling) === vendor;
          if (step > 0 && !ownLoader) {
            const after = nextElement(j);
            if (after && trigger(after) === vendor) break;
          }
          edge = j;
        }
        return edge;
      };
      const first = extend(-1);
      const last = extend(1);
      const group = children.slice(first, last + 1).filter(isElement);
      for (let j = first; j <= last; j++) inGate.add(children[j]!);
      i = last;
      // Scripts with nothing to show stay scripts, blocked until consent: in <head> a gate would
      // end the head, and an analytics tag needs no placeholder.
      if (group.every((element) => element.tagName === 'script') && (inHead(parent) || vendor.purpose !== 'embeds')) {
        for (const script of group) block(script, vendor);
        continue;
      }
      const start = children[first]!.sourceCodeLocation?.startOffset;
      const end = children[last]!.sourceCodeLocation?.endOffset;
      if (start === undefined || end === undefined) continue;
      edits.push({ start, end, text: `<consent-gate vendor="${vendor.id}"><template>${html.slice(start, end)}</template></consent-gate>`, vendor: vendor.id, gate: true });
    }
    for (const child of children) if (!inGate.has(child) && isElement(child) && child.tagName !== 'consent-gate') visit(child);
  }

  visit(tree);
  edits.sort((a, b) => a.start - b.start);
  let output = '';
  let cursor = 0;
  for (const { start, end, text } of edits) {
    output += html.slice(cursor, start) + text;
    cursor = end;
  }
  output += html.slice(cursor);
  return {
    html: output,
    gated: edits.filter((edit) => edit.gate).map((edit) => edit.vendor),
    blocked: edits.filter((edit) => !edit.gate).map((edit) => edit.vendor),
    unknown: [...new Set(unknown)],
  };
}
