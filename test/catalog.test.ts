import { expect, html } from '@open-wc/testing';
import { vendorCatalog } from '../src/core/catalog.js';
import { PURPOSES } from '../src/core/purposes.js';
import { urlMatches } from '../src/core/vendor.js';
import { captureErrors, clearCookies, page, shadow } from './helpers.js';

// The services issue 3 names: a publisher can enable each of them by id.
const REQUIRED = `rte-player youtube vimeo dailymotion brightcove jwplayer x instagram facebook tiktok bluesky
  threads reddit linkedin spotify soundcloud apple-podcasts google-maps datawrapper flourish infogram giphy
  google-analytics chartbeat comscore parsely matomo google-ads meta-pixel taboola outbrain`.split(/\s+/);

// A host, optionally `*.` for its subdomains, optionally followed by a path prefix.
const HOST_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(\/[\w\-./]*)?$/;
const COOKIE_PATTERN = /^[\w.-]+\*?$/;

describe('vendor catalog', () => {
  afterEach(() => clearCookies());

  const catalog = [...vendorCatalog().values()];

  it('holds at least 30 services, among them the 31 that issue 3 names', () => {
    expect(catalog.length).to.be.at.least(30);
    expect(REQUIRED.filter((id) => !vendorCatalog().has(id))).to.deep.equal([]);
  });

  it('every entry is well-formed', () => {
    for (const vendor of catalog) {
      const where = `catalog entry "${vendor.id}"`;
      expect(vendor.id, where).to.match(/^[a-z0-9-]{1,64}$/);
      expect(vendor.name.trim(), where).to.not.equal('');
      expect(PURPOSES, where).to.include(vendor.purpose);
      expect(vendor.purpose, `${where}: "necessary" vendors are never asked about`).to.not.equal('necessary');
      expect(vendor.description?.length ?? 0, where).to.be.within(1, 80);
      if (vendor.policyUrl) expect(new URL(vendor.policyUrl).protocol, where).to.equal('https:');
      for (const host of vendor.hosts) expect(host, where).to.match(HOST_PATTERN);
      for (const cookie of vendor.cookies) expect(cookie, where).to.match(COOKIE_PATTERN);
    }
    expect(new Set(catalog.map((v) => v.id)).size).to.equal(catalog.length);
  });

  it('no two entries claim the same host, so a URL names one vendor', () => {
    for (const vendor of catalog) {
      for (const host of vendor.hosts.filter((h) => !h.startsWith('*.'))) {
        const url = new URL(`https://${host.includes('/') ? host : `${host}/`}`);
        const claimed = catalog.filter((other) => urlMatches(url, other.hosts)).map((other) => other.id);
        expect(claimed, host).to.deep.equal([vendor.id]);
      }
    }
  });

  it('every catalog vendor placed on a page is listed in the dialog under its purpose', async () => {
    const errors = captureErrors();
    const { manager } = await page(html`<consent-manager vendors=${catalog.map((v) => v.id).join(' ')}></consent-manager>`);
    errors.restore();
    expect(errors.messages).to.deep.equal([]);
    await manager.openPreferences();
    for (const vendor of catalog) {
      const row = shadow(manager, `#vendor-${vendor.id}`);
      expect(row, vendor.id).to.not.equal(null);
      const purpose = row!.closest('[part="purpose"]')!.getAttribute('aria-labelledby');
      expect(purpose, vendor.id).to.equal(`purpose-${vendor.purpose}`);
      expect(row!.querySelector('b')!.textContent, vendor.id).to.equal(vendor.name);
      const link = row!.querySelector('a');
      expect(link?.getAttribute('href') ?? undefined, vendor.id).to.equal(vendor.policyUrl || undefined);
    }
    manager.closePreferences();
  });
});
