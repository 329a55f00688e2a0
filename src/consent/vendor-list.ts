import { words, type Vendor } from '../core/vendor.js';

/** A vendor declaration (a `<consent-vendor>` element): the vendor, over the catalog's entry of its id; undefined when invalid (reported). */
export interface VendorDeclaration {
  readonly id: string;
  /** @internal */
  toVendor?(catalogEntry?: Vendor): Vendor | undefined;
}

/**
 * The vendors a manager asks about, in order: each id of its `vendors` attribute that the catalog
 * has, then each vendor its `<consent-vendor>` children declare. A declaration takes the place of
 * the catalog's entry of its id; of two with the same id, the first is used. Each problem goes to
 * `problem`.
 */
export function vendorList(
  ids: string,
  catalog: ReadonlyMap<string, Vendor>,
  declarations: Iterable<VendorDeclaration>,
  problem: (message: string) => void,
): Vendor[] {
  const declared = new Map<string, Vendor>();
  for (const declaration of declarations) {
    const vendor = declaration.toVendor?.(catalog.get(declaration.id));
    if (vendor && declared.has(vendor.id)) problem(`<consent-vendor id="${vendor.id}"> is declared twice; the first one is used`);
    else if (vendor) declared.set(vendor.id, vendor);
  }
  const vendors = new Map<string, Vendor>();
  for (const id of words(ids)) {
    const entry = catalog.get(id);
    if (entry) vendors.set(id, entry);
    else if (!declared.has(id)) problem(`vendors: "${id}" is not in the catalog; declare it with <consent-vendor>`);
  }
  // A declared vendor keeps the place of the catalog's entry it replaces.
  for (const [id, vendor] of declared) vendors.set(id, vendor);
  return [...vendors.values()];
}
