import { expect } from '@open-wc/testing';
import { ConsentStore, type ConsentChange, type ConsentSettings } from '../src/consent/consent-store.js';
import { encodeConsentCookie, parseConsentCookie } from '../src/core/cookie-codec.js';
import type { Vendor } from '../src/core/vendor.js';
import { captureErrors, clearCookies } from './helpers.js';

const vendor = (id: string, purpose: Vendor['purpose'], cookies: string[] = []): Vendor => ({ id, name: id, purpose, hosts: [], cookies });
const settings = (over: Partial<ConsentSettings> = {}): ConsentSettings => ({
  vendors: [vendor('youtube', 'embeds'), vendor('ga', 'analytics', ['_ga*']), vendor('cdn', 'necessary')],
  revision: 1,
  maxAgeDays: 180,
  cookie: { name: 'consent', path: '/' },
  gpc: false,
  ...over,
});
/** The choice in the page's `consent` cookie, as the browser holds it. */
const cookieChoice = () => parseConsentCookie(decodeURIComponent(/(?:^|; )consent=([^;]*)/.exec(document.cookie)?.[1] ?? ''));

/** A store that has read the page's cookie, and the changes it told. */
function readStore(over?: Partial<ConsentSettings>) {
  const store = new ConsentStore();
  const changes: ConsentChange[] = [];
  store.follow((change) => changes.push(change));
  store.readChoice(settings(over));
  return { store, changes };
}

describe('ConsentStore (no DOM; the real cookie)', () => {
  afterEach(clearCookies);

  it('reads no choice: nothing granted but the necessary, every askable vendor asked about', () => {
    const { store, changes } = readStore();
    expect(store.started).to.equal(true);
    expect(store.consent.decided).to.equal(false);
    expect(store.asked).to.deep.equal(['youtube', 'ga']);
    expect(store.hasConsent('cdn')).to.equal(true);
    expect(store.hasConsent('youtube')).to.equal(false);
    // The first reading is told too, without a method: the page is brought in line with it.
    expect(changes).to.deep.equal([{ granted: ['cdn'], withdrawn: [], method: undefined, unsaved: undefined }]);
  });

  it('reads the choice a cookie holds', () => {
    document.cookie = `consent=${encodeConsentCookie({ revision: 1, timestamp: Date.now(), consentId: 'abcdefgh12', vendors: { youtube: true, ga: false } })}; path=/`;
    const { store } = readStore();
    expect(store.consent.decided).to.equal(true);
    expect(store.consent.vendors).to.deep.equal({ youtube: true, ga: false, cdn: true });
    expect(store.asked).to.deep.equal([]);
  });

  it('records a choice in the cookie and tells its followers what it granted, how', async () => {
    const { store, changes } = readStore();
    const granted = store.whenGranted('youtube');
    store.record({ youtube: true }, 'banner');
    expect(cookieChoice()?.vendors).to.deep.equal({ youtube: true });
    expect(changes.at(-1)).to.deep.equal({ granted: ['youtube'], withdrawn: [], method: 'banner', unsaved: false });
    await granted;
    store.answerAll(true, 'dialog');
    expect(cookieChoice()?.vendors).to.deep.equal({ youtube: true, ga: true });
    expect(changes.at(-1)).to.deep.include({ granted: ['ga'], method: 'dialog' });
    expect(store.consent.decided).to.equal(true);
  });

  it('withdrawing erases the vendor’s cookies; forgetting removes the choice and asks again', () => {
    const { store, changes } = readStore();
    store.answerAll(true, 'api');
    document.cookie = '_ga_X=1; path=/';
    store.setAnswers({ ga: false });
    expect(document.cookie).not.to.contain('_ga_X');
    expect(changes.at(-1)).to.deep.include({ withdrawn: ['ga'], method: 'api' });
    store.forgetChoice();
    expect(document.cookie).not.to.match(/(^|; )consent=/);
    expect(changes.at(-1)).to.deep.include({ withdrawn: ['youtube'], method: 'reset' });
    expect(store.asked).to.deep.equal(['youtube', 'ga']);
  });

  it('refuses unknown vendors and answers before the first reading, with a console error', () => {
    const errors = captureErrors();
    const early = new ConsentStore();
    early.record({ youtube: true }, 'api');
    const { store, changes } = readStore();
    store.setAnswers({ vimeo: true, youtube: 'yes' as unknown as boolean });
    errors.restore();
    expect(errors.messages.join('\n')).to.contain('not ready yet').and.contain('unknown vendor "vimeo"').and.contain('"youtube" needs true or false');
    expect(changes.length).to.equal(1);
    expect(document.cookie).not.to.match(/(^|; )consent=/);
  });

  it('another tab’s choice is read again and told as such; a retired store tells no one', () => {
    const { store, changes } = readStore();
    document.cookie = `consent=${encodeConsentCookie({ revision: 1, timestamp: Date.now(), consentId: 'abcdefgh12', vendors: { youtube: true, ga: true } })}; path=/`;
    store.readChoice(store.settings, 'tab');
    expect(changes.at(-1)).to.deep.include({ granted: ['youtube', 'ga'], method: 'tab' });
    store.retire();
    expect(store.started).to.equal(false);
    const errors = captureErrors();
    store.record({ youtube: false }, 'api');
    errors.restore();
    expect(changes.length).to.equal(2);
  });

  it('with Global Privacy Control honoured, advertising vendors are not asked about', () => {
    const { store } = readStore({ vendors: [vendor('youtube', 'embeds'), vendor('ads', 'advertising')], gpc: true });
    expect(store.asked).to.deep.equal(['youtube']);
    expect(store.hasConsent('ads')).to.equal(false);
  });
});
