import { expect, html, waitUntil } from '@open-wc/testing';
import { vendorCatalog } from '../src/core/catalog.js';
import { catalogHosts, catalogVendors, hostIds, withCatalogHosts } from '../src/core/catalog-hosts.js';
import { PURPOSES } from '../src/core/purposes.js';
import { vendorForUrl } from '../src/core/host-pattern.js';
import { en } from '../src/translations/en.js';
import { captureErrors, clearCookies, page, shadow } from './helpers.js';

// The services issue 3 names: a publisher can enable each of them by id.
const REQUIRED = `rte-player youtube vimeo dailymotion brightcove jwplayer x instagram facebook tiktok bluesky
  threads reddit linkedin spotify soundcloud apple-podcasts google-maps datawrapper flourish infogram giphy
  google-analytics chartbeat comscore parsely matomo google-ads meta-pixel taboola outbrain`.split(/\s+/);
// And the news-site services issue 14 names: podcasts, documents, comments, live blogs, polls, tag managers.
const NEWS = `acast podigee omny megaphone spreaker documentcloud scribd disqus coral openweb 24liveblog scribblelive
  arena opinary crowdsignal google-tag-manager`.split(/\s+/);

// A host, optionally `*.` for its subdomains, optionally followed by a path prefix (a `*` segment
// for any one segment) and a query parameter's prefix.
const HOST_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(\/[\w\-.*/]*)?(\?\w+=[\w-]*)?$/;
const COOKIE_PATTERN = /^[\w.-]+\*?$/;

