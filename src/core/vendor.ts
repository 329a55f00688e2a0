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
  /** Host patterns its content loads from: `example.com` (with its subdomains), optionally a path (host-pattern.ts). */
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
