import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSync } from 'esbuild';

// The store's pure part, compiled for Node as it is (no DOM).
const { outputFiles } = buildSync({ entryPoints: ['src/core/consent-state.ts'], bundle: true, format: 'esm', write: false });
const { recordAnswers } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

const vendor = (id, purpose) => ({ id, name: id, purpose, hosts: [], cookies: [] });
const vendors = [vendor('youtube', 'embeds'), vendor('ga', 'analytics'), vendor('cdn', 'necessary')];
const stored = { revision: 1, timestamp: 0, consentId: 'abcdefgh12', vendors: { youtube: true, vimeo: false } };

test('answers are merged over the earlier ones that still count, the newest last', () => {
  const answers = recordAnswers(stored, { kind: 'valid' }, vendors, { ga: true, youtube: false });
  assert.deepEqual(answers, { vimeo: false, ga: true, youtube: false });
  // Moved last: kept first when the cookie is full.
  assert.deepEqual(Object.keys(answers), ['vimeo', 'ga', 'youtube']);
});

test('a vendor only other pages configure keeps its answer, and can be answered again', () => {
  assert.deepEqual(recordAnswers(stored, { kind: 'new-vendors', vendors: ['ga'] }, vendors, { vimeo: true }), { youtube: true, vimeo: true });
});

test('an expired, outdated or missing choice keeps no earlier answer', () => {
  for (const validity of [{ kind: 'expired' }, { kind: 'revision' }, { kind: 'none' }]) {
    assert.deepEqual(recordAnswers(stored, validity, vendors, { ga: true }), { ga: true });
  }
  assert.deepEqual(recordAnswers(null, { kind: 'none' }, vendors, { youtube: true }), { youtube: true });
});

test('answers for vendors neither asked about nor answered before, and for necessary ones, are dropped; answers are booleans', () => {
  assert.deepEqual(recordAnswers(null, { kind: 'none' }, vendors, { cdn: false, unknown: true, ga: 'yes' }), { ga: false });
  // The earlier answers are copied, never changed.
  recordAnswers(stored, { kind: 'valid' }, vendors, { youtube: false });
  assert.equal(stored.vendors.youtube, true);
});
