import { PURPOSES } from './purposes.js';
import type { Vendor } from './vendor.js';

// Compact rows keep the catalog's share of the bundle small:
// id | name | purpose index in PURPOSES | description | policy URL | hosts | cookies
const ROWS = [
  'rte-player|RTÉ Player|4|Video and audio player for RTÉ news clips|https://about.rte.ie/privacy/|rte.ie *.rte.ie|',
  'youtube|YouTube|4|Google\'s video player; it sets cookies and records what you watch|https://policies.google.com/privacy|youtube.com *.youtube.com youtube-nocookie.com *.youtube-nocookie.com *.ytimg.com|',
  'vimeo|Vimeo|4|Video player; it sets cookies and records how you watch|https://vimeo.com/privacy|vimeo.com *.vimeo.com *.vimeocdn.com|',
  'x|X (Twitter)|4|Embedded posts from X; it sets cookies and records your activity|https://x.com/en/privacy|platform.twitter.com syndication.twitter.com twitter.com x.com|',
  'instagram|Instagram|4|Embedded posts from Instagram (Meta); it sets cookies and records your activity|https://privacycenter.instagram.com/policy|instagram.com *.instagram.com *.cdninstagram.com|',
  'tiktok|TikTok|4|Embedded TikTok videos; it sets cookies and records your activity|https://www.tiktok.com/legal/page/eea/privacy-policy/en|tiktok.com *.tiktok.com|',
  'datawrapper|Datawrapper|4|Interactive charts and maps|https://www.datawrapper.de/privacy|datawrapper.dwcdn.net|',
  'google-analytics|Google Analytics|2|Measures how readers use this site|https://policies.google.com/privacy|www.googletagmanager.com *.google-analytics.com|_ga _ga_* _gid _gat*',
] as const;

function parseRow(row: string): Vendor {
  const [id, name, purpose, description, policyUrl, hosts, cookies] = row.split('|');
  return {
    id,
    name,
    purpose: PURPOSES[Number(purpose)],
    description,
    policyUrl,
    hosts: hosts.split(' ').filter(Boolean),
    cookies: cookies.split(' ').filter(Boolean),
  };
}

let catalog: Map<string, Vendor> | undefined;

/** The built-in vendors, by id. */
export function vendorCatalog(): ReadonlyMap<string, Vendor> {
  catalog ??= new Map(ROWS.map((row) => [row.slice(0, row.indexOf('|')), parseRow(row)]));
  return catalog;
}
