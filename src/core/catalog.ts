import { words, type Vendor, type VendorKind } from './vendor.js';

// Compact rows keep the catalog's share of the bundle small: one string, rows separated by commas,
// each `name|policy URL without https://|cookies|id` with empty fields at the end left out, the
// first row of each kind (its description is in the texts) after `kind:`. The id is left out where
// it is the name in lower case, spaces as hyphens, other characters dropped.
// The kind gives the purpose: advertising for ads, ad measurement and recommendations, analytics for
// analytics, audience measurement and tag managers, embeds for every other kind.
// The hosts each vendor loads from are in catalog-hosts.ts: only auto-blocking and the Node
// transform match URLs, so the widget's own bundle (the manager and the gates) goes without them.
const ROWS =
  'video:RTÉ Player|about.rte.ie/privacy/||rte-player,' +
  'YouTube|policies.google.com/privacy,' +
  'Vimeo|vimeo.com/privacy,' +
  'Dailymotion|legal.dailymotion.com/en/privacy-policy/,' +
  'Brightcove|www.brightcove.com/en/legal/privacy/,' +
  'JW Player|jwplayer.com/legal/privacy||jwplayer,' +
  'TikTok|www.tiktok.com/legal/page/eea/privacy-policy/en,' +
  'Twitch|www.twitch.tv/p/legal/privacy-notice/,' +
  'audio:Spotify|www.spotify.com/legal/privacy-policy/,' +
  'SoundCloud|soundcloud.com/pages/privacy,' +
  'podcast:Apple Podcasts|www.apple.com/legal/privacy/,' +
  'Acast|www.acast.com/privacy,' +
  'Podigee|www.podigee.com/en/about/privacy/,' +
  'Omny Studio|omnystudio.com/policies/listener||omny,' +
  'Megaphone|www.spotify.com/legal/privacy-policy/,' +
  'Spreaker|www.spreaker.com/privacy,' +
  'posts:X (Twitter)|x.com/en/privacy||x,' +
  'Instagram|privacycenter.instagram.com/policy,' +
  'Facebook|www.facebook.com/privacy/policy/,' +
  'Threads|help.instagram.com/515230437301944,' +
  'Bluesky|bsky.social/about/support/privacy-policy,' +
  'Reddit|www.reddit.com/policies/privacy-policy,' +
  'LinkedIn|www.linkedin.com/legal/privacy-policy,' +
  'Telegram|telegram.org/privacy,' +
  'gifs:GIPHY|support.giphy.com/hc/en-us/articles/360032872931,' +
  'images:Getty Images|www.gettyimages.com/company/privacy-policy,' +
  'charts:Datawrapper|www.datawrapper.de/privacy/,' +
  'Flourish|flourish.studio/privacy/,' +
  'Infogram|infogram.com/privacy,' +
  'maps:Google Maps|policies.google.com/privacy,' +
  'stories:Knight Lab|www.northwestern.edu/privacy/,' +
  'documents:DocumentCloud|www.documentcloud.org/help/privacy/,' +
  'Scribd|support.scribd.com/hc/en-us/articles/210129366,' +
  'Google Docs|policies.google.com/privacy,' +
  'comments:Disqus|help.disqus.com/en/articles/1717103-disqus-privacy-policy,' +
  'Coral|coralproject.net/privacy/,' +
  'OpenWeb|www.openweb.com/legal-and-privacy/privacy/,' +
  'Viafoura|viafoura.com/privacy-policy/,' +
  'liveblog:24liveblog|www.24liveblog.com/privacy,' +
  'ScribbleLive|www.scribblelive.com/privacy-policy/,' +
  'Arena|arena.im/privacy-policy/,' +
  'Tickaroo|www.tickaroo.com/privacy,' +
  'polls:Opinary|opinary.com/privacy-policy/,' +
  'Crowdsignal|automattic.com/privacy/,' +
  'Google Forms|policies.google.com/privacy,' +
  'recommendations:Taboola|www.taboola.com/policies/privacy-policy|trc_cookie_storage t_pt_gid _tb_sess_r _tb_t_ppg tb_click_param,' +
  'Outbrain|www.outbrain.com/privacy/,' +
  'ads:Google Ads|policies.google.com/privacy|_gcl_*,' +
  'Criteo|www.criteo.com/privacy/|cto_bundle cto_bidid,' +
  'ad-measurement:Meta Pixel|www.facebook.com/privacy/policy/|_fbp _fbc,' +
  'TikTok Pixel|www.tiktok.com/legal/page/eea/privacy-policy/en|_ttp,' +
  'tag-manager:Google Tag Manager|policies.google.com/privacy,' +
  'analytics:Google Analytics|policies.google.com/privacy|_ga _ga_* _gid _gat*,' +
  'Matomo|matomo.org/privacy-policy/|_pk_id.* _pk_ses.* _pk_ref.* mtm_consent*,' +
  'Chartbeat|chartbeat.com/privacy/|_cb _cb_svref _chartbeat2 _chartbeat4 _chartbeat5,' +
  'Parse.ly|automattic.com/privacy/|_parsely_visitor _parsely_session,' +
  'Hotjar|www.hotjar.com/legal/policies/privacy/|_hj*,' +
  'audience:Comscore|www.scorecardresearch.com/privacy.aspx,' +
  'Nielsen|www.nielsen.com/legal/privacy-statement/digital-measurement/,' +
  'INFOnline|www.infonline.de/datenschutz/';

function parseRow(kind: string, row: string): Vendor {
  const [name, policy, cookies, id] = row.split('|');
  return {
    id: id || name.toLowerCase().replace(/ /g, '-').replace(/[^a-z0-9-]/g, ''),
    name,
    purpose: /^(ad|rec)/.test(kind) ? 'advertising' : /^(analytics|audience|tag)/.test(kind) ? 'analytics' : 'embeds',
    kind: kind as VendorKind,
    policyUrl: `https://${policy}`,
    hosts: [],
    cookies: words(cookies),
  };
}

let catalog: Map<string, Vendor> | undefined;

/** The built-in vendors, by id, without their hosts (`catalogVendors()` has them). */
export function vendorCatalog(): ReadonlyMap<string, Vendor> {
  let kind = '';
  catalog ??= new Map(
    ROWS.split(',').map((row) => {
      // A kind's first row starts with `kind:`; the rows after it are of the same kind.
      const [, rowKind = kind, rest] = /^(?:([a-z-]+):)?(.*)/.exec(row)!;
      const vendor = parseRow((kind = rowKind), rest);
      return [vendor.id, vendor];
    }),
  );
  return catalog;
}
