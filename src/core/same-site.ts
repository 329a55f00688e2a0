/**
 * Whether `url` is on the page's own site: its origin, or, on a `www.` host, a sibling host of the
 * same domain (`img.example.com` for `www.example.com`). Nothing else is fetched before consent.
 */
export function isSameSite(url: string, page: { readonly origin: string; readonly hostname: string }): boolean {
  const { origin, hostname } = new URL(url);
  const site = page.hostname.replace(/^www\./, '.');
  return origin === page.origin || (site.startsWith('.') && `.${hostname}`.endsWith(site));
}
