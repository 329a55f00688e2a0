import { report } from '../core/report.js';
import { safeHttpUrl } from '../core/safe-url.js';
import { executableScript } from './run-scripts.js';

const PENDING = 'script[type="text/plain"][data-consent], iframe[data-consent][data-src]:not([src])';
const LOADED_IFRAME = 'iframe[data-consent][src]';

/**
 * Scripts (`type="text/plain" data-consent`) and iframes (`data-consent data-src`) outside any
 * gate: activated once their vendor is granted, in document order, including elements added
 * later (one observer for the whole page).
 */
export class BlockedElements {
  private observer?: MutationObserver;
  /** An external script being loaded: later ones wait for it, as in the parser's order. */
  private loading?: HTMLScriptElement;

  constructor(
    private readonly isGranted: (vendorId: string) => boolean,
    private readonly scriptRan: (vendorId: string) => void = () => {},
  ) {}

  start(): void {
    // Only the added nodes are looked at: a page query per parser chunk would make a long
    // article's parsing quadratic (npm run bench).
    const pending = (node: Node) =>
      node instanceof Element &&
      (((node.localName === 'script' || node.localName === 'iframe') && node.matches(PENDING)) ||
        (!!node.firstElementChild && !!node.querySelector(PENDING)));
    this.observer ??= new MutationObserver((records) => {
      if (records.some((record) => Array.from(record.addedNodes).some(pending))) this.activate();
    });
    this.observer.observe(document.documentElement, { childList: true, subtree: true });
    this.activate();
  }

  stop(): void {
    this.observer?.disconnect();
  }

  /** Activates every pending element whose vendor is granted. */
  activate(): void {
    if (this.loading) return;
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(PENDING))) {
      const vendor = element.dataset.consent ?? '';
      if (!this.isGranted(vendor) || element.closest('template')) continue;
      if (element instanceof HTMLScriptElement) {
        const script = executableScript(element);
        if (!script) {
          // Not run (no nonce of the page's, or refused): it stays inert and is not tried again.
          delete element.dataset.consent;
          continue;
        }
        // An inline script after an external one must find it loaded; async and module scripts
        // never blocked the parser either.
        const blocking = script.src && !script.async && script.type !== 'module';
        if (blocking) {
          this.loading = script;
          const resume = () => {
            this.loading = undefined;
            this.activate();
          };
          script.addEventListener('load', resume, { once: true });
          script.addEventListener('error', resume, { once: true });
        }
        element.replaceWith(script);
        this.scriptRan(vendor);
        if (blocking) return;
      } else if (element instanceof HTMLIFrameElement) {
        const src = safeHttpUrl(element.dataset.src, document.baseURI);
        if (src) element.src = src;
        else report(`data-src "${element.dataset.src}" is not http(s)`);
      }
    }
  }

  /** Unloads the iframes of vendors no longer granted (their scripts, once run, stay run). */
  block(): void {
    for (const iframe of Array.from(document.querySelectorAll<HTMLIFrameElement>(LOADED_IFRAME))) {
      if (iframe.dataset.src && !this.isGranted(iframe.dataset.consent ?? '')) {
        // Replacing the element discards its browsing context; removing `src` would not.
        const blocked = iframe.cloneNode(true) as HTMLIFrameElement;
        blocked.removeAttribute('src');
        iframe.replaceWith(blocked);
      }
    }
  }
}
