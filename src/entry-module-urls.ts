// Imported first by entry-module.ts, so that a manager already in the page, which starts as its
// element is defined, loads the files beside the module from there.
import { filesBeside } from './files-beside.js';

filesBeside(import.meta.url);
