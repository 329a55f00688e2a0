let nonce: string | undefined;

/** The CSP nonce of the page's scripts, passed on to the scripts the widget activates. */
export function pageNonce(): string | undefined {
  if (nonce === undefined) {
    // Called after start-up, when document.currentScript is gone: any nonced script tells.
    nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce || '';
  }
  return nonce || undefined;
}
