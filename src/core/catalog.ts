import { PURPOSES } from './purposes.js';
import type { Vendor } from './vendor.js';

// Compact rows keep the catalog's share of the bundle small:
// id | name | purpose index in PURPOSES | description | policy URL | hosts | cookies
const ROWS = [
  'rte-player|RTÉ Player|4|Video and audio player for RTÉ clips|https://about.rte.ie/privacy/|rte.ie *.rte.ie|',
  'youtube|YouTube|4|Video player by Google|https://policies.google.com/privacy|youtube.com *.youtube.com youtube-nocookie.com *.youtube-nocookie.com *.ytimg.com|',
  'x|X (Twitter)|4|Embedded posts from X|https://x.com/en/privacy|platform.twitter.com syndication.twitter.com twitter.com x.com|',
  'google-analytics|Google Analytics|2|Measures how readers use this site|https://policies.google.com/privacy|www.googletagmanager.com *.google-analytics.com|_ga _ga_* _gid _gat*',
  'google-ads|Google Ads|3|Shows ads and measures their results|https://policies.google.com/privacy|www.googleadservices.com *.googlesyndication.com *.doubleclick.net|_gcl_*',
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
