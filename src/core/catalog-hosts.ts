import { vendorCatalog } from './catalog.js';
import type { Vendor } from './vendor.js';

/** The host patterns of a catalog vendor (none for an id the catalog does not have). */
export const catalogHosts = (id: string): string[] => vendorCatalog().get(id)?.hosts ?? [];

/** The vendors, each with the catalog's hosts where it declares none of its own. */
export const withCatalogHosts = <V extends Pick<Vendor, 'id' | 'hosts'>>(vendors: Iterable<V>): V[] =>
  Array.from(vendors, (vendor) => (vendor.hosts.length ? vendor : { ...vendor, hosts: catalogHosts(vendor.id) }));

/** The whole built-in catalog: the default of the transform, exported from the Node entries. */
export const catalogVendors = (): Vendor[] => [...vendorCatalog().values()];
