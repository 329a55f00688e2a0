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
  const gates: Array<{ start: number; end: number; vendor: string }> = [];
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
      if (vendor) return vendor;
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
      const start = children[first]!.sourceCodeLocation?.startOffset;
      const end = children[last]!.sourceCodeLocation?.endOffset;
      if (start === undefined || end === undefined) continue;
      for (let j = first; j <= last; j++) inGate.add(children[j]!);
      gates.push({ start, end, vendor: vendor.id });
      i = last;
    }
    for (const child of children) if (!inGate.has(child) && isElement(child) && child.tagName !== 'consent-gate') visit(child);
  }

  visit(tree);
  gates.sort((a, b) => a.start - b.start);
  let output = '';
  let cursor = 0;
  for (const { start, end, vendor } of gates) {
    output += `${html.slice(cursor, start)}<consent-gate vendor="${vendor}"><template>${html.slice(start, end)}</template></consent-gate>`;
    cursor = end;
  }
  output += html.slice(cursor);
  return { html: output, gated: gates.map((gate) => gate.vendor), unknown: [...new Set(unknown)] };
}
