import { PURPOSES } from './purposes.js';
import type { Vendor, VendorKind } from './vendor.js';

// Compact rows keep the catalog's share of the bundle small:
// id | name | purpose index in PURPOSES | kind (its description is in the texts) | policy URL without https:// | hosts | cookies
// Hosts are patterns (vendor.ts, patternScore): a host with its subdomains, a path prefix where `*`
// is any one segment, a query parameter's prefix. Where two vendors share a host, the more specific pattern wins.
const ROWS = [
  // Video
  'rte-player|RTÉ Player|4|video|about.rte.ie/privacy/|rte.ie|',
  'youtube|YouTube|4|video|policies.google.com/privacy|youtube.com youtube-nocookie.com ytimg.com|',
  'vimeo|Vimeo|4|video|vimeo.com/privacy|vimeo.com|',
  'dailymotion|Dailymotion|4|video|legal.dailymotion.com/en/privacy-policy/|dailymotion.com|',
  'brightcove|Brightcove|4|video|www.brightcove.com/en/legal/privacy/|players.brightcove.net|',
  'jwplayer|JW Player|4|video|jwplayer.com/legal/privacy|cdn.jwplayer.com content.jwplatform.com jwpcdn.com|',
  'tiktok|TikTok|4|video|www.tiktok.com/legal/page/eea/privacy-policy/en|tiktok.com|',
  // Audio and podcasts
  'spotify|Spotify|4|audio|www.spotify.com/legal/privacy-policy/|open.spotify.com|',
  'soundcloud|SoundCloud|4|audio|soundcloud.com/pages/privacy|soundcloud.com|',
  'apple-podcasts|Apple Podcasts|4|podcast|www.apple.com/legal/privacy/|embed.podcasts.apple.com|',
  // Social posts, GIFs and photos
  'x|X (Twitter)|4|posts|x.com/en/privacy|twitter.com x.com|',
  'instagram|Instagram|4|posts|privacycenter.instagram.com/policy|instagram.com|',
  'facebook|Facebook|4|posts|www.facebook.com/privacy/policy/|facebook.com connect.facebook.net|',
  'threads|Threads|4|posts|help.instagram.com/515230437301944|www.threads.net www.threads.com|',
  'bluesky|Bluesky|4|posts|bsky.social/about/support/privacy-policy|bsky.app|',
  'reddit|Reddit|4|posts|www.reddit.com/policies/privacy-policy|reddit.com|',
  'linkedin|LinkedIn|4|posts|www.linkedin.com/legal/privacy-policy|www.linkedin.com|',
  'giphy|GIPHY|4|gifs|support.giphy.com/hc/en-us/articles/360032872931-GIPHY-Privacy-Policy|giphy.com|',
  // Charts, maps and interactive stories
  'datawrapper|Datawrapper|4|charts|www.datawrapper.de/privacy/|dwcdn.net|',
  'flourish|Flourish|4|charts|flourish.studio/privacy/|flourish.studio flo.uri.sh|',
  'infogram|Infogram|4|charts|infogram.com/privacy|infogram.com|',
  'google-maps|Google Maps|4|maps|policies.google.com/privacy|www.google.com/maps maps.google.com|',
  // Recommendations and advertising
  'taboola|Taboola|3|recommendations|www.taboola.com/policies/privacy-policy|cdn.taboola.com trc.taboola.com|trc_cookie_storage t_pt_gid _tb_sess_r _tb_t_ppg tb_click_param',
  'outbrain|Outbrain|3|recommendations|www.outbrain.com/privacy/|widgets.outbrain.com amplify.outbrain.com|',
  'google-ads|Google Ads|3|ads|policies.google.com/privacy|www.googleadservices.com googlesyndication.com doubleclick.net www.googletagmanager.com/gtag/js?id=AW- www.googletagmanager.com/gtag/js?id=DC-|_gcl_*',
  'meta-pixel|Meta Pixel|3|ad-measurement|www.facebook.com/privacy/policy/|connect.facebook.net/*/fbevents.js connect.facebook.net/signals www.facebook.com/tr|_fbp _fbc',
  // Analytics and audience measurement
  'google-tag-manager|Google Tag Manager|2|tag-manager|policies.google.com/privacy|www.googletagmanager.com|',
  'google-analytics|Google Analytics|2|analytics|policies.google.com/privacy|google-analytics.com analytics.google.com www.googletagmanager.com/gtag/js?id=G-|_ga _ga_* _gid _gat*',
  'matomo|Matomo|2|analytics|matomo.org/privacy-policy/|matomo.cloud|_pk_id.* _pk_ses.* _pk_ref.* mtm_consent*',
  'chartbeat|Chartbeat|2|analytics|chartbeat.com/privacy/|static.chartbeat.com|_cb _cb_svref _chartbeat2 _chartbeat4 _chartbeat5',
  'parsely|Parse.ly|2|analytics|automattic.com/privacy/|cdn.parsely.com p1.parsely.com|_parsely_visitor _parsely_session',
  'comscore|Comscore|2|audience|www.scorecardresearch.com/privacy.aspx|sb.scorecardresearch.com|',
] as const;

function parseRow(row: string): Vendor {
  const [id, name, purpose, kind, policy, hosts, cookies] = row.split('|');
  return {
    id,
    name,
    purpose: PURPOSES[Number(purpose)],
    kind: kind as VendorKind,
    policyUrl: policy && `https://${policy}`,
    hosts: hosts.split(' '),
    cookies: cookies.split(' ').filter(Boolean),
  };
}

let catalog: Map<string, Vendor> | undefined;

/** The built-in vendors, by id. */
export function vendorCatalog(): ReadonlyMap<string, Vendor> {
  catalog ??= new Map(ROWS.map((row) => [row.slice(0, row.indexOf('|')), parseRow(row)]));
  return catalog;
}
