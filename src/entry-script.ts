// dist/consent-gate.js: the classic script-tag build.
import { bootstrap } from './bootstrap.js';
import './index.js';
import { setLanguageUrl } from './translations/languages.js';

const script = document.currentScript as HTMLScriptElement | null;
// The language files are next to this script: dist/lang/<code>.js.
if (script?.src) setLanguageUrl((code) => new URL(`lang/${code}.js`, script.src).href);
bootstrap(script);
