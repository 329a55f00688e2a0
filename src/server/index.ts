/** consent-gate/server: read the reader's choice on the server (Node, no DOM). */
import { parseConsentCookie, type StoredChoice } from '../core/cookie-codec.js';

export { parseConsentCookie, encodeConsentCookie, type StoredChoice } from '../core/cookie-codec.js';

/** True only when the cookie value holds a grant for that vendor. */
export function hasConsent(cookieValue: string | undefined | null, vendorId: string): boolean {
  const choice: StoredChoice | null = parseConsentCookie(cookieValue);
  return choice?.vendors[vendorId] === true;
}
