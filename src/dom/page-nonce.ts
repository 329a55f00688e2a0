let nonce: string | undefined;

/**
 * The CSP nonce of the page's scripts (undefined when they carry none): a blocked script must carry
 * the same to be run. Never copied onto a script.
 */
export function pageNonce(): string | undefined {
  if (nonce === undefined) {
    // Called after start-up, when document.currentScript is gone: any nonced script tells.
    nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || '';
  }
  return nonce || undefined;
}
