import type { PurposeId } from './purposes.js';

/** A third party whose content or scripts need the reader's consent. */
export interface Vendor {
  id: string;
  name: string;
  purpose: PurposeId;
  description?: string;
  policyUrl?: string;
  /** Host patterns its content loads from: `example.com` or `*.example.com`. */
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

/** Whether a host name matches one of the patterns (`example.com`, or `*.example.com` for its subdomains). */
/**
 * True when the URL is served from one of the patterns: `example.com`, `*.example.com` (any
 * subdomain), optionally followed by a path prefix (`www.google.com/maps`).
 */
export function urlMatches(url: URL, patterns: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  return patterns.some((pattern) => {
    const slash = pattern.indexOf('/');
    const hostPattern = slash < 0 ? pattern : pattern.slice(0, slash);
    const hostOk = hostPattern.startsWith('*.') ? host.endsWith(hostPattern.slice(1)) : host === hostPattern;
    return hostOk && (slash < 0 || url.pathname.startsWith(pattern.slice(slash)));
  });
}

/** The vendor whose hosts serve `url`, if any. */
export function vendorForUrl(url: URL, vendors: Iterable<Vendor>): Vendor | undefined {
  for (const vendor of vendors) if (urlMatches(url, vendor.hosts)) return vendor;
  return undefined;
}
