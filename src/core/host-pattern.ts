import type { Vendor } from './vendor.js';

// Matching URLs to vendors' host patterns: used by auto-blocking and the Node transform only (the
// widget's own bundle names a gate's vendor and never matches a URL).

/**
 * How specifically `pattern` claims the URL, 0 when it does not. A pattern is a host with its
 * subdomains (`example.com`) or its subdomains only (`*.example.com`), optionally followed by a
 * path prefix in which a `*` segment stands for any one segment (Meta Pixel's `fbevents.js` under
 * a locale) and a query parameter's prefix (`www.googletagmanager.com/gtag/js?id=G-`). A pattern
 * with a path or query beats a host alone, and a longer pattern a shorter one: that is how vendors
 * sharing a host are told apart.
 */
export function patternScore(url: URL, pattern: string): number {
  const [place, query] = pattern.split('?');
  const slash = place.indexOf('/');
  const hostPattern = slash < 0 ? place : place.slice(0, slash);
  const subdomainsOnly = hostPattern.startsWith('*.');
  const domain = subdomainsOnly ? hostPattern.slice(2) : hostPattern;
  const host = url.hostname.toLowerCase();
  if (!host.endsWith(`.${domain}`) && (subdomainsOnly || host !== domain)) return 0;
  const have = url.pathname.split('/');
  const want = slash < 0 ? [] : place.slice(slash).split('/');
  if (want.some((segment, i) => segment && segment !== '*' && segment !== have[i])) return 0;
  if (query) {
    const [name, prefix = ''] = query.split('=');
    if (!url.searchParams.get(name)?.startsWith(prefix)) return 0;
  }
  return pattern.length + (slash < 0 && !query ? 0 : 1000);
}

/** True when the URL is served from one of the patterns (see patternScore). */
export const urlMatches = (url: URL, patterns: readonly string[]): boolean =>
  patterns.some((pattern) => patternScore(url, pattern) > 0);

/** The vendor whose most specific pattern claims `url`, if any. */
export function vendorForUrl<V extends Pick<Vendor, 'hosts'>>(url: URL, vendors: Iterable<V>): V | undefined {
  let found: V | undefined;
  let best = 0;
  for (const vendor of vendors) {
    for (const pattern of vendor.hosts) {
      const score = patternScore(url, pattern);
      if (score > best) [found, best] = [vendor, score];
    }
  }
  return found;
}
