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
  'vimeo|Vimeo|4|Video player|https://vimeo.com/privacy|vimeo.com *.vimeo.com|',
  'dailymotion|Dailymotion|4|Video player|https://legal.dailymotion.com/en/privacy-policy/|dailymotion.com *.dailymotion.com|',
  'instagram|Instagram|4|Embedded posts from Instagram|https://privacycenter.instagram.com/policy|instagram.com *.instagram.com|',
  'facebook|Facebook|4|Embedded posts from Facebook|https://www.facebook.com/privacy/policy/|facebook.com *.facebook.com connect.facebook.net|',
  'tiktok|TikTok|4|Embedded videos from TikTok|https://www.tiktok.com/legal/page/eea/privacy-policy/en|tiktok.com *.tiktok.com|',
  'bluesky|Bluesky|4|Embedded posts from Bluesky|https://bsky.social/about/support/privacy-policy|bsky.app *.bsky.app|',
  'reddit|Reddit|4|Embedded posts from Reddit|https://www.reddit.com/policies/privacy-policy|reddit.com *.reddit.com|',
  'spotify|Spotify|4|Audio player|https://www.spotify.com/legal/privacy-policy/|open.spotify.com|',
  'soundcloud|SoundCloud|4|Audio player|https://soundcloud.com/pages/privacy|soundcloud.com *.soundcloud.com|',
  'google-maps|Google Maps|4|Embedded maps|https://policies.google.com/privacy|www.google.com/maps maps.google.com|',
  'datawrapper|Datawrapper|4|Embedded charts|https://www.datawrapper.de/privacy/|*.dwcdn.net|',
  'flourish|Flourish|4|Embedded charts and stories|https://flourish.studio/privacy/|flourish.studio *.flourish.studio flo.uri.sh|',
  'infogram|Infogram|4|Embedded charts and infographics||infogram.com *.infogram.com|',
  'brightcove|Brightcove|4|Video player|https://www.brightcove.com/en/legal/privacy/|players.brightcove.net|',
  'jwplayer|JW Player|4|Video player||cdn.jwplayer.com|',
  'threads|Threads|4|Embedded posts from Threads|https://help.instagram.com/515230437301944|www.threads.net www.threads.com|',
  'linkedin|LinkedIn|4|Embedded posts from LinkedIn|https://www.linkedin.com/legal/privacy-policy|www.linkedin.com|',
  'apple-podcasts|Apple Podcasts|4|Podcast player|https://www.apple.com/legal/privacy/|embed.podcasts.apple.com|',
  'giphy|GIPHY|4|Embedded GIFs|https://support.giphy.com/hc/en-us/articles/360032872931-GIPHY-Privacy-Policy|giphy.com *.giphy.com|',
  'chartbeat|Chartbeat|2|Measures which articles readers read||static.chartbeat.com|_cb _cb_svref _chartbeat2 _chartbeat4 _chartbeat5',
  'comscore|Comscore|2|Measures audiences across sites|https://www.scorecardresearch.com/privacy.aspx|sb.scorecardresearch.com|',
  'parsely|Parse.ly|2|Measures which articles readers read||cdn.parsely.com p1.parsely.com|_parsely_visitor _parsely_session',
  'matomo|Matomo|2|Measures how readers use this site|https://matomo.org/privacy-policy/|*.matomo.cloud|_pk_id.* _pk_ses.* _pk_ref.* mtm_consent*',
  'meta-pixel|Meta Pixel|3|Measures ad results for Meta|https://www.facebook.com/privacy/policy/||_fbp _fbc',
  'taboola|Taboola|3|Recommends sponsored content|https://www.taboola.com/policies/privacy-policy|cdn.taboola.com trc.taboola.com|trc_cookie_storage t_pt_gid _tb_sess_r _tb_t_ppg tb_click_param',
  'outbrain|Outbrain|3|Recommends sponsored content|https://www.outbrain.com/privacy/|widgets.outbrain.com amplify.outbrain.com|',
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
