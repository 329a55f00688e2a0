// dist/consent-gate.js: the classic script-tag build.
import './entry-script-urls.js';
import { bootstrap } from './bootstrap.js';
import './index.js';

bootstrap(document.currentScript as HTMLScriptElement | null);
