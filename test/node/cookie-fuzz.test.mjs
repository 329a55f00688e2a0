// Property-based tests of the cookie parser (fast-check): whatever the cookie holds, parsing never
// throws and never grants a vendor the reader did not grant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodeConsentCookie, parseConsentCookie } from '../../dist/server.mjs';

const vendorId = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const choice = fc.record({
  revision: fc.integer({ min: 1, max: 999_999_999 }),
  timestamp: fc.integer({ min: 0, max: 4_000_000_000 }).map((seconds) => seconds * 1000),
  consentId: fc.stringMatching(/^[0-9a-z]{8,32}$/),
  vendors: fc.dictionary(vendorId, fc.boolean(), { maxKeys: 12 }),
});

const granted = (parsed) => Object.keys(parsed?.vendors ?? {}).filter((id) => parsed.vendors[id] === true);

test('any string parses to null or a well-formed choice, without throwing', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'1.~-abz09%') })), (value) => {
      const parsed = parseConsentCookie(value);
      if (parsed === null) return;
      assert.ok(Number.isInteger(parsed.revision) && parsed.revision >= 1);
      for (const answer of Object.values(parsed.vendors)) assert.equal(typeof answer, 'boolean');
    }),
    { numRuns: 5000 },
  );
});

test('a valid choice survives the round trip', () => {
  fc.assert(
    fc.property(choice, (stored) => {
      assert.deepEqual({ ...parseConsentCookie(encodeConsentCookie(stored)).vendors }, { ...stored.vendors });
    }),
    { numRuns: 2000 },
  );
});

test('a corrupted choice (truncated, a character changed, inserted or removed) never grants anything new', () => {
  const corruption = fc.record({ at: fc.nat(), kind: fc.constantFrom('truncate', 'replace', 'insert', 'delete'), char: fc.constantFrom(...'.~-0az9%') });
  fc.assert(
    fc.property(choice, corruption, (stored, { at, kind, char }) => {
      const value = encodeConsentCookie(stored);
      const i = at % value.length;
      const corrupted = {
        truncate: value.slice(0, i),
        replace: value.slice(0, i) + char + value.slice(i + 1),
        insert: value.slice(0, i) + char + value.slice(i),
        delete: value.slice(0, i) + value.slice(i + 1),
      }[kind];
      const parsed = parseConsentCookie(corrupted);
      if (corrupted === value) return;
      for (const id of granted(parsed)) assert.equal(stored.vendors[id], true, `${kind} at ${i} granted ${id}`);
    }),
    { numRuns: 5000 },
  );
});

test('hand-picked hostile values count as no choice', () => {
  const valid = encodeConsentCookie({ revision: 1, timestamp: 1_700_000_000_000, consentId: 'abcdefgh1234', vendors: { youtube: true } });
  for (const value of [
    valid.slice(0, -1), // truncated
    `${valid}${'x'.repeat(5000)}`, // oversized
    `3${valid.slice(1)}`, // another format version
    '%E0%A4%A', // broken percent-encoding
    `${valid}; consent=${valid}`, // two cookies glued together
    'constructor', '__proto__', '1.1.0.abcdefgh.__proto__..0000000', null, undefined, 42, {},
  ]) {
    assert.equal(parseConsentCookie(value), null, String(value).slice(0, 40));
  }
  assert.equal(Object.getPrototypeOf(parseConsentCookie(valid).vendors), null, 'vendors is a plain dictionary');
});
