import { expect, html } from '@open-wc/testing';
import type { ConsentManager } from '../src/components/consent-manager/consent-manager.js';
import { button, captureErrors, clearCookies, page, shadow, shadowAll } from './helpers.js';

const MARKUP = '<img src=x onerror="window.hostile=1"><script>window.hostile=1</script>';

describe('hostile configuration', () => {
  afterEach(() => {
    clearCookies();
    delete (window as { hostile?: number }).hostile;
  });

  it('markup in every vendor attribute is shown as text, and only http(s) links are made', async () => {
    const errors = captureErrors();
    const { root, manager } = await page(html`<div>
      <consent-manager policy-url="javascript:alert(1)">
        <consent-vendor id="evil" purpose="embeds" name=${MARKUP} description=${MARKUP} policy-url="javascript:alert(1)"></consent-vendor>
        <consent-vendor id="data" purpose="embeds" name="Data" policy-url="data:text/html,<script>alert(1)</script>"></consent-vendor>
      </consent-manager>
      <consent-gate vendor="evil"><template><p>embed</p></template></consent-gate>
    </div>`);
    errors.restore();
    await manager.openPreferences();
    const gate = root.querySelector('consent-gate')!;
    await gate.updateComplete;
    for (const host of [manager, gate]) {
      expect(shadowAll(host, 'img:not(.poster), script')).to.deep.equal([]);
      expect(shadowAll<HTMLAnchorElement>(host, 'a').every((a) => /^https?:/.test(a.href))).to.equal(true);
    }
    expect(shadow(manager, '#vendor-evil')!.textContent).to.contain(MARKUP);
    expect(shadow(gate, '.placeholder')!.textContent).to.contain(MARKUP);
    expect(errors.messages.join()).to.contain('policy-url "javascript:alert(1)" is not http(s)');
    expect(errors.messages.join()).to.contain('policy-url "data:text/html');
    manager.closePreferences();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { hostile?: number }).hostile).to.equal(undefined);
  });

  it('a vendor declared twice keeps the first declaration, with a console error; a repeated id in vendors counts once', async () => {
    const errors = captureErrors();
    const { manager } = await page(html`<consent-manager vendors="youtube youtube">
      <consent-vendor id="maps" purpose="embeds" name="First maps"></consent-vendor>
      <consent-vendor id="maps" purpose="analytics" name="Second maps"></consent-vendor>
    </consent-manager>`);
    errors.restore();
    expect(manager.vendor('maps')!.name).to.equal('First maps');
    expect(errors.messages.join()).to.contain('<consent-vendor id="maps"> is declared twice');
    expect(Object.keys(manager.consent.vendors)).to.deep.equal(['youtube', 'maps']);
  });

  it('empty vendors: no banner, and a gate stays blocked with a console error', async () => {
    const errors = captureErrors();
    const { root, manager } = await page(html`<div>
      <consent-manager vendors=""></consent-manager>
      <consent-gate vendor="youtube"><template><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe></template></consent-gate>
    </div>`);
    errors.restore();
    await manager.updateComplete;
    expect(shadow(manager, '.banner')).to.equal(null);
    expect(manager.consent.decided).to.equal(true);
    expect(root.querySelector('iframe')).to.equal(null);
    expect(errors.messages.join()).to.contain('vendor "youtube" is not in the manager\'s vendors');
  });

  for (const [value, expected] of [['-5', 'is invalid; using 180'], ['1e9', 'capped at 395'], ['soon', 'is invalid; using 180']]) {
    it(`max-age-days="${value}" is refused with a console error and a choice is still stored`, async () => {
      const errors = captureErrors();
      const { manager } = await page(html`<consent-manager vendors="youtube" max-age-days=${value}></consent-manager>`);
      errors.restore();
      expect(errors.messages.filter((message) => message.includes(`max-age-days="${value}" ${expected}`)).length).to.equal(1);
      button(manager, 'Accept all').click();
      expect(document.cookie).to.match(/consent=2\./);
    });
  }
});

describe('broken environments', () => {
  afterEach(() => clearCookies());

  it('a manager removed and added again by a single-page app starts again', async () => {
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="youtube"></consent-manager>
      <consent-gate vendor="youtube"><template><p id="embed">embed</p></template></consent-gate>
    </div>`);
    expect(document.querySelectorAll('consent-spacer').length).to.equal(1);
    manager.remove();
    expect(manager.ready).to.equal(false);
    expect(document.querySelectorAll('consent-spacer').length).to.equal(0);
    root.prepend(manager);
    await new Promise((resolve) => setTimeout(resolve));
    await manager.updateComplete;
    expect(manager.ready).to.equal(true);
    // The banner is back, and so is its room at the end of the page.
    expect(document.querySelectorAll('consent-spacer').length).to.equal(1);
    button(manager, 'Accept all').click();
    expect(root.querySelector('#embed')).not.to.equal(null);
  });

  it('a function in consentGateQueue that throws is reported and does not stop the next one', async () => {
    const ran: string[] = [];
    (window as { consentGateQueue?: unknown[] }).consentGateQueue = [
      () => {
        throw new Error('publisher bug');
      },
      (m: ConsentManager) => ran.push(String(m.ready)),
    ];
    const errors = captureErrors();
    await page(html`<consent-manager vendors="youtube"></consent-manager>`);
    errors.restore();
    expect(ran).to.deep.equal(['true']);
    expect(errors.messages.join()).to.contain('consentGateQueue: a function threw');
    delete (window as { consentGateQueue?: unknown[] }).consentGateQueue;
  });
});
