let nonce: string | undefined;

/**
 * The widget's own script tag tells the page's nonce: the server that renders the page nonces it
 * under a nonce-based CSP. Called at start-up with that tag.
 */
export function setPageNonce(script: HTMLScriptElement | null): void {
  if (script?.nonce) nonce = script.nonce;
}

/**
 * The CSP nonce of the page's scripts (undefined when they carry none): a blocked script must carry
 * the same to be run. Never copied onto a script.
 */
export function pageNonce(): string | undefined {
  if (nonce === undefined) {
    // Without the widget's own tag to tell: a nonced script of the page's that runs. Embed codes
    // may carry the nonce of the site they were copied from (Facebook's SDK code does); blocked,
    // they are text/plain or data-consent, and are not the page's.
    nonce = document.querySelector<HTMLScriptElement>('script[nonce]:not([data-consent]):not([type="text/plain"])')?.nonce || '';
  }
  return nonce || undefined;
}
