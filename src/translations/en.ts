import type { PurposeId } from '../core/purposes.js';
import type { VendorKind } from '../core/vendor.js';

/** What each kind of vendor is, shown under its name (a vendor's own `description` overrides it). */
const vendorKinds: Record<VendorKind, (vendor: string) => string> = {
  video: () => 'Video player',
  audio: () => 'Audio player',
  podcast: () => 'Podcast player',
  posts: (vendor) => `Embedded posts from ${vendor}`,
  gifs: () => 'Animated images (GIFs)',
  images: () => 'Embedded photos',
  charts: () => 'Interactive charts and graphics',
  stories: () => 'Interactive timelines and stories',
  maps: () => 'Interactive maps',
  documents: () => 'Embedded documents',
  comments: () => 'Reader comments',
  liveblog: () => 'Live coverage of events as they happen',
  polls: () => 'Polls, quizzes and forms',
  recommendations: () => 'Recommends articles and sponsored content',
  ads: () => 'Shows ads and measures their results',
  'ad-measurement': (vendor) => `Measures the results of ads with ${vendor}`,
  analytics: () => 'Measures how readers use this site',
  audience: () => 'Measures audiences across sites',
  'tag-manager': () => 'Loads measurement and advertising tags',
};

/** A sentence with a count: its form for each plural category the language uses (`other` always). */
export type Plural = { [category in Intl.LDMLPluralRule]?: string } & { other: string };

/** The English texts; every other language has this shape (a missing key is a compile error). */
export const en = {
  bannerTitle: 'Your privacy on this site',
  bannerBody: (partners: string) =>
    `We and our partners (${partners}) would like to use cookies to show embedded content and ` +
    'measure how the site is used. Accept, reject or choose; change it any time in "Cookie settings".',
  /** By the language's plural rules (`Intl.PluralRules`): a form for each category it uses. */
  bannerNewVendors: {
    one: 'We have a new partner: {partners}. Your earlier answers are kept.',
    other: 'We have new partners: {partners}. Your earlier answers are kept.',
  } as Plural,
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  managePreferences: 'Manage Preferences',
  policyLink: 'Privacy and cookie policy',
  dialogTitle: 'Manage Preferences',
  dialogBody: 'Nothing is on until you switch it on. You can change this at any time.',
  close: 'Close',
  save: 'Save choices',
  saved: 'Your choices have been saved.',
  alwaysOn: 'Always on',
  vendorPolicy: (vendor: string) => `${vendor} privacy policy`,
  purposeNames: {
    necessary: 'Strictly necessary',
    functional: 'Functional',
    analytics: 'Analytics',
    advertising: 'Advertising',
    embeds: 'Social media and embedded content',
  } satisfies Record<PurposeId, string>,
  purposeDescriptions: {
    necessary: 'Needed for the site to work, such as remembering this choice.',
    functional: 'Remember your settings.',
    analytics: 'Measure how articles are read.',
    advertising: 'Show and measure ads, possibly based on your activity elsewhere.',
    embeds: 'Videos, posts, maps and charts from other services.',
  } satisfies Record<PurposeId, string>,
  vendorKinds,
  gateTitle: (vendor: string) => `We need your consent to load this ${vendor} content.`,
  gateBody: (vendor: string) =>
    `We use ${vendor} to manage extra content that can set cookies on your device and collect ` +
    'data about your activity. Please review their details and accept them to load the content.',
  gateAccept: (vendor: string) => `Accept ${vendor} and load`,
  gateLoadOnce: 'Load once',
  gateUnavailable: 'This content is unavailable.',
  gpcHonoured: 'Your browser sends a Global Privacy Control signal, so advertising partners stay off.',
  reloadNotice: 'Some of your changes take full effect when the page is reloaded.',
  reload: 'Reload page',
  unsavedNotice: 'Your choice applies to this page only: this browser does not let the site remember it.',
};

/** The texts of a language: English's keys, and what only the language files carry. */
export type Translation = typeof en & {
  /** Written right to left. */
  rtl?: true;
  /** Labels the dialog's language switch (English's is in the switch's own file). */
  language?: string;
  /** The language's name in itself, for the switch. */
  languageName?: string;
};

/** A language file's texts: a missing key is a compile error. */
export type LanguageTexts = Translation & { language: string; languageName: string };

export default en;
