/** consent-gate/server: read the reader's choice on the server (Node, no DOM). */
import { encodeConsentCookie, parseConsentCookie, type StoredChoice } from '../core/cookie-codec.js';
import { choiceInForce, fromTheFuture, MAX_AGE_DAYS_CAP } from '../core/consent-state.js';

export type { Vendor } from '../core/vendor.js';
/** The built-in vendor catalog, with the hosts each vendor loads from. */
export { catalogVendors } from '../core/catalog-hosts.js';
export { parseConsentCookie, encodeConsentCookie, type StoredChoice } from '../core/cookie-codec.js';

/** The cookie's choice, unless it is malformed or dated more than five minutes ahead of `now`. */
function currentChoice(cookieValue: string | undefined | null, now: number): StoredChoice | null {
  const choice = parseConsentCookie(cookieValue);
  return choice && !fromTheFuture(choice, now) ? choice : null;
}

/** True only when the cookie value holds a grant for that vendor (and is not dated in the future). */
export function hasConsent(cookieValue: string | undefined | null, vendorId: string, now = Date.now()): boolean {
  return currentChoice(cookieValue, now)?.vendors[vendorId] === true;
}

/**
 * The choice in force from a whole `Cookie` request header, read as the widget reads it: every
 * cookie of that name counts (a sibling subdomain may have added one on the parent domain), a
 * vendor is granted only where all of them grant it, and one dated in the future is no choice.
 */
export function readConsentCookie(cookieHeader: string | undefined | null, name = 'consent', now = Date.now()): StoredChoice | null {
  const values = (cookieHeader ?? '')
    .split(';')
    .map((pair) => pair.trim().split('='))
    .filter(([key]) => key === name)
    .map(([, ...value]) => parseConsentCookie(value.join('=')));
  return choiceInForce(values, now);
}

export interface SetCookieOptions {
  /** Cookie name (the manager's `cookie-name`); default `consent`. */
  name?: string;
  /** The manager's `cookie-domain`, if any. */
  domain?: string;
  /** The manager's `cookie-path`; default `/`. */
  path?: string;
  /** The manager's `max-age-days`; default 180, at most 395. */
  maxAgeDays?: number;
  /** Add `Secure` (default true: serve the site over https). */
  secure?: boolean;
  now?: number;
}

// What may go into a Set-Cookie header unquoted: a name is an RFC 6265 token; a path and a domain
// never hold `;`, spaces or control characters, which would end the attribute or the header.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const PATH = /^\/[!-:<-~]*$/;
const DOMAIN = /^[0-9A-Za-z.-]{1,253}$/;

function check(option: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value)) throw new TypeError(`consentSetCookieHeader: ${option} ${JSON.stringify(value)} cannot go into a Set-Cookie header`);
}

/**
 * The reader's choice re-issued as an HTTP `Set-Cookie` header value, expiring when the choice
 * does: Safari keeps cookies written by scripts for at most 7 days, cookies set by the server for
 * their full life. Undefined when the value is not a valid, unexpired choice (or is dated in the
 * future). Throws a TypeError for a `name`, `path` or `domain` that would change the header, and a
 * RangeError for a `maxAgeDays` that is not a positive number; more than 395 days is capped.
 */
export function consentSetCookieHeader(cookieValue: string | undefined | null, options: SetCookieOptions = {}): string | undefined {
  const { name = 'consent', domain, path = '/', maxAgeDays = 180, secure = true, now = Date.now() } = options;
  check('name', name, TOKEN);
  check('path', path, PATH);
  if (domain) check('domain', domain, DOMAIN);
  if (!(maxAgeDays > 0) || !Number.isFinite(maxAgeDays)) {
    throw new RangeError(`consentSetCookieHeader: maxAgeDays ${maxAgeDays} is not a positive number of days`);
  }
  const choice = currentChoice(cookieValue, now);
  if (!choice) return undefined;
  const days = Math.min(maxAgeDays, MAX_AGE_DAYS_CAP);
  const seconds = Math.floor((choice.timestamp + days * 86_400_000 - now) / 1000);
  if (seconds <= 0) return undefined;
  const attributes = [`Max-Age=${seconds}`, `Path=${path}`, ...(domain ? [`Domain=${domain}`] : []), 'SameSite=Lax', ...(secure ? ['Secure'] : [])];
  return [`${name}=${encodeConsentCookie(choice)}`, ...attributes].join('; ');
}
