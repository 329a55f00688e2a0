import { report } from '../core/report.js';
import { isVendorId, words } from '../core/vendor.js';

let url: string | undefined;
let requested = false;

/** Where dist/consent-gate-auto-block.js is: beside the widget's own script (the entries set it). */
export function setAutoBlockUrl(value: string): void {
  url = value;
}

/**
 * Auto-blocking is a script of its own (dist/consent-gate-auto-block.js), so that the pages that
 * do not turn it on do not download it. Loaded once, from beside the widget's script: written
 * into the page right after the widget's classic script tag while the page is parsed, so that it
 * runs before anything further down is parsed (as it did inside the main file); otherwise (a
 * module, `defer`, `async`, the manager's `auto-block` attribute) appended to <head>, and it
 * stops what is inserted from the moment it has loaded.
 */
export function loadAutoBlock(vendorIds: string, script?: HTMLScriptElement | null): void {
  if (requested || !url) return;
  requested = true;
  // Ids are [a-z0-9-] and the URL is serialized (quotes and < percent-encoded): safe in markup.
  const ids = words(vendorIds).filter(isVendorId).join(' ');
  const nonce = script?.nonce;
  if (script && document.readyState === 'loading' && !script.async && !script.defer) {
    const nonceAttribute = nonce && /^[\w+/=-]+$/.test(nonce) ? ` nonce="${nonce}"` : '';
    document.write(`<script src="${url.replace(/"/g, '%22')}" data-vendors="${ids}"${nonceAttribute}></script>`);
    return;
  }
  const element = document.createElement('script');
  element.src = url;
  element.dataset.vendors = ids;
  if (nonce) element.nonce = nonce;
  element.onerror = () => report(`auto-blocking could not be loaded from ${url}; serve consent-gate-auto-block.js beside the widget's script`);
  document.head.append(element);
}
