/**
 * consent-gate/transform: rewrites raw embed codes in HTML into `<consent-gate>` markup, for CMS
 * pipelines. Everything that is not an embed is left byte-for-byte as it was, and everything left
 * that can load or run before consent is reported (see docs/transform.md for the guarantees).
 */
import { html as HTML } from 'parse5';
import { catalogVendors, withCatalogHosts } from '../core/catalog-hosts.js';
import { vendorForUrl } from '../core/host-pattern.js';
import type { Vendor } from '../core/vendor.js';
import { DEPTH_LIMIT, audit, droppedFinding, droppedOutsideTemplates, liveChildren, topDepth, type Finding } from './audit.js';
import { embedExtent, type EmbedFacts } from './group.js';
import { attribute, loadsOf, scriptRuns, textOf } from './loads.js';
import { allElements, parseHtml, type Element, type Node, type ParentNode, type Template } from './parse.js';
import { PAGE, resolveUrl } from './urls.js';
import { embedWrapper } from '../core/embed-wrapper.js';
import { parse5Tree } from './embed-tree.js';
import { namesId } from '../core/setup-script.js';

export type { Finding } from './audit.js';
export type { Vendor } from '../core/vendor.js';
/** The built-in vendor catalog, with the hosts each vendor loads from. */
export { catalogVendors } from '../core/catalog-hosts.js';
export { declaredVendors, type DeclaredVendors } from './declared-vendors.js';

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
  /**
   * `<noscript>` blocks removed because they load a vendor's content for readers without
   * JavaScript, who cannot consent (tracking pixels such as Meta Pixel's).
   */
  removed: Finding[];
  /**
   * Everything left in the output that can load or run before consent: third-party URLs, inline
   * code, markup browsers may parse otherwise than parse5. Empty means the output is inert until
   * consent.
   */
  ungated: Finding[];
  /** The third-party URLs in `ungated` that no vendor claims (declare a vendor for them). */
  unknown: string[];
}

export interface TransformOptions {
  /**
   * Vendors added to the catalog (the `<consent-vendor>` declarations of the page): one with a
   * catalog id replaces that entry, and takes the catalog's hosts when it lists none.
   */
  vendors?: Iterable<Vendor>;
  /** The vendors recognised instead of the built-in catalog (default: `catalogVendors()`). */
  catalog?: Iterable<Vendor>;
}

/** The catalog (or the one given instead) with the added vendors over it. */
function vendorList({ vendors = [], catalog = catalogVendors() }: TransformOptions): Vendor[] {
  const byId = new Map(Array.from(catalog, (vendor) => [vendor.id, vendor]));
  for (const vendor of vendors) byId.set(vendor.id, vendor);
  return withCatalogHosts(byId.values());
}

const isElement = (node: Node): node is Element => 'tagName' in node;
const isInlineScript = (element: Element) => element.tagName === 'script' && attribute(element, 'src') === undefined && scriptRuns(element);
const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Elements that start an embed when they load from a vendor. */
const TRIGGERS = new Set(['iframe', 'frame', 'script', 'embed', 'object', 'img', 'video', 'audio', 'source', 'track', 'input', 'image', 'use', 'feImage']);

type Edit = { start: number; end: number; text: string; vendor?: string; kind: 'gate' | 'block' | 'remove' };

/**
 * Gates `html` (a fragment or a whole document). Runs of sibling elements that form one embed (an
 * iframe, or a blockquote with its script, or a container with its loader) become one gate. Then
 * the output is parsed again and everything in it that can still load or run is reported.
 */
export function gateEmbeds(html: string, options: TransformOptions = {}): TransformResult {
  const vendors = vendorList(options);
  // The input's tree is gone once the rewrite returns: the audit's tree does not add to it.
  const { output, edits, removed } = rewrite(html, vendors);
  const ungated = audit(output, vendors);
  const vendorsOf = (kind: Edit['kind']) => edits.filter((edit) => edit.kind === kind).map((edit) => edit.vendor!);
  return {
    html: output,
    gated: vendorsOf('gate'),
    blocked: vendorsOf('block'),
    removed,
    ungated,
    unknown: [...new Set(ungated.filter((finding) => finding.url && !finding.vendor).map((finding) => finding.url!))],
  };
}

