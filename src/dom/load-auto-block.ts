import { report } from '../core/report.js';
import { isVendorId, words } from '../core/vendor.js';
import { autoBlocking } from '../consent/registry.js';
import { whenParsed } from './when-parsed.js';

let url: string | undefined;
let requested = false;

/** Where dist/consent-gate-auto-block.js is: beside the widget's own script (the entries set it). */
export function setAutoBlockUrl(value: string): void {
  url = value;
}

/**
 * Auto-blocking is a script of its own (dist/consent-gate-auto-block.js), so that the pages that
 * do not turn it on do not download it. Loaded once, from beside the widget's script, unless the
 * page has included it itself. Right after the widget's classic script tag while the page is
 * parsed, it is written into the page with `document.write`, so that it runs before anything
 * further down is parsed (as it did inside the main file). Otherwise (a module, `defer`, `async`,
 * the manager's `auto-block` attribute), and where the write is refused (Trusted Types, which
 * `import()` is not subject to) or its script did not run (Chromium drops scripts written in from
 * another site on slow connections), it is imported as a module, and stops what is inserted from
 * the moment it has loaded (docs/security.md, "Trusted Types").
 */
export function loadAutoBlock(vendorIds: string, script?: HTMLScriptElement | null): void {
  if (requested || !url || autoBlocking()) return;
  requested = true;
  // Ids are [a-z0-9-] and the URL is serialized (quotes and < percent-encoded): safe in markup.
  const ids = words(vendorIds).filter(isVendorId).join(' ');
  // Right after a classic script tag in the parsed page: written in, to run before what follows.
  const inline = !!script && document.readyState === 'loading' && !script.async && !script.defer;
  const load = () =>
    autoBlocking() ||
    import(/* @vite-ignore */ url!).then(
      // Late where it was to be written in: auto-blocking says so.
      () => autoBlocking()?.(ids, inline),
      () => report(`auto-blocking could not be loaded from ${url}`),
    );
  if (inline) {
    const nonce = script!.nonce;
    try {
      const nonceAttribute = nonce && /^[\w+/=-]+$/.test(nonce) ? ` nonce="${nonce}"` : '';
      document.write(`<script src="${url.replace(/"/g, '%22')}" data-vendors="${ids}"${nonceAttribute}></script>`);
      return whenParsed(load);
    } catch {
      // Refused under Trusted Types.
    }
  }
  load();
}
