import { report } from '../core/report.js';
import type { UnhashedReceipt } from './receipts.js';

let url: string | undefined;

/** Where dist/consent-gate-receipts.js is: beside the widget's own script (the entries set it). */
export function setReceiptsUrl(value: string): void {
  url = value;
}

let receipts: Promise<typeof import('./receipts.js') | void> | undefined;

/**
 * Receipts are a file of their own (dist/consent-gate-receipts.js), loaded once, as soon as the
 * manager has a `log-endpoint`: pages without one never download it. Receipts given before it has
 * arrived wait here, in order, and are kept and sent once it has; it also sends those an earlier
 * page view could not deliver.
 */
export function sendReceipt(endpoint: string, receipt?: UnhashedReceipt, texts?: object): void {
  const from = (url ??= new URL('consent-gate-receipts.js', document.baseURI).href);
  receipts ??= import(/* @vite-ignore */ from).catch((cause: unknown) =>
    report(`no receipts: ${from} could not be loaded`, cause),
  );
  void receipts.then((module) => module?.sendReceipts(endpoint, receipt, texts));
}
