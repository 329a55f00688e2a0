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
  const nonce = templateNonce || inert.nonce || inert.getAttribute('nonce') || '';
  const page = pageNonce();
  if (page && nonce !== page) {
    report("blocked script without the page's nonce: not run", inert);
    return undefined;
  }
  try {
    const script = document.createElement('script');
    for (const { name, value } of Array.from(inert.attributes)) {
      // Element's own setAttribute: auto-blocking watches the script one, for page code.
      if (!/^(type|data-type|nonce)$/.test(name)) {
        Element.prototype.setAttribute.call(script, name, value);
      }
    }
    const type = inert.getAttribute(inert.type === 'text/plain' ? 'data-type' : 'type');
    if (type) script.type = type;
    // Scripts created by script are async by default; keep document order unless the embed asked
    // for async itself.
    if (!inert.hasAttribute('async')) script.async = false;
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
 * Replaces every script in `root` with one that runs once `root` is in the document (scripts that
 * may not run are removed); true if any will run.
 */
export function makeScriptsRunnable(root: DocumentFragment, templateNonce?: string): boolean {
  let any = false;
  for (const inert of Array.from(root.querySelectorAll('script'))) {
    const script = executableScript(inert, templateNonce);
    inert.replaceWith(...(script ? [script] : []));
    any ||= !!script;
  }
  return any;
}
