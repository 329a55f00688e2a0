import Cookies from 'js-cookie';
import { cookieMatches } from '../core/vendor.js';

// The one module that touches cookies; everything goes through js-cookie.

export interface CookieLocation {
  name: string;
  path: string;
  domain?: string;
}

// Reading document.cookie throws in sandboxed frames without allow-same-origin: such a page has
// no stored choice and cannot store one.
export function readCookie(name: string): string | undefined {
  try {
    return Cookies.get(name);
  } catch {
    return undefined;
  }
}

/** Writes the cookie and says whether the browser kept it (false when cookies are disabled). */
export function writeCookie(location: CookieLocation, value: string, maxAgeDays: number): boolean {
  try {
    Cookies.set(location.name, value, {
      expires: maxAgeDays,
      path: location.path,
      domain: location.domain || undefined,
      sameSite: 'Lax',
      secure: globalThis.location.protocol === 'https:',
    });
    return Cookies.get(location.name) === value;
  } catch {
    return false;
  }
}

export function removeCookie(location: CookieLocation): void {
  try {
    Cookies.remove(location.name, { path: location.path, domain: location.domain || undefined });
  } catch {
    // No cookie access: nothing was stored.
  }
}

/**
 * Erases every cookie whose name matches the patterns, host-only and on each parent domain of the
 * host (analytics tags set theirs on the highest domain they can), plus `extraDomain`; never `keep`.
 */
export function eraseCookies(patterns: readonly string[], paths: readonly string[], extraDomain: string, keep: string): void {
  if (!patterns.length) return;
  const labels = location.hostname.split('.');
  const domains = new Set<string | undefined>([undefined, extraDomain || undefined]);
  for (let i = 0; i < labels.length - 1; i++) domains.add(labels.slice(i).join('.'));
  for (const name of Object.keys(Cookies.get())) {
    if (name === keep || !cookieMatches(name, patterns)) continue;
    for (const domain of domains) for (const path of paths) Cookies.remove(name, { path, domain });
  }
}