/** Writes the gates, blocked scripts and removals into the input; the rest stays byte-for-byte. */
function rewrite(html: string, vendors: readonly Vendor[]): { output: string; edits: Edit[]; removed: Finding[] } {
  const { root, strayTemplateEnds } = parseHtml(html);
  const base = baseOf(root);
  const facts = embedFacts(root, vendors, base);
  const edits: Edit[] = [];
  const removed: Finding[] = [];

  /**
   * The outermost wrapper that exists only for an embed (a ratio box, a max-width box, a vendor's
   * own div), by the embed's vendor: the gate goes around it. One climb per loader, and no two
   * loaders share a wrapper, so this stays linear.
   */
  const wrappers = new Map<Element, Vendor>();
  for (const element of allElements(root)) {
    const vendor = facts.trigger(element);
    const wrapper = vendor && embedWrapper(parse5Tree, [element], vendor.id);
    if (wrapper) wrappers.set(wrapper, vendor);
  }

  /**
   * The vendor of an embed that starts at this element: it loads from the vendor, or contains what
   * does and is named after it or wraps only it.
   */
  function embedVendor(element: Element): Vendor | undefined {
    const own = facts.trigger(element);
    if (own) return own;
    const inner = facts.first(element);
    // An <svg> or <math> is gated whole: a gate written inside it would be foreign markup, not a template.
    return inner && (element.namespaceURI !== HTML.NS.HTML || facts.mentions(element, inner) || wrappers.get(element) === inner) ? inner : undefined;
  }

  /** The start tag of a blocked script: `type="text/plain" data-consent`, its own type as `data-type`. */
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
    edits.push({ start: location.startOffset, end: location.endOffset, text: tag, vendor: vendor.id, kind: 'block' });
  }

  /** The embed's markup for a gate's template, without `</template>` tags that closed nothing. */
  function templateContent(start: number, end: number): string {
    let content = '';
    let cursor = start;
    for (const stray of strayTemplateEnds) {
      if (stray.startOffset < start || stray.endOffset > end) continue;
      content += html.slice(cursor, stray.startOffset);
      cursor = stray.endOffset;
    }
    return content + html.slice(cursor, end);
  }

  /** A `<noscript>` that loads a vendor's content without JavaScript is removed and reported. */
  function removeTracking(noscript: Element): void {
    const location = noscript.sourceCodeLocation;
    if (!location) return;
    const inner = parseHtml(textOf(noscript), { scripting: false, document: false });
    const loads = [...allElements(inner.root)].flatMap((element) => loadsOf(element, base));
    const found = [
      ...loads.map((load) => ({ what: load.what, url: load.url?.href, vendor: load.url && vendorForUrl(load.url, vendors)?.id })),
      ...droppedOutsideTemplates(inner.root, inner.dropped).map((tag) => droppedFinding(tag, base, vendors)),
    ].find((load) => load.vendor);
    if (!found) return;
    edits.push({ start: location.startOffset, end: location.endOffset, text: '', vendor: found.vendor, kind: 'remove' });
    removed.push({ what: `noscript ${found.what}`, url: found.url!, vendor: found.vendor!, tag: html.slice(location.startOffset, Math.min(location.endOffset, location.startOffset + 120)) });
  }

  // `depth` counts open elements as a browser's parser does (`<html>` and `<body>` included).
  const stack: Array<{ parent: ParentNode; inHead: boolean; depth: number }> = [{ parent: root, inHead: false, depth: topDepth(root) }];
  while (stack.length) {
    const { parent, inHead, depth } = stack.pop()!;
    const children = liveChildren(parent);
    const inGate = new Set<Node>();
    for (let i = 0; i < children.length; i++) {
      const node = children[i]!;
      if (!isElement(node) || inGate.has(node) || node.tagName === 'consent-gate') continue;
      const vendor = embedVendor(node);
      if (!vendor) continue;
      const [first, last] = embedExtent(children, i, vendor, facts, inGate);
      const group = children.slice(first, last + 1).filter(isElement);
      // Too deep for a template to hold in Chromium: left as it is, and reported.
      if (depth + 2 + Math.max(...group.map(facts.height)) >= DEPTH_LIMIT) continue;
      for (let j = first; j <= last; j++) inGate.add(children[j]!);
      i = last;
      // Scripts with nothing to show stay scripts, blocked until consent: in <head> a gate would
      // end the head, and an analytics tag needs no placeholder.
      if (group.every((element) => element.tagName === 'script') && (inHead || vendor.purpose !== 'embeds')) {
        for (const script of group) block(script, vendor);
        continue;
      }
      const start = children[first]!.sourceCodeLocation?.startOffset;
      const end = children[last]!.sourceCodeLocation?.endOffset;
      if (start === undefined || end === undefined) continue;
      const text = `<consent-gate vendor="${vendor.id}"><template>${templateContent(start, end)}</template></consent-gate>`;
      edits.push({ start, end, text, vendor: vendor.id, kind: 'gate' });
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (!isElement(child) || inGate.has(child)) continue;
      // An existing gate is kept as written; what it holds outside its template is reported.
      if (child.tagName === 'consent-gate' || child.namespaceURI !== HTML.NS.HTML) continue;
      if (child.tagName === 'noscript') removeTracking(child);
      else stack.push({ parent: child, inHead: inHead || child.tagName === 'head', depth: depth + 1 });
    }
  }

  edits.sort((a, b) => a.start - b.start);
  let output = '';
  let cursor = 0;
  for (const { start, end, text } of edits) {
    output += html.slice(cursor, start) + text;
    cursor = end;
  }
  output += html.slice(cursor);
  return { output, edits, removed };
}

