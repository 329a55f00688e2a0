import { vendorForUrl, type Vendor } from '../core/vendor.js';

/**
 * The vendor a URL loads from, if the catalog claims it. Where a host is shared, the path names
 * the vendor: Meta's pixel loads from Facebook's SDK host, Google Ads' tag from the Google tag's.
 */
export function claimOf(url: URL, vendors: readonly Vendor[]): Vendor | undefined {
  const vendor = vendorForUrl(url, vendors);
  if (!vendor) return undefined;
  const id = url.pathname.endsWith('/fbevents.js') || (url.hostname === 'www.facebook.com' && /^\/tr\/?$/.test(url.pathname))
    ? 'meta-pixel'
    : url.pathname === '/gtag/js' && /^(AW|DC)-/.test(url.searchParams.get('id') ?? '')
      ? 'google-ads'
      : undefined;
  return vendors.find((candidate) => candidate.id === id) ?? vendor;
}
