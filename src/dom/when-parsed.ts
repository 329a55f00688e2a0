/** Runs `callback` as soon as `<body>` exists (at once when it does). */
export function whenBody(callback: () => void): void {
  if (document.body) return callback();
  const observer = new MutationObserver(() => {
    if (!document.body) return;
    observer.disconnect();
    callback();
  });
  observer.observe(document.documentElement, { childList: true });
}

/** Runs `callback` once the document is parsed (at once when it already is). */
export function whenParsed(callback: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback, { once: true });
  else callback();
}
