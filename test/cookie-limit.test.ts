import { expect, html } from '@open-wc/testing';
import { encodeConsentCookie, parseConsentCookie, type StoredChoice } from '../src/core/cookie-codec.js';
import { captureErrors, clearCookies, page } from './helpers.js';

// A browser keeps at most 4,096 bytes of name and value in one cookie: a choice about many vendors
// (hundreds on one page, or answers gathered on many pages) must still be kept, never silently lost
// and never granting more than the reader chose (docs/cookie.md, "How many vendors a choice holds").

const ids = (count: number, prefix = 'example-vendor') => Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const managerOf = (vendorIds: string[]) =>
  html`<consent-manager vendors=${vendorIds.join(' ')}>
    ${vendorIds.map((id) => html`<consent-vendor id=${id} name=${id} purpose="embeds"></consent-vendor>`)}
  </consent-manager>`;
const storedChoice = (): StoredChoice | null => {
  const value = document.cookie.split('; ').find((pair) => pair.startsWith('consent='));
  return value ? parseConsentCookie(value.slice('consent='.length)) : null;
};
const store = (vendors: Record<string, boolean>) => {
  document.cookie = `consent=${encodeConsentCookie({ revision: 1, timestamp: Date.now(), consentId: 'abcdefgh1234', vendors })}; path=/`;
};

describe('a choice larger than a cookie holds', () => {
  afterEach(() => clearCookies());

  it('the codec writes at most 4,000 characters, keeping the last answers and granting nothing more', () => {
    const vendors = Object.fromEntries(ids(400).map((id, i) => [id, i % 2 === 0]));
    const value = encodeConsentCookie({ revision: 1, timestamp: Date.now(), consentId: 'abcdefgh1234', vendors });
    expect(value.length).to.be.at.most(4000);
    const kept = parseConsentCookie(value)!.vendors;
    const keptIds = Object.keys(vendors).filter((id) => id in kept);
    expect(keptIds).to.deep.equal(ids(400).slice(-keptIds.length), 'the last answers are the ones kept');
    expect(keptIds.length).to.be.above(150);
    for (const id of keptIds) expect(kept[id]).to.equal(vendors[id]);
  });

  it('Accept all with 400 vendors: the cookie is stored, a console error names the limit, and the next page grants nothing more', async () => {
    const vendorIds = ids(400);
    const errors = captureErrors();
    const first = await page(managerOf(vendorIds));
    first.manager.acceptAll();
    errors.restore();
    expect(errors.messages.join('\n')).to.match(/cookie full \(4,000 characters\): \d+ answers kept for this page view only \(docs\/cookie.md\)/);
    // This page view keeps the whole choice.
    expect(vendorIds.every((id) => first.manager.hasConsent(id))).to.equal(true);
    const stored = storedChoice();
    expect(stored, 'a choice is stored').not.to.equal(null);
    const kept = Object.keys(stored!.vendors);
    expect(kept.length).to.be.above(150);
    expect(kept.every((id) => stored!.vendors[id] === true)).to.equal(true);
    first.manager.remove();

    const { manager: next } = await page(managerOf(vendorIds));
    expect(kept.every((id) => next.hasConsent(id)), 'the kept answers hold').to.equal(true);
    expect(vendorIds.filter((id) => next.hasConsent(id)).length).to.equal(kept.length);
    next.remove();
  });

  it("answers gathered on other pages never push out this page's answer", async () => {
    // Close to 4,000 characters of answers given elsewhere.
    const elsewhere = Object.fromEntries(ids(183, 'other-site-vendor').map((id) => [id, false]));
    store(elsewhere);
    expect(Object.keys(storedChoice()!.vendors).length).to.be.above(175);
    const errors = captureErrors();
    const first = await page(managerOf(['a-rather-long-video-player-id']));
    first.manager.acceptAll();
    errors.restore();
    expect(errors.messages.join('\n')).to.match(/cookie full/);
    first.manager.remove();

    const { manager: next } = await page(managerOf(['a-rather-long-video-player-id']));
    expect(next.consent.decided, 'not asked again').to.equal(true);
    expect(next.hasConsent('a-rather-long-video-player-id')).to.equal(true);
    const stored = storedChoice()!;
    expect(Object.values(stored.vendors).filter(Boolean)).to.deep.equal([true], 'no answer given elsewhere turned into a grant');
    next.remove();
  });

  it('Reject all after an earlier grant, with too many vendors to store: the earlier grant does not come back', async () => {
    const vendorIds = ids(400);
    store({ [vendorIds[399]]: true });
    const first = await page(managerOf(vendorIds));
    expect(first.manager.hasConsent(vendorIds[399])).to.equal(true);
    const errors = captureErrors();
    first.manager.rejectAll();
    errors.restore();
    first.manager.remove();

    const { manager: next } = await page(managerOf(vendorIds));
    expect(vendorIds.some((id) => next.hasConsent(id))).to.equal(false);
    expect(Object.values(storedChoice()!.vendors).some(Boolean)).to.equal(false);
    next.remove();
  });
});