/** The URL relative ones resolve against: the first `<base href>`, else the publisher's page. */
function baseOf(root: ParentNode): string {
  for (const element of allElements(root)) {
    if (element.tagName === 'base' && attribute(element, 'href') !== undefined) return resolveUrl(attribute(element, 'href'), PAGE)?.href ?? PAGE;
  }
  return PAGE;
}

/**
 * Facts about every element for the grouping, computed once, children before parents (no
 * recursion: a tree may be 100,000 elements deep).
 */
function embedFacts(root: ParentNode, vendors: readonly Vendor[], base: string) {
  const own = new Map<Element, Vendor | undefined>();
  const first = new Map<Element, Vendor>();
  const frames = new Map<Element, ReadonlySet<string>>();
  const heights = new Map<Element, number>();

  function trigger(element: Element): Vendor | undefined {
    if (own.has(element)) return own.get(element);
    let vendor: Vendor | undefined;
    if (TRIGGERS.has(element.tagName)) {
      for (const load of loadsOf(element, base)) {
        if (load.from === 'style' || load.from === 'background' || !load.url) continue;
        vendor = vendorForUrl(load.url, vendors);
        if (vendor) break;
      }
      if (!vendor && element.tagName === 'iframe' && attribute(element, 'srcdoc') !== undefined) {
        const claimed = audit(attribute(element, 'srcdoc')!, vendors).find((finding) => finding.vendor)?.vendor;
        vendor = vendors.find((candidate) => candidate.id === claimed);
      }
    }
    own.set(element, vendor);
    return vendor;
  }

  // Elements in document order (gates written in the input are opaque), then children first.
  const order: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (isElement(node)) {
      order.push(node);
      if (node.tagName === 'consent-gate') continue;
    }
    const children = liveChildren(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  const NONE: ReadonlySet<string> = new Set();
  for (let k = order.length - 1; k >= 0; k--) {
    const element = order[k]!;
    let found: Vendor | undefined;
    let set: ReadonlySet<string> = NONE;
    let height = 0;
    for (const child of element.childNodes) if (isElement(child)) height = Math.max(height, heights.get(child) ?? 0);
    if (element.tagName === 'template') for (const child of (element as Template).content.childNodes) if (isElement(child)) height = Math.max(height, heights.get(child) ?? 0);
    heights.set(element, height + 1);
    if (element.tagName !== 'consent-gate') {
      for (const child of liveChildren(element)) {
        if (!isElement(child) || child.tagName === 'consent-gate') continue;
        found ??= trigger(child) ?? first.get(child);
        const childFrames = frames.get(child) ?? NONE;
        if (childFrames.size) set = set.size ? new Set([...set, ...childFrames]) : childFrames;
      }
    }
    const mine = trigger(element);
    if (mine && element.tagName !== 'script' && !set.has(mine.id)) set = new Set([...set, mine.id]);
    if (found) first.set(element, found);
    if (set.size) frames.set(element, set);
  }

  const mentions = (element: Element, vendor: Vendor): boolean =>
    vendor.id.length > 2 && (attribute(element, 'class') ?? '').split(/\s+/).some((token) => token.includes(vendor.id));

  /** True when the element or anything in it links to or loads from the vendor (one walk, no recursion). */
  function linksTo(element: Element, vendor: Vendor): boolean {
    for (const inner of allElements(element)) {
      for (const name of ['href', 'cite', 'data-href', 'src']) {
        const url = resolveUrl(attribute(inner, name), base);
        if (url && vendorForUrl(url, [vendor])) return true;
      }
    }
    return false;
  }

  const facts: EmbedFacts & { first(element: Element): Vendor | undefined; mentions: typeof mentions; height(element: Element): number } = {
    trigger,
    first: (element) => first.get(element),
    mentions,
    /** How many levels of elements the element spans, itself included. */
    height: (element: Element) => heights.get(element) ?? 1,
    hasFrame: (element, vendor) => frames.get(element)?.has(vendor.id) ?? false,
    belongsTo(element, vendor) {
      if (mentions(element, vendor) || trigger(element) === vendor || first.get(element) === vendor) return true;
      if (element.tagName === 'blockquote') return linksTo(element, vendor);
      return isInlineScript(element) && vendor.id.length > 2 && textOf(element).includes(vendor.id);
    },
    linksTo,
    setsUp: (script, element) => isInlineScript(script) && namesId(textOf(script), attribute(element, 'id')),
  };
  return facts;
}
