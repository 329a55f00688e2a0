/** consent-gate/server: read the reader's choice on the server (Node, no DOM). */
import { encodeConsentCookie, parseConsentCookie, type StoredChoice } from '../core/cookie-codec.js';

export { parseConsentCookie, encodeConsentCookie, type StoredChoice } from '../core/cookie-codec.js';

/** True only when the cookie value holds a grant for that vendor. */
export function hasConsent(cookieValue: string | undefined | null, vendorId: string): boolean {
  const choice: StoredChoice | null = parseConsentCookie(cookieValue);
  return choice?.vendors[vendorId] === true;
}

export interface SetCookieOptions {
  /** Cookie name (the manager's `cookie-name`); default `consent`. */
  name?: string;
  /** The manager's `cookie-domain`, if any. */
  domain?: string;
  /** The manager's `cookie-path`; default `/`. */
  path?: string;
  /** The manager's `max-age-days`; default 180. */
  maxAgeDays?: number;
  /** Add `Secure` (default true: serve the site over https). */
  secure?: boolean;
  now?: number;
}

/**
 * The reader's choice re-issued as an HTTP `Set-Cookie` header value, expiring when the choice
 * does: Safari keeps cookies written by scripts for at most 7 days, cookies set by the server for
 * their full life. Undefined when the value is not a valid, unexpired choice.
 */
export function consentSetCookieHeader(cookieValue: string | undefined | null, options: SetCookieOptions = {}): string | undefined {
  const { name = 'consent', domain, path = '/', maxAgeDays = 180, secure = true, now = Date.now() } = options;
  const choice = parseConsentCookie(cookieValue);
  if (!choice) return undefined;
  const seconds = Math.floor((choice.timestamp + maxAgeDays * 86_400_000 - now) / 1000);
  if (seconds <= 0) return undefined;
  const attributes = [`Max-Age=${seconds}`, `Path=${path}`, ...(domain ? [`Domain=${domain}`] : []), 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
  return [`${name}=${encodeConsentCookie(choice)}`, ...attributes].join('; ');
}
