import Cookies from 'js-cookie';
import { cookieMatches } from '../core/vendor.js';

// The one module that touches cookies; everything goes through js-cookie.

export interface CookieLocation {
  name: string;
  path: string;
  domain?: string;
}

export const readCookie = (name: string): string | undefined => Cookies.get(name);

/** Writes the cookie and says whether the browser kept it (false when cookies are disabled). */
export function writeCookie(location: CookieLocation, value: string, maxAgeDays: number): boolean {
  Cookies.set(location.name, value, {
    expires: maxAgeDays,
    path: location.path,
    domain: location.domain || undefined,
    sameSite: 'Lax',
    secure: globalThis.location.protocol === 'https:',
  });
  return Cookies.get(location.name) === value;
}

export function removeCookie(location: CookieLocation): void {
  Cookies.remove(location.name, { path: location.path, domain: location.domain || undefined });
}

/**
 * Erases every cookie whose name matches the patterns, host-only and on each parent domain of the
 * host (analytics tags set theirs on the highest domain they can), plus `extraDomain`.
 */
export function eraseCookies(patterns: readonly string[], paths: readonly string[], extraDomain?: string): void {
  if (!patterns.length) return;
  const labels = location.hostname.split('.');
  const domains = new Set<string | undefined>([undefined, extraDomain || undefined]);
  for (let i = 0; i < labels.length - 1; i++) domains.add(labels.slice(i).join('.'));
  for (const name of Object.keys(Cookies.get())) {
    if (!cookieMatches(name, patterns)) continue;
    for (const domain of domains) for (const path of paths) Cookies.remove(name, { path, domain });
  }
}
