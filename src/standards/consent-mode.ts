import type { PurposeId } from '../core/purposes.js';
import type { ConsentStore } from '../consent/consent-store.js';
import { words, type Vendor } from '../core/vendor.js';

/** Google Consent Mode v2 signals. */
export const CONSENT_SIGNALS = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;

/** The signals each purpose drives (README has the table); a vendor's `consent-mode` replaces them. */
export const PURPOSE_SIGNALS: Record<PurposeId, readonly string[]> = {
  necessary: ['security_storage'],
  functional: ['functionality_storage', 'personalization_storage'],
  analytics: ['analytics_storage'],
  advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  embeds: [],
};

type Signals = Record<string, 'granted' | 'denied'>;

/** Pushes to `dataLayer` the way Google's gtag snippet does: gtag.js reads `arguments` objects. */
function gtag(..._command: unknown[]): void {
  const page = window as { dataLayer?: unknown[] };
  (page.dataLayer ||= []).push(arguments);
}

let defaulted = false;

/**
 * `gtag('consent', 'default', …)`: everything denied but `security_storage`, waiting for the
 * reader's choice. Once per page, as early as possible (when the script tag or the element is
 * parsed, before the Google tag that follows it). `options` is the attribute's value: ISO region
 * codes (`IE FR`) limit the default to those regions; `url_passthrough` and `ads_data_redaction`
 * set those options.
 */
export function signalConsentDefault(options: string): void {
  if (defaulted) return;
  defaulted = true;
  const tokens = words(options);
  const region = tokens.filter((token) => /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(token));
  // No vendor drives a signal yet: all denied but security_storage.
  gtag('consent', 'default', { ...consentSignals([], {}), wait_for_update: 500, ...(region.length ? { region } : {}) });
  for (const option of ['url_passthrough', 'ads_data_redaction']) if (tokens.includes(option)) gtag('set', option, true);
}

/**
 * `security_storage` is always granted; any other signal is granted when at least one vendor drives
 * it and every vendor that drives it is granted.
 */
export function consentSignals(vendors: readonly Vendor[], grants: Record<string, boolean>): Signals {
  const signals: Signals = {};
  for (const signal of CONSENT_SIGNALS) {
    const drivers = vendors.filter((vendor) => (vendor.consentMode ?? PURPOSE_SIGNALS[vendor.purpose]).includes(signal));
    signals[signal] = signal === 'security_storage' || (drivers.length && drivers.every((vendor) => grants[vendor.id])) ? 'granted' : 'denied';
  }
  return signals;
}

/** `gtag('consent', 'update', …)` for the choice in force. */
export function signalConsentUpdate(vendors: readonly Vendor[], grants: Record<string, boolean>): void {
  gtag('consent', 'update', consentSignals(vendors, grants));
}

/** Consent Mode follows the store: an update for a choice found stored, then after every change it announces. */
export function followConsentMode(store: ConsentStore): void {
  let first = true;
  store.follow(({ method }) => {
    if (method || (first && store.stored)) signalConsentUpdate(store.vendors, store.grants);
    first = false;
  });
}
