import { vendorForUrl } from '../core/host-pattern.js';
import type { Vendor } from '../core/vendor.js';

/**
 * The vendor a URL loads from, if the catalog claims it. Where a host is shared, the most specific
 * pattern names the vendor (core/host-pattern.ts): Meta's pixel loads from Facebook's SDK host, Google
 * Ads' tag and Tag Manager's container from the Google tag's.
 */
export const claimOf = (url: URL, vendors: readonly Vendor[]): Vendor | undefined => vendorForUrl(url, vendors);
