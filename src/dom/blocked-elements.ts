import type { ConsentStore } from '../consent/consent-store.js';
import { report } from '../core/report.js';
import { safeHttpUrl } from '../core/safe-url.js';
import { executableScript, runInTurn } from './run-scripts.js';
import { whenParsed } from './when-parsed.js';

const PENDING = 'script[type="text/plain"][data-consent], iframe[data-consent][data-src]:not([src])';
const LOADED_IFRAME = 'iframe[data-consent][src]';

/**
 * Scripts (`type="text/plain" data-consent`) and iframes (`data-consent data-src`) outside any
 * gate: activated once their vendor is granted, in document order, including elements added
 * later (one observer for the whole page).
 */
export class BlockedElements {
  private observer?: MutationObserver;

  /** `store` says what is granted, and learns which vendors' scripts ran. */
  constructor(private readonly store: ConsentStore) {}

  start(): void {
    // Only the added nodes are looked at: a page query per parser chunk would make a long
    // article's parsing quadratic (npm run bench).
    const pending = (node: Node) => node instanceof Element && (node.matches(PENDING) || !!node.querySelector(PENDING));
    this.observer ??= new MutationObserver((records) => {
      if (records.some((record) => [...record.addedNodes].some(pending))) this.activate();
    });
    // While the page is parsed, the elements it adds are activated once it is: an observer of the
    // whole page would run at every custom element the parser creates (a page of a thousand gates).
    whenParsed(() => {
      this.observer?.observe(document.documentElement, { childList: true, subtree: true });
      this.activate();
    });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Activates every pending element whose vendor is granted. */
  activate(): void {
    for (const element of document.querySelectorAll<HTMLElement>(PENDING)) {
      // PENDING elements have one.
      const vendor = element.dataset.consent!;
      if (!this.store.hasConsent(vendor) || element.closest('template')) continue;
      if (element instanceof HTMLScriptElement) {
        const script = executableScript(element);
        // Taken: not run (no nonce of the page's, or refused) it stays inert and is not tried again.
        delete element.dataset.consent;
        if (script) {
          runInTurn(element, script);
          this.store.scriptsRan.add(vendor);
        }
      } else {
        // An iframe: the other element PENDING matches.
        const src = safeHttpUrl(element.dataset.src, document.baseURI);
        if (src) (element as HTMLIFrameElement).src = src;
        else report(`data-src "${element.dataset.src}" is not http(s)`);
      }
    }
  }

  /** Unloads the iframes of vendors no longer granted (their scripts, once run, stay run). */
  block(): void {
    for (const iframe of document.querySelectorAll<HTMLIFrameElement>(LOADED_IFRAME)) {
      if (iframe.dataset.src && !this.store.hasConsent(iframe.dataset.consent!)) {
        // Replacing the element discards its browsing context; removing `src` would not.
        const blocked = iframe.cloneNode(true) as HTMLIFrameElement;
        blocked.removeAttribute('src');
        iframe.replaceWith(blocked);
      }
    }
  }
}
