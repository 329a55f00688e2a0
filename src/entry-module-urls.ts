// The module build's files beside it: the language files (dist/lang/<code>.js), auto-blocking and
// receipts. Imported first by entry-module.ts, so that a manager already in the page, which starts
// as its element is defined, loads them from there.
import { setLanguageUrl } from './translations/languages.js';
import { setAutoBlockUrl } from './dom/load-auto-block.js';
import { setReceiptsUrl } from './standards/load-receipts.js';

const here = import.meta.url;
setLanguageUrl((code) => new URL(`lang/${code}.js`, here).href);
setAutoBlockUrl(new URL('consent-gate-auto-block.js', here).href);
setReceiptsUrl(new URL('consent-gate-receipts.js', here).href);
