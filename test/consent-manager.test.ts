import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentManager } from '../src/components/consent-manager/consent-manager.js';
import type { ConsentGate } from '../src/components/consent-gate/consent-gate.js';
import { encodeConsentCookie, parseConsentCookie } from '../src/core/cookie-codec.js';
import { button, captureErrors, clearCookies, nextFrame, page, shadow, shadowAll } from './helpers.js';

const vendors = 'rte-player youtube x google-analytics';
const manager = (attrs = html``) => html`<consent-manager vendors=${vendors} policy-url="/privacy">${attrs}</consent-manager>`;
const banner = (m: ConsentManager) => shadow(m, '.banner');
const dialog = (m: ConsentManager) => shadow<HTMLDialogElement>(m, 'dialog');
const toSwitch = (m: ConsentManager, id: string) => shadow<HTMLButtonElement>(m, `#vendor-${id} [role="switch"]`)!;
const storeChoice = (vendorsChoice: Record<string, boolean>, over: { revision?: number; timestamp?: number } = {}) => {
  document.cookie = `consent=${encodeConsentCookie({ revision: 1, timestamp: Date.now(), consentId: 'abcdefgh1234', vendors: vendorsChoice, ...over })}; path=/`;
};
const settle = async (m: ConsentManager) => {
  await m.updateComplete;
  await new Promise((resolve) => setTimeout(resolve));
};

