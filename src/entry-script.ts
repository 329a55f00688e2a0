// dist/consent-gate.js: the classic script-tag build.
import { bootstrap } from './bootstrap.js';
import './index.js';
import { setLanguageUrl } from './translations/languages.js';
import { setAutoBlockUrl } from './dom/load-auto-block.js';
import { setReceiptsUrl } from './standards/load-receipts.js';

const script = document.currentScript as HTMLScriptElement | null;
// The language files (dist/lang/<code>.js), auto-blocking and receipts are next to this script.
if (script?.src) {
  setLanguageUrl((code) => new URL(`lang/${code}.js`, script.src).href);
  setAutoBlockUrl(new URL('consent-gate-auto-block.js', script.src).href);
  setReceiptsUrl(new URL('consent-gate-receipts.js', script.src).href);
}
bootstrap(script);
