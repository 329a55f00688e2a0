import { expect } from '@open-wc/testing';
import { encodeConsentCookie, newConsentId, parseConsentCookie, type StoredChoice } from '../src/core/cookie-codec.js';

const choice: StoredChoice = {
  revision: 3,
  timestamp: Date.UTC(2026, 10, 1, 12, 0, 0),
  consentId: 'k3j9d2xq0a7b',
  vendors: { youtube: true, 'rte-player': true, x: false, 'google-analytics': false },
};

describe('cookie codec', () => {
  it('still reads a version 1 value (two-character check), so earlier choices hold', () => {
    const v1 = '1.1.spduo0.k3j9x0q2m7c4b8d1.rte-player~youtube.google-analytics.hx';
    expect({ ...parseConsentCookie(v1)!.vendors }).to.deep.equal({ 'rte-player': true, youtube: true, 'google-analytics': false });
    expect(parseConsentCookie(v1.replace(/hx$/, 'hy'))).to.equal(null);
    expect(parseConsentCookie(v1.replace(/^1/, '2'))).to.equal(null, 'a version 2 value needs the seven-character check');
  });

  it('round-trips a choice', () => {
    const value = encodeConsentCookie(choice);
    const seconds = Math.floor(choice.timestamp / 1000).toString(36);
    expect(value).to.match(new RegExp(`^2\\.3\\.${seconds}\\.k3j9d2xq0a7b\\.youtube~rte-player\\.x~google-analytics\\.[0-9a-z]{7}$`));
    const parsed = parseConsentCookie(value)!;
    expect(parsed.revision).to.equal(3);
    expect(parsed.timestamp).to.equal(choice.timestamp);
    expect(parsed.consentId).to.equal(choice.consentId);
    expect({ ...parsed.vendors }).to.deep.equal(choice.vendors);
  });

  it('keeps a choice for 10 vendors under 200 bytes', () => {
    const ids = ['rte-player', 'youtube', 'vimeo', 'x', 'instagram', 'tiktok', 'datawrapper', 'google-analytics', 'spotify', 'soundcloud'];
    const vendors = Object.fromEntries(ids.map((id, i) => [id, i % 2 === 0]));
    const value = encodeConsentCookie({ ...choice, consentId: newConsentId(), vendors });
    expect(value.length).to.be.below(200);
  });

  it('reads a percent-encoded value as a server receives it', () => {
    const value = encodeURIComponent(encodeConsentCookie(choice)).replace(/~/g, '%7E');
    expect(parseConsentCookie(value)?.vendors.youtube).to.equal(true);
  });

  describe('garbage counts as no choice, never an exception', () => {
    const good = encodeConsentCookie(choice);
    const bad: unknown[] = [
      undefined,
      null,
      42,
      {},
      '',
      'true',
      'yes',
      '{"youtube":true}',
      good.slice(0, good.length - 12),
      good.slice(0, 10),
      `3${good.slice(1)}`,
      good.replace('.3.', '.0.'),
      good.replace('.3.', '.-3.'),
      good.replace('.3.', '.3x.'),
      good.replace('k3j9d2xq0a7b', 'short'),
      good.replace('.x~', '.'),
      good.replace('youtube~', ''),
      good.replace('youtube', 'You Tube'),
      good.replace('youtube', '__proto__'),
      good.replace('youtube', '<script>'),
      `${good}.extra`,
      good.replace('x~', 'youtube~'),
      good.replace('youtube~rte-player', 'youtube~youtube'),
      `1.1.${'z'.repeat(9)}.k3j9d2xq0a7b.youtube.`,
      '%E0%A4%A',
      `1.1.mhfxn540.k3j9d2xq0a7b.${'a~'.repeat(3000)}a.`,
      good + '\u0000',
    ];
    bad.forEach((value, index) => {
      it(`rejects case ${index}: ${JSON.stringify(value)?.slice(0, 40)}`, () => {
        expect(parseConsentCookie(value)).to.equal(null);
      });
    });
  });

  it('makes consent ids that the codec accepts, different each time', () => {
    const a = newConsentId();
    const b = newConsentId();
    expect(a).to.match(/^[0-9a-z]{16}$/);
    expect(a).not.to.equal(b);
  });
});
