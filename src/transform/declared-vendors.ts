import { catalogVendors } from '../core/catalog-hosts.js';
import { declaredVendor } from '../core/declared-vendor.js';
import type { Vendor } from '../core/vendor.js';
import { CONSENT_SIGNALS } from '../standards/consent-mode.js';
import { attribute } from './loads.js';
import { allElements, parseHtml } from './parse.js';

export interface DeclaredVendors {
  /** The valid declarations, in document order (the first of an id wins, as in the page). */
  vendors: Vendor[];
  /** What is wrong with the others, one message each. */
  problems: string[];
}

/**
 * The vendors the `<consent-vendor>` elements of an HTML page or fragment declare, read as the
 * page's `<consent-manager>` reads them: merged over the catalog entry of the same id. Pass them as
 * `gateEmbeds(html, { vendors })` so that the transform recognises what the page declares.
 */
export function declaredVendors(html: string): DeclaredVendors {
  const vendors: Vendor[] = [];
  const problems: string[] = [];
  const catalog = new Map(catalogVendors().map((vendor) => [vendor.id, vendor]));
  for (const element of allElements(parseHtml(html).root)) {
    if (element.tagName !== 'consent-vendor') continue;
    const id = attribute(element, 'id') ?? '';
    const vendor = declaredVendor((name) => attribute(element, name) ?? null, catalog.get(id), CONSENT_SIGNALS, (message) => problems.push(message));
    if (!vendor) continue;
    if (vendors.some((other) => other.id === vendor.id)) problems.push(`<consent-vendor id="${vendor.id}"> is declared twice; the first one is used`);
    else vendors.push(vendor);
  }
  return { vendors, problems };
}
