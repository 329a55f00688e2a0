import { vendorCatalog } from './catalog.js';
import type { Vendor } from './vendor.js';

// The host patterns (host-pattern.ts) of each catalog vendor: a host with its subdomains, a path
// prefix where `*` is any one segment, a query parameter's prefix. Where two vendors share a host,
// the more specific pattern wins. Apart from catalog.ts so that only auto-blocking and the Node
// entries carry them.
const HOSTS = new Map(Object.entries({
  // Video
  'rte-player': 'rte.ie',
  youtube: 'youtube.com youtube-nocookie.com ytimg.com',
  vimeo: 'vimeo.com',
  dailymotion: 'dailymotion.com',
  brightcove: 'players.brightcove.net',
  jwplayer: 'cdn.jwplayer.com content.jwplatform.com jwpcdn.com',
  tiktok: 'tiktok.com',
  twitch: 'player.twitch.tv clips.twitch.tv embed.twitch.tv',
  // Audio and podcasts
  spotify: 'open.spotify.com',
  soundcloud: 'soundcloud.com',
  'apple-podcasts': 'embed.podcasts.apple.com',
  acast: 'acast.com',
  podigee: 'podigee.com podigee.io podigee-cdn.net',
  omny: 'omny.fm omnycontent.com',
  megaphone: 'megaphone.fm',
  spreaker: 'spreaker.com',
  // Social posts, GIFs and photos
  x: 'twitter.com x.com',
  instagram: 'instagram.com',
  facebook: 'facebook.com connect.facebook.net',
  threads: 'www.threads.net www.threads.com',
  bluesky: 'bsky.app',
  reddit: 'reddit.com',
  linkedin: 'www.linkedin.com',
  giphy: 'giphy.com',
  telegram: 'telegram.org t.me',
  'getty-images': 'embed.gettyimages.com embed-cdn.gettyimages.com',
  // Charts, maps and interactive stories
  datawrapper: 'dwcdn.net',
  flourish: 'flourish.studio flo.uri.sh',
  infogram: 'infogram.com',
  'google-maps': 'www.google.com/maps maps.google.com',
  'knight-lab': 'cdn.knightlab.com uploads.knightlab.com',
  // Documents
  documentcloud: 'documentcloud.org',
  scribd: 'scribd.com',
  'google-docs': 'docs.google.com drive.google.com',
  // Comments, live blogs and polls
  disqus: 'disqus.com disquscdn.com',
  coral: 'coralproject.net',
  openweb: 'spot.im',
  viafoura: 'viafoura.net viafoura.co',
  '24liveblog': '24liveblog.com',
  scribblelive: 'scribblelive.com',
  arena: 'arena.im',
  tickaroo: 'tickaroo.com',
  opinary: 'opinary.com',
  crowdsignal: 'crowdsignal.com crowdsignal.net polldaddy.com poll.fm',
  'google-forms': 'docs.google.com/forms',
  // Recommendations and advertising
  taboola: 'cdn.taboola.com trc.taboola.com',
  outbrain: 'widgets.outbrain.com amplify.outbrain.com',
  'google-ads': 'www.googleadservices.com googlesyndication.com doubleclick.net www.googletagmanager.com/gtag/js?id=AW- www.googletagmanager.com/gtag/js?id=DC-',
  'meta-pixel': 'connect.facebook.net/*/fbevents.js connect.facebook.net/signals www.facebook.com/tr',
  criteo: 'criteo.com criteo.net',
  'tiktok-pixel': 'analytics.tiktok.com',
  // Analytics and audience measurement
  'google-tag-manager': 'www.googletagmanager.com',
  'google-analytics': 'google-analytics.com analytics.google.com www.googletagmanager.com/gtag/js?id=G-',
  matomo: 'matomo.cloud',
  chartbeat: 'static.chartbeat.com',
  parsely: 'cdn.parsely.com p1.parsely.com',
  comscore: 'sb.scorecardresearch.com',
  hotjar: 'hotjar.com hotjar.io',
  nielsen: 'imrworldwide.com',
  infonline: 'ioam.de iocnt.net',
}));

/** The host patterns of a catalog vendor (none for an id the catalog does not have). */
export const catalogHosts = (id: string): string[] => HOSTS.get(id)?.split(' ') ?? [];

/** The vendors, each with the catalog's hosts where it declares none of its own. */
export const withCatalogHosts = <V extends Pick<Vendor, 'id' | 'hosts'>>(vendors: Iterable<V>): V[] =>
  Array.from(vendors, (vendor) => (vendor.hosts.length ? vendor : { ...vendor, hosts: catalogHosts(vendor.id) }));

/** The ids with hosts here: the catalog's own, as a test checks. */
export const hostIds = (): string[] => [...HOSTS.keys()];

/** The whole built-in catalog with its hosts: the default of the transform, exported from the Node entries. */
export const catalogVendors = (): Vendor[] => withCatalogHosts(vendorCatalog().values());
