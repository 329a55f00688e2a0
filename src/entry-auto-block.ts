// dist/consent-gate-auto-block.js: auto-blocking (docs/embeds.md), a script of its own so that
// pages without it do not download it. The widget's script loads it from beside itself when the
// script tag has `data-auto-block` or the manager `auto-block`; a page may also include it itself,
// in <head> with the same `data-vendors`.
import { report } from './core/report.js';
import { startAutoBlock } from './dom/auto-block.js';

try {
  startAutoBlock(document.currentScript?.getAttribute('data-vendors') ?? '');
} catch (cause) {
  report('auto-blocking could not start', cause);
}
