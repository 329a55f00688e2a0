/** consent-gate: the module entry. Importing it registers the elements. */
export { ConsentManager } from './components/consent-manager/consent-manager.js';
export { ConsentGate } from './components/consent-gate/consent-gate.js';
export { ConsentVendor } from './components/consent-vendor/consent-vendor.js';
export { ConsentReadyEvent } from './events/consent-ready.js';
export { ConsentChangeEvent, type ConsentChangeDetail } from './events/consent-change.js';
export { parseConsentCookie, encodeConsentCookie, type StoredChoice } from './core/cookie-codec.js';
export type { ConsentSnapshot } from './core/consent-state.js';
export type { Vendor } from './core/vendor.js';
export type { PurposeId } from './core/purposes.js';
