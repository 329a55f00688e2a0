import { expect, fixture, html } from '@open-wc/testing';
import { consentAuthority, consentStore, registeredGates, resetRegistry, whenStore } from '../src/consent/registry.js';
import { clearCookies, page } from './helpers.js';

describe('registry: the one way in for gates and auto-blocking', () => {
  afterEach(clearCookies);

  it('gives the store once a manager has read the choice, and the gates that follow it', async () => {
    const waiting = whenStore();
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="youtube"></consent-manager>
      <consent-gate vendor="youtube"><template><p>embed</p></template></consent-gate>
    </div>`);
    const store = await waiting;
    expect(store).to.equal(manager.consentStore);
    expect(consentStore()).to.equal(store);
    expect(consentAuthority()).to.equal(manager);
    const gate = root.querySelector('consent-gate')!;
    expect(registeredGates.has(gate)).to.equal(true);
    // Granting through the store loads the gate: it follows the store, not the element.
    store.record({ youtube: true }, 'api');
    expect(gate.hasAttribute('loaded')).to.equal(true);
    root.remove();
    // The manager sits first in <body> while its banner shows; it goes with the part of the page it was written in.
    await new Promise((resolve) => setTimeout(resolve));
    expect(manager.isConnected).to.equal(false);
    expect(registeredGates.has(gate)).to.equal(false);
    expect(consentStore()).to.equal(undefined);
  });

  it('resets for tests: no authority, no store, no gate', async () => {
    const root = await fixture(html`<div><consent-gate vendor="youtube"><template><p>embed</p></template></consent-gate></div>`);
    expect(registeredGates.size).to.be.greaterThan(0);
    resetRegistry();
    expect(registeredGates.size).to.equal(0);
    expect(consentAuthority()).to.equal(undefined);
    root.remove();
  });
});
