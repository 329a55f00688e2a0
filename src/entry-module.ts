// dist/consent-gate.mjs: the ES-module build; as a <script type="module"> it configures itself
// from its own data-* attributes like the classic script.
import { bootstrap } from './bootstrap.js';
import { setLanguageUrl } from './translations/languages.js';
import { setAutoBlockUrl } from './dom/load-auto-block.js';
import { setReceiptsUrl } from './standards/load-receipts.js';

export * from './index.js';

const self = Array.from(document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')).find(
  (script) => script.src === import.meta.url,
);
// The language files (dist/lang/<code>.js), auto-blocking and receipts are next to this module.
const here = import.meta.url;
setLanguageUrl((code) => new URL(`lang/${code}.js`, here).href);
setAutoBlockUrl(new URL('consent-gate-auto-block.js', here).href);
setReceiptsUrl(new URL('consent-gate-receipts.js', here).href);
if (self) bootstrap(self);
