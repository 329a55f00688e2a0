import { report } from './core/report.js';
import { loadAutoBlock } from './dom/load-auto-block.js';
import { setPageNonce } from './dom/page-nonce.js';
import { whenBody, whenParsed } from './dom/when-parsed.js';
import { signalConsentDefault } from './standards/consent-mode.js';

/**
 * The drop-in: when the page has no `<consent-manager>`, creates one from the script tag's own
 * `data-*` attributes (`data-vendors` → `vendors`, `data-policy-url` → `policy-url`, …) as the
 * first child of `<body>`, as soon as there is a `<body>` (after parsing when the tag has no
 * `data-*` at all).
 */
export function bootstrap(script: HTMLScriptElement | null): void {
  try {
    setPageNonce(script);
    // Consent Mode's default must be in dataLayer before the Google tag that follows this script.
    const consentMode = script?.getAttribute('data-google-consent-mode');
    if (consentMode != null) signalConsentDefault(consentMode);
    // Auto-blocking must watch the parser from here on, before the article's embeds are parsed.
    if (script?.hasAttribute('data-auto-block')) loadAutoBlock(script.getAttribute('data-vendors') ?? '', script);
    const config = Array.from(script?.attributes ?? []).filter(({ name }) => name.startsWith('data-'));
    const create = () => {
      if (document.querySelector('consent-manager')) return;
      const manager = document.createElement('consent-manager');
      // It has no children to wait for (declared before its definition: kept through the upgrade).
      manager.createdByScript = true;
      for (const { name, value } of config) manager.setAttribute(name.slice(5), value);
      // First in <body>, so that the banner comes first in the keyboard's tab order.
      document.body.prepend(manager);
    };
    // `data-vendors` on the script tag means the page configures the widget there and has no
    // <consent-manager> of its own: the banner and the gates need not wait for the whole article.
    // (`data-google-consent-mode` or `data-auto-block` alone do not say so.)
    if (script?.hasAttribute('data-vendors')) whenBody(create);
    else whenParsed(create);
  } catch (cause) {
    report('could not start; blocked content stays blocked', cause);
  }
}
