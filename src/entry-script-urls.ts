// The classic script's files beside it: the language files (dist/lang/<code>.js), auto-blocking
// and receipts. Imported first by entry-script.ts, so that a manager already in the page, which
// starts as its element is defined, loads them from there.
import { setLanguageUrl } from './translations/languages.js';
import { setAutoBlockUrl } from './dom/load-auto-block.js';
import { setReceiptsUrl } from './standards/load-receipts.js';

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) {
  setLanguageUrl((code) => new URL(`lang/${code}.js`, script.src).href);
  setAutoBlockUrl(new URL('consent-gate-auto-block.js', script.src).href);
  setReceiptsUrl(new URL('consent-gate-receipts.js', script.src).href);
}
