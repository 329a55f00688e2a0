import type { PurposeId } from './purposes.js';

/** The kinds of vendor the texts describe (`vendorKinds` in translations/en.ts). */
export type VendorKind =
  | 'video'
  | 'audio'
  | 'podcast'
  | 'posts'
  | 'gifs'
  | 'images'
  | 'charts'
  | 'stories'
  | 'maps'
  | 'documents'
  | 'comments'
  | 'liveblog'
  | 'polls'
  | 'recommendations'
  | 'ads'
  | 'ad-measurement'
  | 'analytics'
  | 'audience'
  | 'tag-manager';

/** A third party whose content or scripts need the reader's consent. */
export interface Vendor {
  id: string;
  name: string;
  purpose: PurposeId;
  /** What it is (`video`, `podcast`, `analytics`…): the texts describe it in the reader's language. */
  kind?: VendorKind;
  /** The publisher's own description; it overrides the kind's. */
  description?: string;
  policyUrl?: string;
  /** Host patterns its content loads from: `example.com` (with its subdomains), optionally a path (see patternScore). */
  hosts: string[];
  /** First-party cookie names or `prefix*` patterns it sets, erased on withdrawal. */
  cookies: string[];
  /** The Google Consent Mode signals it drives, when not its purpose's (see consent-mode.ts). */
  consentMode?: string[];
}

const VENDOR_ID = /^[a-z0-9-]{1,64}$/;

export const isVendorId = (value: unknown): value is string =>
  typeof value === 'string' && VENDOR_ID.test(value);

/** Splits a space-separated attribute value into its words. */
export const words = (value: string | null | undefined): string[] =>
  (value ?? '').split(/\s+/).filter(Boolean);

/** Whether a cookie name matches one of a vendor's `cookies` patterns (`name` or `prefix*`). */
export function cookieMatches(name: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern,
  );
}

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
