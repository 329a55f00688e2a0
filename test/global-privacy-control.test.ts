import { expect, html } from '@open-wc/testing';
import { button, clearCookies, page, shadow } from './helpers.js';

/** Makes the browser send (or not) the Global Privacy Control signal. */
function setGpc(value: boolean | undefined): void {
  Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, get: () => value });
}

describe('Global Privacy Control', () => {
  afterEach(() => {
    clearCookies();
    setGpc(undefined);
  });

  it('advertising vendors start denied, are not asked about, and the banner says why', async () => {
    setGpc(true);
    const { manager } = await page(html`<consent-manager vendors="youtube google-ads"></consent-manager>`);
    await manager.updateComplete;
    const banner = shadow(manager, '.banner')!.textContent!.replace(/\s+/g, ' ');
    expect(banner).to.contain('Global Privacy Control');
    expect(banner).to.contain('YouTube');
    expect(banner).not.to.contain('Google Ads');
    button(manager, 'Accept all').click();
    expect(manager.consent.vendors).to.deep.equal({ youtube: true, 'google-ads': false });
    await manager.updateComplete;
    expect(shadow(manager, '.banner')).to.equal(null);
  });

  it('the reader can still switch an advertising vendor on in the dialog', async () => {
    setGpc(true);
    const { manager } = await page(html`<consent-manager vendors="youtube google-ads"></consent-manager>`);
    manager.setConsent({ 'google-ads': true });
    expect(manager.hasConsent('google-ads')).to.equal(true);
  });

  it('respect-gpc="false" asks about advertising like any other purpose', async () => {
    setGpc(true);
    const { manager } = await page(html`<consent-manager vendors="youtube google-ads" respect-gpc="false"></consent-manager>`);
    await manager.updateComplete;
    const banner = shadow(manager, '.banner')!.textContent!;
    expect(banner).not.to.contain('Global Privacy Control');
    expect(banner).to.contain('Google Ads');
    button(manager, 'Accept all').click();
    expect(manager.consent.vendors).to.deep.equal({ youtube: true, 'google-ads': true });
  });

  it('without the signal nothing changes', async () => {
    setGpc(false);
    const { manager } = await page(html`<consent-manager vendors="google-ads"></consent-manager>`);
    await manager.updateComplete;
    expect(shadow(manager, '.banner')!.textContent).not.to.contain('Global Privacy Control');
    expect(shadow(manager, '.banner')!.textContent).to.contain('Google Ads');
  });
});
