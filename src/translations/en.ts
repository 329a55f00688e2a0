import type { PurposeId } from '../core/purposes.js';

/** The English texts; every other language has this shape (a missing key is a compile error). */
export const en = {
  bannerLabel: 'Cookie consent',
  bannerTitle: 'Your privacy on this site',
  bannerBody: (partners: string) =>
    `We and our partners (${partners}) would like to use cookies and similar technologies to load ` +
    'videos, social posts and other embedded content and to measure how the site is used. ' +
    'You can accept or reject all of them, or choose. You can change your mind at any time ' +
    'with "Cookie settings".',
  bannerNewVendors: (partners: string) =>
    `We have added partners since you made your choice: ${partners}. Your earlier answers stay as they were.`,
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  managePreferences: 'Manage Preferences',
  policyLink: 'Privacy and cookie policy',
  dialogTitle: 'Manage Preferences',
  dialogBody:
    'Choose what you allow. Nothing is switched on until you say so, and you can come back and ' +
    'change your choice at any time.',
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
    necessary: 'Needed for the site to work, for example to remember this choice.',
    functional: 'Remember your settings and make the site easier to use.',
    analytics: 'Count visits and measure how articles are read, so we can improve them.',
    advertising: 'Show advertising and measure it, possibly based on your activity across sites.',
    embeds: 'Videos, audio, posts, maps and charts from other services, shown inside our articles.',
  } satisfies Record<PurposeId, string>,
  gateTitle: (vendor: string) => `We need your consent to load this ${vendor} content.`,
  gateBody: (vendor: string) =>
    `We use ${vendor} to manage extra content that can set cookies on your device and collect ` +
    'data about your activity. Please review their details and accept them to load the content.',
  gateAccept: (vendor: string) => `Accept ${vendor} and load`,
  gateLoadOnce: 'Load once',
  gateUnavailable: 'This content is unavailable.',
  gateLabel: (vendor: string) => `${vendor} content blocked`,
};

export type Translation = typeof en;
