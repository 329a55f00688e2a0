import { report } from '../core/report.js';
import { pageNonce } from './page-nonce.js';

let refused = false;

/**
 * A copy of a script element that the browser will run when inserted: scripts parsed inside a
 * `<template>` or written as `type="text/plain"` never run, and a clone keeps that state.
 * `type` becomes `data-type` (when present). Its nonce is the one its gate's template carries,
 * else its own: never the page's. When the page's scripts carry a nonce and this one does not
 * carry the same, it is not run (a page under `'strict-dynamic'` would trust any script the widget
 * inserts); nor when the browser refuses it (Trusted Types): undefined then, and a console error.
 */
export function executableScript(inert: HTMLScriptElement, templateNonce = ''): HTMLScriptElement | undefined {
  const nonce = templateNonce || inert.nonce || inert.getAttribute('nonce');
  const page = pageNonce();
  if (page && nonce != page) {
    report("blocked script without the page's nonce: not run", inert);
    return undefined;
  }
  try {
    const script = document.createElement('script');
    for (const { name, value } of inert.attributes) {
      // Element's own setAttribute: auto-blocking watches the script one, for page code.
      if (!/^(type|data-type|nonce)$/.test(name)) {
        Element.prototype.setAttribute.call(script, name, value);
      }
    }
    const type = inert.getAttribute(inert.type == 'text/plain' ? 'data-type' : 'type');
    if (type) script.type = type;
    if (nonce) script.nonce = nonce;
    script.text = inert.text;
    return script;
  } catch (cause) {
    // Once: every blocked script would say the same.
    if (!refused) report('blocked scripts cannot run under Trusted Types', cause);
    refused = true;
    return undefined;
  }
}

/**
 * Whether a script holds back the scripts after it, as a parser-inserted one does: an external
 * classic script without `async` or `defer`, until it has run or failed.
 */
// (Not `async`: a script created by script is, unless told otherwise.)
const holdsNext = (script: HTMLScriptElement) => script.src && !script.hasAttribute('async') && !script.defer && script.type != 'module';

/** Scripts waiting for their turn, each with the node it replaces. */
const waiting: Array<readonly [ChildNode, HTMLScriptElement]> = [];
let holding = false;

function next(): void {
  for (let item; !holding && (item = waiting.shift()); ) {
    const [place, script] = item;
    if (!place.isConnected) continue;
    place.replaceWith(script);
    if (holdsNext(script)) {
      holding = true;
      const resume = () => {
        holding = false;
        next();
      };
      for (const type of ['load', 'error']) script.addEventListener(type, resume);
    }
  }
}

/**
 * Puts `script` in the page in place of `place`, in its turn, as the parser runs scripts: in the
 * order given, the ones after a script that holds the next ones (an external one without `async`
 * or `defer`) once it has run or failed, as an in-page player's setup call needs its library.
 * Not once `place` has left the page.
 */
export function runInTurn(place: ChildNode, script: HTMLScriptElement): void {
  waiting.push([place, script]);
  next();
}

/**
 * Replaces every script in `root` with one that runs, in its turn (`runInTurn`), once `root` is in
 * the document (scripts that may not run are removed); true if any will run.
 */
export function makeScriptsRunnable(root: DocumentFragment, templateNonce?: string): boolean {
  let any = false;
  for (const inert of root.querySelectorAll('script')) {
    const script = executableScript(inert, templateNonce);
    const place = new Text();
    inert.replaceWith(place);
    if (script) {
      any = true;
      // A turn once `root` is in the document.
      queueMicrotask(() => runInTurn(place, script));
    }
  }
  return any;
}
