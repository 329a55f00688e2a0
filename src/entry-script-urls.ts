// Imported first by entry-script.ts, so that a manager already in the page, which starts as its
// element is defined, loads the files beside the classic script from there.
import { filesBeside } from './files-beside.js';

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) filesBeside(script.src);
