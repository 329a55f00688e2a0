import { fnv1a } from './fingerprint.js';
import { isVendorId } from './vendor.js';

/**
 * The reader's stored choice. The cookie value is
 *
 *     2.<revision>.<seconds>.<consent id>.<granted ids>.<denied ids>.<check>
 *
 * `2` is the format version, `<seconds>` the time of the choice in seconds since 1970 in base 36,
 * `<consent id>` 8 to 32 base-36 characters, and each id list joins vendor ids with `~` (empty
 * when none). `<check>` is seven base-36 characters of `checksum()` (FNV-1a) over everything
 * before it, so a truncated or edited value is caught. Version 1 (the same with a two-character
 * check) is still read, so that readers' earlier choices hold. Every character is cookie-safe.
 */
export interface StoredChoice {
  revision: number;
  /** Milliseconds since 1970 (stored to the second). */
  timestamp: number;
  consentId: string;
  /** Every vendor the reader answered for: true granted, false denied. */
  vendors: Readonly<Record<string, boolean>>;
}

export const COOKIE_FORMAT_VERSION = '2';
const FORMAT = /^([12])\.([1-9]\d{0,8})\.([0-9a-z]{1,8})\.([0-9a-z]{8,32})\.([a-z0-9~-]*)\.([a-z0-9~-]*)$/;

/**
 * The longest value written: with the cookie's name it stays under the 4,096 bytes of name and
 * value that browsers keep in one cookie (a longer one is refused whole).
 */
export const COOKIE_VALUE_LIMIT = 4000;

/**
 * When the answers would take the value past `COOKIE_VALUE_LIMIT`, the first ones of
 * `choice.vendors` are left out (the manager puts the newest last), and `full` is told how many:
 * a vendor left out is unanswered, never granted.
 */
export function encodeConsentCookie(choice: StoredChoice, full?: (left: number) => void): string {
  // Each id takes its length and a separator; the rest takes at most 63 characters.
  let room = COOKIE_VALUE_LIMIT - 63;
  const kept = Object.keys(choice.vendors)
    .reverse()
    .filter((id) => (room -= id.length + 1) >= 0)
    .reverse();
  const left = Object.keys(choice.vendors).length - kept.length;
  if (left) full?.(left);
  const ids = (granted: boolean) => kept.filter((id) => choice.vendors[id] === granted).join('~');
  const seconds = Math.floor(choice.timestamp / 1000).toString(36);
  const body = [COOKIE_FORMAT_VERSION, choice.revision, seconds, choice.consentId, ids(true), ids(false)].join('.');
  return `${body}.${checksum(body)}`;
}

/** Seven base-36 characters of FNV-1a: a corrupted value passes with odds of one in four billion. */
export const checksum = (text: string): string => fnv1a(text).toString(36).padStart(7, '0');

/** Version 1's check: a 31-multiplier hash as two base-36 characters (still read, never written). */
function checksumV1(text: string): string {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) % 1296;
  return hash.toString(36).padStart(2, '0');
}

/**
 * Reads a consent cookie value, as a browser or a server receives it (percent-encoding allowed).
 * Anything malformed, truncated, tampered or of another version is `null`: no choice, never an
 * exception, never a grant.
 */
export function parseConsentCookie(value: unknown): StoredChoice | null {
  if (typeof value !== 'string' || value.length > 4096) return null;
  let text = value;
  try {
    text = decodeURIComponent(text);
  } catch {
    return null;
  }
  const end = text.lastIndexOf('.');
  const match = FORMAT.exec(text.slice(0, end));
  if (!match) return null;
  const [body, version, revision, seconds, consentId, granted, denied] = match;
  if ((version === '1' ? checksumV1(body) : checksum(body)) !== text.slice(end + 1)) return null;
  const vendors: Record<string, boolean> = Object.create(null);
  for (const [list, answer] of [[granted, true], [denied, false]] as const) {
    for (const id of list ? list.split('~') : []) {
      // An empty or overlong id, or one listed twice, is not something this codec writes.
      if (!isVendorId(id) || id in vendors) return null;
      vendors[id] = answer;
    }
  }
  return { revision: +revision, timestamp: parseInt(seconds, 36) * 1000, consentId, vendors };
}

/** A new random consent id: 16 base-36 characters. */
export function newConsentId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
}
