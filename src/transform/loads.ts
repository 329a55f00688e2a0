/**
 * What one element fetches or runs by itself as the browser parses it: the URLs of its loading
 * attributes, inline code (scripts, event handlers, `javascript:` frames), CSS `url()`s.
 */
import { html as HTML } from 'parse5';
import type { Element, Node } from './parse.js';
import { scriptKind } from './scripts.js';
import { PAGE, carriesCode, cssUrls, isOwnPath, isThirdParty, resolveUrl, srcsetUrls, urlsInText } from './urls.js';

export interface Load {
  /** What loads or runs, in a publisher's words: `iframe`, `inline script`, `style url()`, … */
  what: string;
  /** The third-party URL it fetches; none for code that runs from the markup itself. */
  url?: URL;
  /** Which attribute it comes from (`src`, `srcset`, …), or `text` for an element's content. */
  from: string;
}

export const attribute = (element: Element, name: string): string | undefined =>
  element.attrs.find((attr) => attr.name === name && !attr.prefix)?.value;

/** `href`, or in SVG `xlink:href` when there is no `href`. */
const svgHref = (element: Element): string | undefined =>
  attribute(element, 'href') ?? element.attrs.find((attr) => attr.name === 'href' && attr.prefix === 'xlink')?.value;

export const textOf = (element: Element): string =>
  element.childNodes.map((child: Node) => ('value' in child && child.nodeName === '#text' ? child.value : '')).join('');

const isHtml = (element: Element) => element.namespaceURI === HTML.NS.HTML;
const isSvg = (element: Element) => element.namespaceURI === HTML.NS.SVG;

/** Whether a script element runs (or, for import maps and speculation rules, acts). */
export const scriptRuns = (script: Element): boolean =>
  scriptKind(attribute(script, 'type'), attribute(script, 'language')) !== undefined;

/** `<link rel>` tokens that make the browser fetch or connect. */
const LINK_LOADS = new Set(['stylesheet', 'preload', 'prefetch', 'modulepreload', 'preconnect', 'dns-prefetch', 'prerender', 'icon', 'apple-touch-icon', 'manifest']);

/** The source attributes of each element that loads (HTML elements; SVG ones are below). */
const SOURCES: Record<string, string[]> = {
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
};
const SVG_SOURCES = new Set(['image', 'use', 'feimage', 'script']);
/** Elements whose URL is a document or code of its own (a `data:` or `javascript:` one runs). */
const FRAMES = new Set(['iframe', 'frame', 'embed', 'object', 'script']);

/** Everything the element itself loads or runs, first-party URLs left out. */
export function loadsOf(element: Element, base: string): Load[] {
  const loads: Load[] = [];
  const tag = element.tagName;
  const add = (what: string, from: string, value: string | undefined) => {
    if (value === undefined || (base === PAGE && isOwnPath(value))) return;
    const url = resolveUrl(value, base);
    if (!url) return;
    if (isThirdParty(url)) loads.push({ what, url, from });
    else if (FRAMES.has(tag) && from !== 'srcset' && carriesCode(url)) loads.push({ what: `${what} with a ${url.protocol} URL`, from });
  };
  if (tag === 'script' && (isHtml(element) || isSvg(element))) {
    if (!scriptRuns(element)) return loads;
    const src = isHtml(element) ? attribute(element, 'src') : svgHref(element);
    if (src !== undefined) add('script', isHtml(element) ? 'src' : 'href', src);
    else if (textOf(element).trim()) {
      for (const url of urlsInText(textOf(element))) add('inline script', 'text', url);
      loads.push({ what: 'inline script', from: 'text' });
    }
  } else if (isHtml(element)) {
    for (const name of SOURCES[tag] ?? []) {
      const value = attribute(element, name);
      if (name === 'srcset') for (const url of srcsetUrls(value)) add(tag, name, url);
      else add(tag, name, value);
    }
    if (tag === 'input' && attribute(element, 'type')?.trim().toLowerCase() === 'image') add('image button', 'src', attribute(element, 'src'));
    if (tag === 'link') {
      const rel = (attribute(element, 'rel') ?? '').toLowerCase().split(/[\t\n\f\r ]+/);
      if (rel.some((token) => LINK_LOADS.has(token))) {
        add(`link rel="${rel.join(' ').trim()}"`, 'href', attribute(element, 'href'));
        for (const url of srcsetUrls(attribute(element, 'imagesrcset'))) add('link imagesrcset', 'imagesrcset', url);
      }
    }
    if (tag === 'meta' && attribute(element, 'http-equiv')?.trim().toLowerCase() === 'refresh') {
      const content = attribute(element, 'content') ?? '';
      const at = content.search(/[;,]/);
      let target = at < 0 ? '' : content.slice(at + 1).trim();
      if (target.slice(0, 3).toLowerCase() === 'url') {
        const equals = target.indexOf('=');
        if (equals >= 0 && !target.slice(3, equals).trim()) target = target.slice(equals + 1).trim();
      }
      if (target[0] === '"' || target[0] === "'") target = target.slice(1, target.indexOf(target[0], 1) < 0 ? undefined : target.indexOf(target[0], 1));
      if (target) add('meta refresh', 'content', target);
    }
    if (tag === 'iframe' && attribute(element, 'srcdoc') !== undefined) loads.push({ what: 'iframe srcdoc', from: 'srcdoc' });
    if (tag === 'style') cssLoads(textOf(element), 'style element', 'text', base, loads);
  } else if (isSvg(element) && SVG_SOURCES.has(tag.toLowerCase())) {
    add(`svg ${tag}`, 'href', svgHref(element));
  } else if (isSvg(element) && tag === 'style') {
    cssLoads(textOf(element), 'svg style element', 'text', base, loads);
  }
  if (attribute(element, 'background') !== undefined) add(`${tag} background`, 'background', attribute(element, 'background'));
  const style = attribute(element, 'style');
  if (style) cssLoads(style, 'style attribute', 'style', base, loads);
  for (const attr of element.attrs) {
    if (!attr.prefix && attr.name.startsWith('on') && attr.name.length > 2) loads.push({ what: `inline event handler ${attr.name}`, from: attr.name });
  }
  return loads;
}

function cssLoads(css: string, what: string, from: string, base: string, loads: Load[]): void {
  const urls = cssUrls(css);
  if (!urls) {
    loads.push({ what: `${what} with CSS escapes (not read)`, from });
    return;
  }
  for (const value of urls) {
    const url = resolveUrl(value, base);
    if (url && isThirdParty(url)) loads.push({ what, url, from });
  }
}
