// dist/consent-gate.mjs: the ES-module build; as a <script type="module"> it configures itself
// from its own data-* attributes like the classic script.
import './entry-module-urls.js';
import { bootstrap } from './bootstrap.js';

export * from './index.js';

const self = Array.from(document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')).find(
  (script) => script.src === import.meta.url,
);
if (self) bootstrap(self);
