// The widget's files beside its own script: the language files (dist/lang/<code>.js),
// auto-blocking and receipts. Each entry tells where it was loaded from (entry-script-urls.ts,
// entry-module-urls.ts), before any element is defined.
import { setLanguageUrl } from './translations/languages.js';
import { setAutoBlockUrl } from './dom/load-auto-block.js';
import { setReceiptsUrl } from './standards/load-receipts.js';

/** Finds the files beside the script or module at `base`. */
export function filesBeside(base: string): void {
  setLanguageUrl((code) => new URL(`lang/${code}.js`, base).href);
  setAutoBlockUrl(new URL('consent-gate-auto-block.js', base).href);
  setReceiptsUrl(new URL('consent-gate-receipts.js', base).href);
}
