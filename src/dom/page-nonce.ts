let nonce: string | undefined;

/** The CSP nonce of the page's scripts, passed on to the scripts the widget activates. */
export function pageNonce(): string | undefined {
  if (nonce === undefined) {
    const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector('script[nonce]');
    nonce = (script as HTMLScriptElement | null)?.nonce || '';
  }
  return nonce || undefined;
}
