import Cookies from 'js-cookie';
import { cookieMatches } from '../core/vendor.js';

// The one module that touches cookies; everything goes through js-cookie.

export interface CookieLocation {
  name: string;
  path: string;
  domain?: string;
}

/**
 * Every value of the cookies of that name the page sees: another tool may have a cookie of the
 * same name on a longer path or another domain, listed first. A value that is not valid
 * percent-encoding comes back as it is (it is then no valid choice, and said so).
 */
export function readCookies(name: string): string[] {
  const values: string[] = [];
  // Reading document.cookie throws in sandboxed frames without allow-same-origin: such a page
  // has no stored choice and cannot store one.
  try {
    Cookies.withConverter({
      read(value, found) {
        if (found === name) {
          try {
            values.push(Cookies.converter.read(value, found));
          } catch {
            values.push(value);
          }
        }
        // Not kept by js-cookie, which then reads the next cookie of the same name too.
        throw 0;
      },
    }).get();
  } catch {
    // No cookie access.
  }
  return values;
}

/**
 * Writes the cookie and says whether the browser kept it (false when cookies are disabled). The
 * cookies of the same name it can reach elsewhere (a parent domain a sibling subdomain wrote, an
 * older path) are expired first, so that the choice saved here is the one read back.
 */
export function writeCookie(location: CookieLocation, value: string, maxAgeDays: number): boolean {
  try {
    eraseCookies([location.name], location.path, location.domain);
    Cookies.set(location.name, value, {
      expires: maxAgeDays,
      path: location.path,
      domain: location.domain || undefined,
      sameSite: 'Lax',
      secure: globalThis.location.protocol === 'https:',
    });
    return readCookies(location.name).includes(value);
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
 * host (analytics tags set theirs on the highest domain they can), plus `extraDomain`, on every
 * path this page sees cookies of (a script's cookie without a path gets its page's directory),
 * plus `extraPath`; never `keep`.
 */
export function eraseCookies(patterns: readonly string[], extraPath: string, extraDomain?: string, keep?: string): void {
  const labels = location.hostname.split('.');
  const domains = new Set<string | undefined>([undefined, extraDomain || undefined]);
  for (let i = 0; i < labels.length - 1; i++) domains.add(labels.slice(i).join('.'));
  const segments = location.pathname.split('/');
  const paths = new Set(['/', extraPath]);
  for (let i = 2; i <= segments.length; i++) {
    const path = segments.slice(0, i).join('/');
    paths.add(path).add(`${path}/`);
  }
  for (const name of Object.keys(Cookies.get())) {
    if (name === keep || !cookieMatches(name, patterns)) continue;
    for (const domain of domains) for (const path of paths) Cookies.remove(name, { path, domain });
  }
}
