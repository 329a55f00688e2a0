import { report } from './core/report.js';
import { startAutoBlock } from './dom/auto-block.js';
import { whenParsed } from './dom/when-parsed.js';
import { signalConsentDefault } from './standards/consent-mode.js';

/**
 * The drop-in: when the page has no `<consent-manager>`, creates one from the script tag's own
 * `data-*` attributes (`data-vendors` → `vendors`, `data-policy-url` → `policy-url`, …) as the
 * first child of `<body>`.
 */
export function bootstrap(script: HTMLScriptElement | null): void {
  try {
    // Consent Mode's default must be in dataLayer before the Google tag that follows this script.
    const consentMode = script?.getAttribute('data-google-consent-mode');
    if (consentMode != null) signalConsentDefault(consentMode);
    // Auto-blocking must watch the parser from here on, before the article's embeds are parsed.
    if (script?.hasAttribute('data-auto-block')) startAutoBlock(script.getAttribute('data-vendors') ?? '');
    whenParsed(() => {
      if (document.querySelector('consent-manager')) return;
      const manager = document.createElement('consent-manager');
      for (const { name, value } of Array.from(script?.attributes ?? [])) {
        if (name.startsWith('data-')) manager.setAttribute(name.slice(5), value);
      }
      // First in <body>, so that the banner comes first in the keyboard's tab order.
      document.body.prepend(manager);
    });
  } catch (cause) {
    report('could not start; blocked content stays blocked', cause);
  }
}