describe('<consent-manager>', () => {
  afterEach(() => clearCookies());

  describe('first visit', () => {
    it('shows a banner with three equal buttons and a policy link, and writes nothing', async () => {
      const { manager: m } = await page(manager());
      expect(banner(m)).not.to.equal(null);
      const buttons = shadowAll<HTMLButtonElement>(m, '.banner button');
      expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Accept all', 'Reject all', 'Manage Preferences']);
      const [accept, reject] = buttons.map((b) => b.getBoundingClientRect());
      expect([accept.width, accept.height]).to.deep.equal([reject.width, reject.height]);
      const [a, r] = buttons.map((b) => getComputedStyle(b));
      expect([a.fontSize, a.fontWeight, a.color, a.backgroundColor]).to.deep.equal([r.fontSize, r.fontWeight, r.color, r.backgroundColor]);
      expect(shadow<HTMLAnchorElement>(m, '.banner a')!.getAttribute('href')).to.equal(new URL('/privacy', location.href).href);
      expect(banner(m)!.textContent).to.contain('RTÉ Player, YouTube, X (Twitter), Google Analytics');
      expect(document.cookie).to.equal('');
      expect(localStorage.length).to.equal(0);
      expect(m.consent.decided).to.equal(false);
      await expect(banner(m)).to.be.accessible();
    });

    it('while its banner shows, a manager written at the end of the page sits at the start of <body>, and goes back after the choice', async () => {
      const { root, manager: m } = await page(html`<div><nav><a href="#a">A</a><a href="#b">B</a></nav>${manager()}</div>`);
      expect(document.body.firstElementChild).to.equal(m);
      expect(root.contains(m)).to.equal(false);
      m.acceptAll();
      await m.updateComplete;
      expect(banner(m)).to.equal(null);
      expect(root.lastElementChild).to.equal(m, 'back where the page wrote it');
      expect([...root.childNodes].some((node) => node instanceof Comment && node.data === 'consent-manager')).to.equal(false, 'no marker left');
    });

    it('a manager moved to the start of <body> goes when page code removes the part of the page it was written in', async () => {
      const { root, manager: m } = await page(html`<div><main>${manager()}</main></div>`);
      expect(document.body.firstElementChild).to.equal(m);
      // The view replaced by another in the same task: the new view's manager takes over.
      root.querySelector('main')!.remove();
      const next = document.createElement('consent-manager');
      next.setAttribute('vendors', 'youtube');
      const view = document.createElement('main');
      view.append(next);
      root.append(view);
      expect(m.isConnected).to.equal(false, 'the old manager went with its view');
      await waitUntil(() => (next as ConsentManager).ready, 'the new manager starts');
      view.remove();
      await waitUntil(() => !next.isConnected);
    });

    it('announces consent-ready with the snapshot, and runs queued functions', async () => {
      const calls: unknown[] = [];
      (window as unknown as { consentGateQueue: unknown[] }).consentGateQueue = [(api: ConsentManager) => calls.push(api.consent.decided)];
      const ready = oneEvent(document, 'consent-ready');
      const { manager: m } = await page(manager());
      const event = await ready;
      expect(event.detail.decided).to.equal(false);
      expect(event.detail.vendors).to.deep.equal({ 'rte-player': false, youtube: false, x: false, 'google-analytics': false });
      expect(calls).to.deep.equal([false]);
      (window as unknown as { consentGateQueue: unknown[] }).consentGateQueue.push((api: ConsentManager) => calls.push(api === m));
      expect(calls).to.deep.equal([false, true]);
      delete (window as unknown as { consentGateQueue?: unknown }).consentGateQueue;
    });

    it('Accept all grants every vendor, stores it and fires consent-change', async () => {
      const { manager: m } = await page(manager());
      const change = oneEvent(document, 'consent-change');
      button(m, 'Accept all').click();
      const { detail } = await change;
      expect(detail.granted).to.have.members(['rte-player', 'youtube', 'x', 'google-analytics']);
      expect(detail.consent.purposes).to.include({ embeds: true, analytics: true, necessary: true });
      await m.updateComplete;
      expect(banner(m)).to.equal(null);
      expect(document.cookie).to.match(/^consent=2\./);
      expect(m.hasConsent('youtube')).to.equal(true);
    });

    it('dispatches its events on itself: they bubble and are composed, so listeners on document hear them', async () => {
      const heard: Array<[string, EventTarget | null, boolean, boolean]> = [];
      const listen = (event: Event) => heard.push([event.type, event.target, event.bubbles, event.composed]);
      const ready = oneEvent(document, 'consent-ready');
      const { root, manager: m } = await page(manager());
      root.addEventListener('consent-change', listen);
      await ready;
      const change = oneEvent(document, 'consent-change');
      m.acceptAll();
      const event = await change;
      expect(event.target).to.equal(m);
      expect(heard).to.deep.equal([['consent-change', m, true, true]]);
      root.removeEventListener('consent-change', listen);
    });

    it('Reject all is stored like any other choice and not asked again', async () => {
      const first = await page(manager());
      button(first.manager, 'Reject all').click();
      expect(document.cookie).to.match(/^consent=/);
      first.root.remove();
      const { manager: m } = await page(manager());
      expect(banner(m)).to.equal(null);
      expect(m.consent.decided).to.equal(true);
      expect(m.hasConsent('youtube')).to.equal(false);
    });

    it('the banner leaves room at the end of the page: the last link can be scrolled above it', async () => {
      const { root, manager: m } = await page(html`<div>${manager()}<div style="height: 3000px"></div><a href="#" id="last">Cookie settings</a></div>`);
      await nextFrame();
      await nextFrame();
      scrollTo(0, document.documentElement.scrollHeight);
      await nextFrame();
      const link = root.querySelector('#last')!;
      const box = link.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + 2, box.top + box.height / 2);
      scrollTo(0, 0);
      m.rejectAll();
      await m.updateComplete;
      root.remove();
      expect(hit).to.equal(link);
      expect(document.querySelector('consent-spacer')).to.equal(null);
    });

    it('Escape on the banner hides it for this view and records nothing', async () => {
      const { manager: m } = await page(manager());
      button(m, 'Reject all').focus();
      await sendKeys({ press: 'Escape' });
      await m.updateComplete;
      expect(banner(m)).to.equal(null);
      expect(document.cookie).to.equal('');
      expect(m.consent.decided).to.equal(false);
    });
  });

  describe('Manage Preferences', () => {
    it('lists purposes with their vendors as named switches, nothing ticked', async () => {
      const { manager: m } = await page(manager());
      await m.openPreferences();
      const switches = shadowAll(m, 'dialog [role="switch"]');
      expect(switches.every((s) => s.getAttribute('aria-checked') === 'false')).to.equal(true);
      expect(shadow(m, '#purpose-embeds')!.textContent).to.equal('Social media and embedded content');
      expect(shadow(m, '#purpose-analytics')!.textContent).to.equal('Analytics');
      expect(shadowAll(m, '[part="purpose"]').map((p) => p.querySelectorAll('[part="vendor"]').length)).to.deep.equal([0, 1, 3]);
      expect(dialog(m)!.open).to.equal(true);
      expect(m.shadowRoot!.activeElement!.id).to.equal('dialog-title');
      await expect(dialog(m)).to.be.accessible();
      m.closePreferences();
    });

    it('saves only what was toggled', async () => {
      storeChoice({ 'rte-player': true, youtube: false, x: true, 'google-analytics': false });
      const { manager: m } = await page(manager());
      await m.openPreferences();
      toSwitch(m, 'youtube').click();
      await m.updateComplete;
      expect(toSwitch(m, 'youtube').getAttribute('aria-checked')).to.equal('true');
      button(m, 'Save choices').click();
      expect(m.consent.vendors).to.deep.equal({ 'rte-player': true, youtube: true, x: true, 'google-analytics': false });
      expect(dialog(m)!.open).to.equal(false);
    });

    it('a purpose switch sets all its vendors', async () => {
      const { manager: m } = await page(manager());
      await m.openPreferences();
      shadow<HTMLButtonElement>(m, 'button[aria-labelledby="purpose-embeds"]')!.click();
      await m.updateComplete;
      button(m, 'Save choices').click();
      expect(m.consent.vendors).to.deep.equal({ 'rte-player': true, youtube: true, x: true, 'google-analytics': false });
      expect(m.consent.purposes.embeds).to.equal(true);
    });

    it('Escape and the close button close it without recording anything, and focus returns', async () => {
      const { root, manager: m } = await page(html`<div>${manager()}<button data-consent-open>Cookie settings</button></div>`);
      const opener = root.querySelector<HTMLButtonElement>('[data-consent-open]')!;
      opener.focus();
      opener.click();
      await settle(m);
      expect(dialog(m)!.open).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await settle(m);
      expect(dialog(m)!.open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
      opener.click();
      await settle(m);
      shadow<HTMLButtonElement>(m, '.close')!.click();
      await settle(m);
      expect(dialog(m)!.open).to.equal(false);
      expect(document.cookie).to.equal('');
      expect(m.consent.decided).to.equal(false);
    });

    it('withdrawing re-blocks the vendor\'s embeds and erases its listed cookies', async () => {
      const { root, manager: m } = await page(html`<div>
        ${manager()}
        <consent-gate vendor="google-analytics" id="g"><template><p class="content">chart</p></template></consent-gate>
      </div>`);
      m.acceptAll();
      const gate = root.querySelector<ConsentGate>('#g')!;
      expect(gate.querySelector('.content')).not.to.equal(null);
      document.cookie = '_ga=GA1.1.123; path=/';
      document.cookie = '_ga_ABC123=GS1.1; path=/';
      document.cookie = 'unrelated=keep; path=/';
      await m.openPreferences();
      toSwitch(m, 'google-analytics').click();
      await m.updateComplete;
      button(m, 'Save choices').click();
      expect(gate.querySelector('.content')).to.equal(null);
      expect(document.cookie).not.to.contain('_ga');
      expect(document.cookie).to.contain('unrelated=keep');
      document.cookie = 'unrelated=; max-age=0; path=/';
    });
  });

  describe('stored choice', () => {
    it('a malformed, truncated or oversized cookie counts as no choice, with a console error and no exception', async () => {
      for (const value of ['garbage', '1.1.abc', `1.1.${'z'.repeat(4000)}`, '%%%']) {
        document.cookie = `consent=${value}; path=/`;
        const errors = captureErrors();
        const { root, manager: m } = await page(manager());
        errors.restore();
        expect(m.consent.decided).to.equal(false);
        expect(Object.values(m.consent.vendors).some(Boolean)).to.equal(false);
        expect(banner(m)).not.to.equal(null);
        expect(errors.messages.filter((message) => message.includes('cookie "consent" does not hold a valid choice')).length).to.equal(1);
        root.remove();
      }
    });

    it('no cookie at all is no choice, without a console error', async () => {
      const errors = captureErrors();
      const { root } = await page(manager());
      errors.restore();
      expect(errors.messages).to.deep.equal([]);
      root.remove();
    });

    it('a higher revision asks again', async () => {
      storeChoice({ 'rte-player': true, youtube: true, x: true, 'google-analytics': true });
      const { manager: m } = await page(html`<consent-manager vendors=${vendors} revision="2"></consent-manager>`);
      expect(banner(m)).not.to.equal(null);
      expect(m.hasConsent('youtube')).to.equal(false);
    });

    it('an expired choice asks again', async () => {
      storeChoice({ 'rte-player': true, youtube: true, x: true, 'google-analytics': true }, { timestamp: Date.now() - 31 * 86_400_000 });
      const { manager: m } = await page(html`<consent-manager vendors=${vendors} max-age-days="30"></consent-manager>`);
      expect(banner(m)).not.to.equal(null);
      expect(m.hasConsent('youtube')).to.equal(false);
    });

    it('new vendors are asked about alone, and earlier answers are kept', async () => {
      storeChoice({ 'rte-player': true, youtube: false });
      const { manager: m } = await page(manager());
      expect(banner(m)!.textContent).to.contain('X (Twitter), Google Analytics');
      expect(banner(m)!.textContent).not.to.contain('YouTube');
      expect(m.hasConsent('rte-player')).to.equal(true);
      button(m, 'Accept all').click();
      expect(m.consent.vendors).to.deep.equal({ 'rte-player': true, youtube: false, x: true, 'google-analytics': true });
    });

    it('answers about vendors that only other pages of the site use are kept when this page stores a choice', async () => {
      storeChoice({ vimeo: true, spotify: false });
      const { manager: m } = await page(html`<consent-manager vendors="youtube"></consent-manager>`);
      button(m, 'Accept all').click();
      const cookie = document.cookie.split('; ').find((pair) => pair.startsWith('consent='))!.slice('consent='.length);
      expect(parseConsentCookie(cookie)!.vendors).to.deep.equal({ vimeo: true, spotify: false, youtube: true });
    });

    it('Reject all refuses what other pages of the site were granted too', async () => {
      storeChoice({ vimeo: true, spotify: false });
      const { manager: m } = await page(html`<consent-manager vendors="youtube"></consent-manager>`);
      m.rejectAll();
      const cookie = document.cookie.split('; ').find((pair) => pair.startsWith('consent='))!.slice('consent='.length);
      expect(parseConsentCookie(cookie)!.vendors).to.deep.equal({ vimeo: false, spotify: false, youtube: false });
    });

    it('reset() forgets the choice and shows the banner again', async () => {
      storeChoice({ 'rte-player': true, youtube: true, x: true, 'google-analytics': true });
      const { manager: m } = await page(manager());
      expect(banner(m)).to.equal(null);
      m.reset();
      await m.updateComplete;
      expect(banner(m)).not.to.equal(null);
      expect(document.cookie).to.equal('');
      expect(m.hasConsent('youtube')).to.equal(false);
    });
  });

  describe('configuration errors', () => {
    it('a vendor listed in vendors and declared with <consent-vendor> needs no catalog entry: no error', async () => {
      const errors = captureErrors();
      const { manager: m } = await page(html`<consent-manager vendors="my-player youtube">
        <consent-vendor id="my-player" name="My player" purpose="embeds"></consent-vendor>
      </consent-manager>`);
      errors.restore();
      expect(errors.messages).to.deep.equal([]);
      expect(m.vendor('my-player')?.name).to.equal('My player');
    });

    it('a vendor listed in vendors that is neither in the catalog nor declared is named in a console error', async () => {
      const errors = captureErrors();
      await page(html`<consent-manager vendors="nowhere youtube"></consent-manager>`);
      errors.restore();
      expect(errors.messages.join()).to.contain('vendors: "nowhere" is not in the catalog');
    });

    it('a policy-url that is not http(s) makes no link, with a console error', async () => {
      const errors = captureErrors();
      const { manager: m } = await page(html`<consent-manager vendors="youtube" policy-url="javascript:alert(1)"></consent-manager>`);
      errors.restore();
      expect(shadowAll(m, 'a[part~="policy-link"]')).to.deep.equal([]);
      expect(errors.messages.join()).to.contain('policy-url "javascript:alert(1)" is not http(s); no link to it is shown');
    });
  });

  describe('API', () => {
    it('whenGranted resolves once the vendor is granted', async () => {
      const { manager: m } = await page(manager());
      let resolved = false;
      const granted = m.whenGranted('x').then(() => (resolved = true));
      m.setConsent({ youtube: true });
      await Promise.resolve();
      expect(resolved).to.equal(false);
      m.setConsent({ x: true });
      await granted;
      expect(resolved).to.equal(true);
    });

    it('setConsent refuses unknown vendors and non-boolean values with a console error', async () => {
      const { manager: m } = await page(manager());
      const errors = captureErrors();
      m.setConsent({ nosuch: true, youtube: 'yes' as unknown as boolean, x: true });
      errors.restore();
      expect(m.consent.vendors).to.include({ youtube: false, x: true });
      expect(errors.messages.join()).to.contain('nosuch').and.to.contain('youtube');
    });

    it('setConsent with nothing valid stores nothing', async () => {
      const { manager: m } = await page(manager());
      const errors = captureErrors();
      m.setConsent({ typo: true });
      errors.restore();
      expect(document.cookie).to.equal('');
      expect(m.consent.decided).to.equal(false);
      expect(banner(m)).not.to.equal(null);
    });

    it('erasing a withdrawn vendor\'s cookies never erases the choice itself', async () => {
      const { manager: m } = await page(html`<consent-manager>
        <consent-vendor id="greedy" purpose="analytics" cookies="c*"></consent-vendor>
      </consent-manager>`);
      m.acceptAll();
      m.rejectAll();
      expect(document.cookie).to.match(/consent=2\./);
    });

    it('the consent snapshot is read-only', async () => {
      const { manager: m } = await page(manager());
      const snapshot = m.consent;
      expect(() => ((snapshot.vendors as Record<string, boolean>).youtube = true)).to.throw();
      expect(m.hasConsent('youtube')).to.equal(false);
    });

    it('a second manager is ignored with a console error', async () => {
      const errors = captureErrors();
      const { root } = await page(html`<div>${manager()}<consent-manager vendors="youtube" id="second"></consent-manager></div>`);
      errors.restore();
      expect(errors.messages.join()).to.contain('second <consent-manager>');
      const second = root.querySelector<ConsentManager>('#second')!;
      expect(second.ready).to.equal(false);
    });

    it('an invalid <consent-vendor> is refused with a console error naming it', async () => {
      const errors = captureErrors();
      const { manager: m } = await page(html`<consent-manager>
        <consent-vendor id="Bad Id" purpose="embeds"></consent-vendor>
        <consent-vendor id="odd" purpose="mystery"></consent-vendor>
      </consent-manager>`);
      errors.restore();
      expect(m.vendor('odd')).to.equal(undefined);
      expect(errors.messages.join()).to.contain('Bad Id').and.to.contain('mystery');
    });
  });
});
