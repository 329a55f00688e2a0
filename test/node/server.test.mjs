import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeConsentCookie, hasConsent, parseConsentCookie } from '../../dist/server.mjs';

test('consent-gate/server reads a choice in Node', () => {
  const value = encodeConsentCookie({ revision: 2, timestamp: 1_700_000_000_000, consentId: 'abcdefgh1234', vendors: { youtube: true, x: false } });
  assert.deepEqual({ ...parseConsentCookie(value).vendors }, { youtube: true, x: false });
  assert.equal(hasConsent(value, 'youtube'), true);
  assert.equal(hasConsent(value, 'x'), false);
  assert.equal(hasConsent(value, 'constructor'), false);
  assert.equal(hasConsent('garbage', 'youtube'), false);
  assert.equal(hasConsent(undefined, 'youtube'), false);
});
