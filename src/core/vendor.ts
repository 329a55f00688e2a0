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
export function hostMatches(hostname: string, patterns: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return patterns.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern,
  );
}
