import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consentSetCookieHeader, encodeConsentCookie, hasConsent, parseConsentCookie } from '../../dist/server.mjs';

test('consent-gate/server reads a choice in Node', () => {
  const value = encodeConsentCookie({ revision: 2, timestamp: 1_700_000_000_000, consentId: 'abcdefgh1234', vendors: { youtube: true, x: false } });
  assert.deepEqual({ ...parseConsentCookie(value).vendors }, { youtube: true, x: false });
  assert.equal(hasConsent(value, 'youtube'), true);
  assert.equal(hasConsent(value, 'x'), false);
  assert.equal(hasConsent(value, 'constructor'), false);
  assert.equal(hasConsent('garbage', 'youtube'), false);
  assert.equal(hasConsent(undefined, 'youtube'), false);
});

test('consentSetCookieHeader re-issues a choice as a server cookie that expires with it', () => {
  const day = 86_400_000;
  const timestamp = 1_700_000_000_000;
  const value = encodeConsentCookie({ revision: 1, timestamp, consentId: 'abcdefgh1234', vendors: { youtube: true } });
  const header = consentSetCookieHeader(value, { now: timestamp + 10 * day, domain: 'example.ie' });
  assert.equal(header, `consent=${value}; Max-Age=${170 * 86_400}; Path=/; Domain=example.ie; SameSite=Lax; Secure`);
  assert.equal(consentSetCookieHeader(value, { now: timestamp + 181 * day }), undefined, 'expired');
  assert.equal(consentSetCookieHeader('1.1.x.tampered', {}), undefined, 'invalid');
  assert.match(consentSetCookieHeader(value, { name: 'c', path: '/news', maxAgeDays: 30, secure: false, now: timestamp }), /^c=2\.[^;]+; Max-Age=2592000; Path=\/news; SameSite=Lax$/);
});

test('a choice dated in the future is no choice: neither granted nor re-issued', () => {
  const now = 1_700_000_000_000;
  const far = encodeConsentCookie({ revision: 1, timestamp: Date.UTC(2090, 0, 1), consentId: 'abcdefgh1234', vendors: { youtube: true } });
  assert.equal(hasConsent(far, 'youtube'), false, 'dated 2090');
  assert.equal(consentSetCookieHeader(far, {}), undefined, 'not re-issued');
  const ahead = encodeConsentCookie({ revision: 1, timestamp: now + 20 * 3_600_000, consentId: 'abcdefgh1234', vendors: { youtube: true } });
  assert.equal(hasConsent(ahead, 'youtube', now), false, '20 hours ahead');
  assert.equal(consentSetCookieHeader(ahead, { now }), undefined);
  const skewed = encodeConsentCookie({ revision: 1, timestamp: now + 60_000, consentId: 'abcdefgh1234', vendors: { youtube: true } });
  assert.equal(hasConsent(skewed, 'youtube', now), true, 'a minute ahead: clocks differ a little');
});

test('consentSetCookieHeader refuses names, paths and domains that would change the header, and bad lifetimes', () => {
  const timestamp = 1_700_000_000_000;
  const value = encodeConsentCookie({ revision: 1, timestamp, consentId: 'abcdefgh1234', vendors: { youtube: true } });
  for (const [option, bad] of [
    ['name', 'consent; Domain=evil.test'],
    ['name', 'con sent'],
    ['name', ''],
    ['path', '/; Domain=evil.test'],
    ['path', '/\r\nSet-Cookie: x=1'],
    ['path', 'news'],
    ['domain', 'example.ie; Secure'],
    ['domain', 'example.ie\n'],
    ['domain', 'exa mple.ie'],
    ['maxAgeDays', NaN],
    ['maxAgeDays', Infinity],
    ['maxAgeDays', -1],
    ['maxAgeDays', 0],
  ]) {
    assert.throws(() => consentSetCookieHeader(value, { [option]: bad, now: timestamp }), new RegExp(option), `${option}: ${JSON.stringify(bad)}`);
  }
  const day = 86_400;
  const capped = consentSetCookieHeader(value, { maxAgeDays: 10_000, now: timestamp });
  assert.match(capped, new RegExp(`Max-Age=${395 * day};`), 'capped at 395 days, as the manager caps max-age-days');
  assert.match(consentSetCookieHeader(value, { domain: '.example.ie', now: timestamp }), /; Domain=\.example\.ie;/);
});

test('readConsentCookie reads every cookie of the name in a Cookie header: one written by a sibling subdomain adds no grant', async () => {
  const { readConsentCookie } = await import('../../dist/server.mjs');
  const now = 1_700_000_000_000;
  const own = encodeConsentCookie({ revision: 1, timestamp: now - 60_000, consentId: 'abcdefgh1234', vendors: { youtube: false, x: true } });
  const forged = encodeConsentCookie({ revision: 1, timestamp: now, consentId: 'evil0000evil', vendors: { youtube: true, x: true, ads: true } });
  const choice = readConsentCookie(`theme=dark; consent=${forged}; consent=${own}`, 'consent', now);
  assert.deepEqual({ ...choice.vendors }, { youtube: false, x: true });
  assert.equal(readConsentCookie(`consent=${own}`, 'consent', now).consentId, 'abcdefgh1234');
  assert.equal(readConsentCookie('consent=true', 'consent', now), null);
  assert.equal(readConsentCookie(undefined), null);
});
