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
