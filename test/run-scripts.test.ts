import { expect, html, waitUntil } from '@open-wc/testing';
import type { ConsentGate } from '../src/components/consent-gate/consent-gate.js';
import { clearCookies, page } from './helpers.js';

declare global {
  interface Window {
    ranOrder?: string[];
  }
}

/**
 * A gate's loaded content runs its scripts as the parser runs the same code without the widget:
 * in document order, an external script without `async` or `defer` finishing (or failing) before
 * the next script runs, as an in-page player's setup call needs its library.
 */
describe("a gate's scripts run in document order", () => {
  afterEach(() => {
    clearCookies();
    delete window.ranOrder;
  });

  /** A page whose gate holds `code`, as the transform writes it (a template parsed from markup). */
  async function gated(code: string) {
    const gate = document.createElement('consent-gate');
    gate.setAttribute('vendor', 'youtube');
    gate.id = 'g';
    const template = document.createElement('template');
    template.innerHTML = code;
    gate.append(template);
    const result = await page(html`<div><consent-manager vendors="youtube"></consent-manager>${gate}</div>`);
    await (gate as ConsentGate).updateComplete;
    return result;
  }

  it('an inline script after an external one runs once the external one has run', async () => {
    window.ranOrder = [];
    const { manager } = await gated(`<script src="/test/fixtures/order-lib.js"></script>
      <div id="player"></div>
      <script>window.ranOrder.push(document.getElementById('player') ? 'setup' : 'no container')</script>`);
    manager.acceptAll();
    await waitUntil(() => window.ranOrder!.length === 2, 'both scripts ran');
    expect(window.ranOrder).to.deep.equal(['lib', 'setup']);
  });

  it('a failed external script lets the next one run; an async one does not hold it', async () => {
    window.ranOrder = [];
    const { manager } = await gated(`<script src="/test/fixtures/missing.js"></script>
      <script>window.ranOrder.push('after failed')</script>
      <script async src="/test/fixtures/order-lib.js"></script>
      <script>window.ranOrder.push('after async')</script>`);
    manager.acceptAll();
    await waitUntil(() => window.ranOrder!.length === 3, 'every script ran');
    expect(window.ranOrder).to.deep.equal(['after failed', 'after async', 'lib']);
  });

  it('nothing more runs once the gate has unloaded while an external script was loading', async () => {
    window.ranOrder = [];
    const { root, manager } = await gated(`<script src="/test/fixtures/order-lib.js"></script>
      <script>window.ranOrder.push('setup')</script>`);
    manager.acceptAll();
    manager.setConsent({ youtube: false });
    const gate = root.querySelector<ConsentGate>('#g')!;
    expect(gate.hasAttribute('loaded')).to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.ranOrder).to.not.include('setup');
  });
});
