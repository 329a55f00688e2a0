// dist/consent-gate-auto-block.js: auto-blocking (docs/embeds.md), a script of its own so that
// pages without it do not download it. The widget's script loads it from beside itself when the
// script tag has `data-auto-block` or the manager `auto-block`; a page may also include it itself,
// in <head> with the same `data-vendors` (under Trusted Types, the way to block synchronously).
import { report } from './core/report.js';
import { startAutoBlock } from './dom/auto-block.js';
import { autoBlocking } from './consent/registry.js';

try {
  startAutoBlock(document.currentScript?.getAttribute('data-vendors') ?? '');
  // Imported as a module (load-auto-block.ts), it has no script tag: the widget passes its ids.
  autoBlocking((ids, late) => {
    if (late) {
      report(
        'auto-blocking started late, after the start of the page: Trusted Types refuse the document.write that runs it in time (or Chromium dropped the written script on a slow connection). Put <script src="consent-gate-auto-block.js" data-vendors="…"> first in <head> (docs/security.md)',
      );
    }
    startAutoBlock(ids);
  });
} catch (cause) {
  report('auto-blocking could not start', cause);
}