describe('vendor catalog', () => {
  afterEach(() => clearCookies());

  const catalog = catalogVendors();

  it('holds at least 60 services, among them those issues 3 and 14 name', () => {
    expect(catalog.length).to.be.at.least(60);
    expect([...REQUIRED, ...NEWS].filter((id) => !vendorCatalog().has(id))).to.deep.equal([]);
  });

  it('each purpose follows from the kind', () => {
    const purposes = new Map<string, Set<string>>();
    for (const vendor of catalog) purposes.set(vendor.kind!, (purposes.get(vendor.kind!) ?? new Set()).add(vendor.purpose));
    expect(Object.fromEntries([...purposes].map(([kind, set]) => [kind, [...set]]))).to.deep.include({
      video: ['embeds'], podcast: ['embeds'], comments: ['embeds'], liveblog: ['embeds'], polls: ['embeds'], documents: ['embeds'],
      recommendations: ['advertising'], ads: ['advertising'], 'ad-measurement': ['advertising'],
      analytics: ['analytics'], audience: ['analytics'], 'tag-manager': ['analytics'],
    });
  });

  it('every entry is well-formed', () => {
    for (const vendor of catalog) {
      const where = `catalog entry "${vendor.id}"`;
      expect(vendor.id, where).to.match(/^[a-z0-9-]{1,64}$/);
      expect(vendor.name.trim(), where).to.not.equal('');
      expect(PURPOSES, where).to.include(vendor.purpose);
      expect(vendor.purpose, `${where}: "necessary" vendors are never asked about`).to.not.equal('necessary');
      expect(vendor.description, `${where}: described by its kind, in the reader's language`).to.equal(undefined);
      expect(en.vendorKinds, where).to.have.property(vendor.kind!);
      expect(vendor.hosts, where).to.not.deep.equal([]);
      if (vendor.policyUrl) expect(new URL(vendor.policyUrl).protocol, where).to.equal('https:');
      for (const host of vendor.hosts) expect(host, where).to.match(HOST_PATTERN);
      for (const cookie of vendor.cookies) expect(cookie, where).to.match(COOKIE_PATTERN);
    }
    expect(new Set(catalog.map((v) => v.id)).size).to.equal(catalog.length);
  });

  it('every host pattern names its own vendor: where two share a host, the more specific pattern wins', () => {
    for (const vendor of catalog) {
      for (const pattern of vendor.hosts) {
        const [place, query] = pattern.replace(/^\*\./, 'sub.').replace(/\/\*\//g, '/en_US/').split('?');
        const url = new URL(`https://${place.includes('/') ? place : `${place}/`}${query ? `?${query}1234` : ''}`);
        expect(vendorForUrl(url, catalog)?.id, pattern).to.equal(vendor.id);
      }
    }
  });

  it('the host table names catalog vendors only', () => {
    expect(hostIds().filter((id) => !vendorCatalog().has(id))).to.deep.equal([]);
  });

  it('a vendor declared without hosts takes its catalog entry\'s', () => {
    expect(withCatalogHosts([{ id: 'vimeo', name: 'Vimeo', purpose: 'embeds', hosts: [], cookies: [] }])[0].hosts).to.deep.equal(catalogHosts('vimeo'));
    expect(withCatalogHosts([{ id: 'vimeo', name: 'Vimeo', purpose: 'embeds', hosts: ['v.example'], cookies: [] }])[0].hosts).to.deep.equal(['v.example']);
    expect(catalogHosts('no-such-vendor')).to.deep.equal([]);
  });

  it('tells apart the vendors that share Facebook\'s and Google\'s tag hosts by path', () => {
    const expected = [
    ['https://connect.facebook.net/en_US/fbevents.js', 'meta-pixel'],
    ['https://connect.facebook.net/signals/config/123?v=2.9', 'meta-pixel'],
    ['https://www.facebook.com/tr?id=123&ev=PageView', 'meta-pixel'],
    ['https://connect.facebook.net/en_US/sdk.js#xfbml=1', 'facebook'],
    ['https://www.facebook.com/plugins/post.php?href=x', 'facebook'],
    ['https://www.facebook.com/translate', 'facebook'],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-ABC123', 'google-tag-manager'],
    ['https://www.googletagmanager.com/ns.html?id=GTM-ABC123', 'google-tag-manager'],
    ['https://www.googletagmanager.com/gtag/js?id=G-ABC123', 'google-analytics'],
    ['https://www.googletagmanager.com/gtag/js?id=AW-123', 'google-ads'],
    ['https://www.googletagmanager.com/gtag/js?id=DC-123', 'google-ads'],
    ['https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1', 'google-ads'],
    ];
    for (const [url, vendor] of expected) expect(vendorForUrl(new URL(url), catalog)?.id, url).to.equal(vendor);
  });

  it('a host covers its subdomains, not other names that end the same', () => {
    const vendorOf = (url: string) => vendorForUrl(new URL(url), catalog)?.id;
    expect(vendorOf('https://youtube.com/embed/1')).to.equal('youtube');
    expect(vendorOf('https://www.youtube.com/embed/1')).to.equal('youtube');
    expect(vendorOf('https://i.ytimg.com/vi/1/0.jpg')).to.equal('youtube');
    expect(vendorOf('https://notyoutube.com/embed/1')).to.equal(undefined);
    expect(vendorOf('https://youtube.com.example.net/embed/1')).to.equal(undefined);
  });

  it('a vendor list without the more specific vendor leaves the URL to the host\'s owner', () => {
    const facebookOnly = catalog.filter((vendor) => vendor.id === 'facebook');
    expect(vendorForUrl(new URL('https://connect.facebook.net/en_US/fbevents.js'), facebookOnly)?.id).to.equal('facebook');
    const analyticsOnly = catalog.filter((vendor) => vendor.id === 'google-analytics');
    expect(vendorForUrl(new URL('https://www.googletagmanager.com/gtm.js?id=GTM-1'), analyticsOnly)).to.equal(undefined);
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

  it('a placeholder describes its vendor in the reader\'s language', async () => {
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="youtube x" lang="fr"></consent-manager>
      <consent-gate vendor="youtube"><template><iframe src="https://www.youtube-nocookie.com/embed/x" width="640" height="360"></iframe></template></consent-gate>
      <consent-gate vendor="x"><template><blockquote class="twitter-tweet"><a href="https://x.com/a/status/1">post</a></blockquote></template></consent-gate>
    </div>`);
    await waitUntil(() => manager.language === 'fr' && manager.ready, 'French texts', { timeout: 5000 });
    const [youtube, x] = Array.from(root.querySelectorAll('consent-gate'));
    await waitUntil(() => shadow(youtube, '.body')?.textContent?.includes('Lecteur vidéo.'), 'the YouTube placeholder in French', { timeout: 5000 });
    await waitUntil(() => shadow(x, '.body')?.textContent?.includes('Publications intégrées de X (Twitter).'), 'the X placeholder in French', { timeout: 5000 });
  });
});
