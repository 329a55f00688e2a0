/**
 * A copy of a script element that the browser will run when inserted: scripts parsed inside a
 * `<template>` or written as `type="text/plain"` never run, and a clone keeps that state.
 * `type` becomes `data-type` (when present) and the nonce is carried over for strict CSPs.
 */
export function executableScript(inert: HTMLScriptElement, nonce?: string): HTMLScriptElement {
  const script = document.createElement('script');
  for (const { name, value } of Array.from(inert.attributes)) {
    // Element's own setAttribute: auto-blocking watches the script one, for page code.
    if (name !== 'type' && name !== 'data-type') Element.prototype.setAttribute.call(script, name, value);
  }
  const type = inert.getAttribute(inert.type === 'text/plain' ? 'data-type' : 'type');
  if (type) script.type = type;
  // Scripts created by script are async by default; keep document order unless the embed asked
  // for async itself.
  if (!inert.hasAttribute('async')) script.async = false;
  // The page's nonce first: an embed code may carry a nonce of the site it was copied from.
  const inheritedNonce = nonce || inert.nonce || inert.getAttribute('nonce');
  if (inheritedNonce) script.nonce = inheritedNonce;
  script.text = inert.text;
  return script;
}

/** Replaces every script in `root` with one that runs once `root` is in the document; true if any. */
export function makeScriptsRunnable(root: DocumentFragment, nonce?: string): boolean {
  const scripts = Array.from(root.querySelectorAll('script'));
  for (const script of scripts) script.replaceWith(executableScript(script, nonce));
  return scripts.length > 0;
}
