import { PURPOSES } from './purposes.js';
import type { Vendor, VendorKind } from './vendor.js';

// Compact rows keep the catalog's share of the bundle small:
// id | name | purpose index in PURPOSES | kind (its description is in the texts) | policy URL without https:// | cookies
// The hosts each vendor loads from are in catalog-hosts.ts: only auto-blocking and the Node
// transform match URLs, so the widget's own bundle (the manager and the gates) goes without them.
const ROWS = [
  // Video
  'rte-player|RTÉ Player|4|video|about.rte.ie/privacy/|',
  'youtube|YouTube|4|video|policies.google.com/privacy|',
  'vimeo|Vimeo|4|video|vimeo.com/privacy|',
  'dailymotion|Dailymotion|4|video|legal.dailymotion.com/en/privacy-policy/|',
  'brightcove|Brightcove|4|video|www.brightcove.com/en/legal/privacy/|',
  'jwplayer|JW Player|4|video|jwplayer.com/legal/privacy|',
  'tiktok|TikTok|4|video|www.tiktok.com/legal/page/eea/privacy-policy/en|',
  // Audio and podcasts
  'spotify|Spotify|4|audio|www.spotify.com/legal/privacy-policy/|',
  'soundcloud|SoundCloud|4|audio|soundcloud.com/pages/privacy|',
  'apple-podcasts|Apple Podcasts|4|podcast|www.apple.com/legal/privacy/|',
  // Social posts, GIFs and photos
  'x|X (Twitter)|4|posts|x.com/en/privacy|',
  'instagram|Instagram|4|posts|privacycenter.instagram.com/policy|',
  'facebook|Facebook|4|posts|www.facebook.com/privacy/policy/|',
  'threads|Threads|4|posts|help.instagram.com/515230437301944|',
  'bluesky|Bluesky|4|posts|bsky.social/about/support/privacy-policy|',
  'reddit|Reddit|4|posts|www.reddit.com/policies/privacy-policy|',
  'linkedin|LinkedIn|4|posts|www.linkedin.com/legal/privacy-policy|',
  'giphy|GIPHY|4|gifs|support.giphy.com/hc/en-us/articles/360032872931-GIPHY-Privacy-Policy|',
  // Charts, maps and interactive stories
  'datawrapper|Datawrapper|4|charts|www.datawrapper.de/privacy/|',
  'flourish|Flourish|4|charts|flourish.studio/privacy/|',
  'infogram|Infogram|4|charts|infogram.com/privacy|',
  'google-maps|Google Maps|4|maps|policies.google.com/privacy|',
  // Recommendations and advertising
  'taboola|Taboola|3|recommendations|www.taboola.com/policies/privacy-policy|trc_cookie_storage t_pt_gid _tb_sess_r _tb_t_ppg tb_click_param',
  'outbrain|Outbrain|3|recommendations|www.outbrain.com/privacy/|',
  'google-ads|Google Ads|3|ads|policies.google.com/privacy|_gcl_*',
  'meta-pixel|Meta Pixel|3|ad-measurement|www.facebook.com/privacy/policy/|_fbp _fbc',
  // Analytics and audience measurement
  'google-tag-manager|Google Tag Manager|2|tag-manager|policies.google.com/privacy|',
  'google-analytics|Google Analytics|2|analytics|policies.google.com/privacy|_ga _ga_* _gid _gat*',
  'matomo|Matomo|2|analytics|matomo.org/privacy-policy/|_pk_id.* _pk_ses.* _pk_ref.* mtm_consent*',
  'chartbeat|Chartbeat|2|analytics|chartbeat.com/privacy/|_cb _cb_svref _chartbeat2 _chartbeat4 _chartbeat5',
  'parsely|Parse.ly|2|analytics|automattic.com/privacy/|_parsely_visitor _parsely_session',
  'comscore|Comscore|2|audience|www.scorecardresearch.com/privacy.aspx|',
] as const;

function parseRow(row: string): Vendor {
  const [id, name, purpose, kind, policy, cookies] = row.split('|');
  return {
    id,
    name,
    purpose: PURPOSES[Number(purpose)],
    kind: kind as VendorKind,
    policyUrl: policy && `https://${policy}`,
    hosts: [],
    cookies: cookies.split(' ').filter(Boolean),
  };
}

let catalog: Map<string, Vendor> | undefined;

/** The built-in vendors, by id, without their hosts (`catalogVendors()` has them). */
export function vendorCatalog(): ReadonlyMap<string, Vendor> {
  catalog ??= new Map(ROWS.map((row) => [row.slice(0, row.indexOf('|')), parseRow(row)]));
  return catalog;
}
