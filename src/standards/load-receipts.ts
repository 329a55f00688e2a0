import { report } from '../core/report.js';
import type { ConsentStore } from '../consent/consent-store.js';
import type { GivenChoice } from './receipts.js';

let url: string | undefined;

/** Where dist/consent-gate-receipts.js is: beside the widget's own script (the entries set it). */
export function setReceiptsUrl(value: string): void {
  url = value;
}

let receipts: Promise<typeof import('./receipts.js') | void> | undefined;

/**
 * Receipts are a file of their own (dist/consent-gate-receipts.js), loaded once, as soon as the
 * manager has a `log-endpoint`: pages without one never download it. Choices given before it has
 * arrived wait here, in order, and their receipts are kept and sent once it has; it also sends
 * those an earlier page view could not deliver.
 */
export function sendReceipt(endpoint: string, given?: GivenChoice): void {
  const from = (url ??= new URL('consent-gate-receipts.js', document.baseURI).href);
  receipts ??= import(/* @vite-ignore */ from).catch((cause: unknown) =>
    report(`no receipts: ${from} could not be loaded`, cause),
  );
  void receipts.then((module) => module?.sendReceipts(endpoint, given && module.receiptOf(given), given?.[5]));
}

/**
 * Sends what earlier page views could not deliver, then a receipt for every choice the reader (or
 * the API) gives, with the language and texts `shown`.
 */
export function sendReceiptsOf(store: ConsentStore, endpoint: string, shown: { readonly language: string; readonly texts: object }): void {
  sendReceipt(endpoint);
  store.follow(({ method }) => {
    // What the store holds now: the choice object is replaced, never changed, by the next one.
    if (method && method !== 'reset' && method !== 'tab') {
      sendReceipt(endpoint, [store.stored!, store.consent.purposes, method, store.settings.gpc, shown.language, shown.texts]);
    }
  });
}
