import type { Vendor } from '../core/vendor.js';
import type { Translation } from './en.js';

/** What the vendor is, in the reader's language: the publisher's `description`, else its kind's text. */
export const vendorDescription = (vendor: Vendor, texts: Translation): string | undefined =>
  vendor.description ?? (vendor.kind && texts.vendorKinds[vendor.kind]?.(vendor.name));
