import { expect, html, waitUntil } from '@open-wc/testing';
import { plural } from '../src/translations/languages.js';
import type { Plural } from '../src/translations/en.js';
import { fill } from '../src/translations/overrides.js';
import { captureErrors, clearCookies, page, shadow } from './helpers.js';

/** The sentence for `count`, as the banner shows it (its partners left as `{partners}`). */
const sentence = (forms: Plural, language: string, count: number) => fill(plural(forms, language, count), '{partners}', count);

const text = (element: Element | null) => element!.textContent!.replace(/\s+/g, ' ').trim();

describe('<consent-text> overrides', () => {
  afterEach(() => clearCookies());

  it('replaces exactly the overridden texts, in every language or in one', async () => {
    const errors = captureErrors();
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="rte-player google-analytics" lang="ga">
        <consent-text key="bannerTitle">Cookies on example.ie</consent-text>
        <consent-text key="bannerTitle" lang="ga">Fianáin ar example.ie</consent-text>
        <consent-text key="rejectAll" lang="fr">Non merci</consent-text>
        <consent-text key="gateTitle">{vendor} needs your consent here.</consent-text>
        <consent-text key="purposeNames.analytics">Audience measurement</consent-text>
        <consent-text key="nosuchkey">x</consent-text>
      </consent-manager>
      <consent-gate vendor="rte-player"><template><p>embed</p></template></consent-gate>
    </div>`);
    await waitUntil(() => manager.ready, 'started', { timeout: 5000 });
    await manager.updateComplete;
    errors.restore();
    expect(text(shadow(manager, '.banner h2'))).to.equal('Fianáin ar example.ie');
    expect(text(shadow(manager, '.banner'))).to.contain('Diúltaigh do gach ceann', 'the French override does not apply');
    expect(text(shadow(manager, '.banner'))).to.contain('Glac le gach ceann', 'what is not overridden stays Irish');
    const gate = root.querySelector('consent-gate')!;
    await gate.updateComplete;
    expect(text(shadow(gate, '.title'))).to.equal('RTÉ Player needs your consent here.');
    await manager.openPreferences();
    expect(text(shadow(manager, '#purpose-analytics'))).to.equal('Audience measurement');
    manager.closePreferences();
    expect(errors.messages.join()).to.contain('<consent-text key="nosuchkey">: there is no such text');
  });

  it('markup in an override is shown as text', async () => {
    const { manager } = await page(html`<consent-manager vendors="youtube">
      <consent-text key="bannerTitle">&lt;img src=x onerror=alert(1)&gt;Cookies</consent-text>
    </consent-manager>`);
    await manager.updateComplete;
    expect(text(shadow(manager, '.banner h2'))).to.equal('<img src=x onerror=alert(1)>Cookies');
    expect(shadow(manager, '.banner img')).to.equal(null);
  });

  it('a key outside the known texts touches nothing, not even Object.prototype', async () => {
    const errors = captureErrors();
    const toString = Object.prototype.toString;
    const hasOwnProperty = Object.prototype.hasOwnProperty;
    try {
      const { manager } = await page(html`<consent-manager vendors="youtube">
        <consent-text key="__proto__.toString">polluted</consent-text>
        <consent-text key="__proto__.hasOwnProperty">polluted</consent-text>
        <consent-text key="constructor.prototype">polluted</consent-text>
        <consent-text key="toString">polluted</consent-text>
        <consent-text key="purposeNames.__proto__">polluted</consent-text>
        <consent-text key="purposeNames.toString">polluted</consent-text>
        <consent-text key="bannerTitle.length">polluted</consent-text>
      </consent-manager>`);
      await waitUntil(() => manager.ready, 'started', { timeout: 5000 });
      await manager.updateComplete;
      errors.restore();
      expect(Object.prototype.toString).to.equal(toString);
      expect(Object.prototype.hasOwnProperty).to.equal(hasOwnProperty);
      expect(String({})).to.equal('[object Object]');
      expect(typeof manager.texts.toString).to.equal('function');
      expect(String(manager.texts.purposeNames)).to.equal('[object Object]');
      expect(text(shadow(manager, '.banner h2'))).to.equal('Your privacy on this site');
      for (const key of ['__proto__.toString', 'constructor.prototype', 'toString', 'purposeNames.__proto__', 'bannerTitle.length']) {
        expect(errors.messages.join('\n')).to.contain(`<consent-text key="${key}">: there is no such text`);
      }
    } finally {
      errors.restore();
      Object.prototype.toString = toString;
      Object.prototype.hasOwnProperty = hasOwnProperty;
    }
  });

  it('a sentence with a count takes the publisher’s text per plural form of the language', async () => {
    const errors = captureErrors();
    const { manager } = await page(html`<consent-manager vendors="youtube" lang="pl">
      <consent-text key="bannerNewVendors.one" lang="pl">Nowy partner: {partners}.</consent-text>
      <consent-text key="bannerNewVendors.few" lang="pl">{count} nowi partnerzy: {partners}.</consent-text>
      <consent-text key="bannerNewVendors.many" lang="pl">{count} nowych partnerów: {partners}.</consent-text>
      <consent-text key="bannerNewVendors.two" lang="pl">Polish has no such form</consent-text>
      <consent-text key="bannerNewVendors.__proto__" lang="pl">polluted</consent-text>
    </consent-manager>`);
    await waitUntil(() => manager.ready && manager.language === 'pl', 'Polish texts', { timeout: 5000 });
    errors.restore();
    const forms = manager.texts.bannerNewVendors;
    expect(sentence(forms, 'pl', 1)).to.equal('Nowy partner: {partners}.');
    expect(sentence(forms, 'pl', 3)).to.equal('3 nowi partnerzy: {partners}.');
    expect(sentence(forms, 'pl', 25)).to.equal('25 nowych partnerów: {partners}.');
    expect(sentence(forms, 'pl', 1.5)).to.match(/^Mamy 1.5 nowego partnera/, 'the form not given stays Polish');
    expect(Object.getPrototypeOf(forms)).to.equal(Object.prototype);
    expect(errors.messages.join('\n')).to.contain('<consent-text key="bannerNewVendors.two">: there is no such text');
    expect(errors.messages.join('\n')).to.contain('<consent-text key="bannerNewVendors.__proto__">: there is no such text');
  });
});
