/**
 * URLs as the browser reads them. `new URL()` is the WHATWG URL parser browsers use: it drops tabs
 * and newlines anywhere (`ht&#9;tps:`), reads backslashes as slashes in http(s) URLs
 * (`https:\\host\path`, `\\host/path`), and trims spaces and control characters at both ends.
 */

/** Stands in for the publisher's own origin: a URL that resolves to it is first-party. */
export const PAGE = 'https://publisher.invalid/';

/**
 * A path on the page's own host (`/images/1.jpg`): what most URLs of an article are, told apart
 * without building a URL. Not `//host` or `/\\host`, and no tab or newline that the parser would drop.
 */
export const isOwnPath = (value: string): boolean =>
  value.charCodeAt(0) === 0x2f && value[1] !== '/' && value[1] !== '\\' && !/[\t\n\r]/.test(value);

export function resolveUrl(value: string | undefined, base: string): URL | undefined {
  if (value === undefined) return undefined;
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** An http(s) URL served by another host than the publisher's. */
export const isThirdParty = (url: URL): boolean =>
  (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== 'publisher.invalid';

/** A URL that runs code or carries a document of its own when a frame or script loads it. */
export const carriesCode = (url: URL): boolean =>
  !(url.protocol === 'https:' || url.protocol === 'http:' || url.href === 'about:blank');

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;

/** The URLs of a `srcset` (image candidates separated by commas, each a URL and a descriptor). */
export function srcsetUrls(value: string | undefined): string[] {
  const urls: string[] = [];
  if (!value) return urls;
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (isSpace(value.charCodeAt(i)) || value[i] === ',')) i++;
    const start = i;
    while (i < value.length && !isSpace(value.charCodeAt(i))) i++;
    let end = i;
    // A URL ending in commas ends its candidate; otherwise the descriptor runs to the next comma.
    if (value[end - 1] === ',') while (end > start && value[end - 1] === ',') end--;
    else while (i < value.length && value[i] !== ',') i++;
    const url = value.slice(start, end);
    if (url) urls.push(url);
  }
  return urls;
}

const isHostCode = (code: number) =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2e || code === 0x2d;
const ENDS_PATH = new Set([' ', '\t', '\n', '\r', '\f', "'", '"', '`', ')', '\\']);

/**
 * URLs written in a script's or stylesheet's text: `//host.tld/path`, with or without `http(s):`,
 * also with JSON's escaped slashes (`https:\/\/host`). One pass over the text, no backtracking.
 */
export function urlsInText(text: string): string[] {
  const source = text.includes('\\/') ? text.replaceAll('\\/', '/') : text;
  const urls: string[] = [];
  for (let at = source.indexOf('//'); at >= 0; at = source.indexOf('//', at + 2)) {
    let end = at + 2;
    while (end < source.length && isHostCode(source.charCodeAt(end))) end++;
    const host = source.slice(at + 2, end);
    const dot = host.lastIndexOf('.');
    if (dot <= 0 || host.length - dot - 1 < 2) continue;
    // After the host, a path runs to the first quote, space or parenthesis.
    if (source[end] === '/') while (end < source.length && !ENDS_PATH.has(source[end]!)) end++;
    urls.push(`https:${source.slice(at, end)}`);
    at = end - 2;
  }
  return urls;
}

/**
 * The URLs a stylesheet fetches (`url(…)`, `@import "…"`, `image-set("…")`), or undefined when it
 * uses escapes, which can spell `url(` in ways a plain scan would not see.
 */
export function cssUrls(text: string): string[] | undefined {
  if (text.includes('\\')) return undefined;
  const lower = text.toLowerCase();
  const urls: string[] = [];
  for (const opener of ['url(', '@import', 'image-set(', 'src(']) {
    for (let at = lower.indexOf(opener); at >= 0; at = lower.indexOf(opener, at + 1)) {
      let i = at + opener.length;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      const quote = text[i] === '"' || text[i] === "'" ? text[i]! : '';
      if (quote) i++;
      // `@import url(…)` and `image-set(url(…))` are read at their own `url(`.
      else if (opener !== 'url(' && opener !== 'src(') continue;
      const start = i;
      while (i < text.length && (quote ? text[i] !== quote : text[i] !== ')' && !isSpace(text.charCodeAt(i)))) i++;
      urls.push(text.slice(start, i));
      // What was read is this URL: the next search starts after it, so every character is read once.
      at = Math.max(at, i - 1);
    }
  }
  return urls;
}
