// The widget's own bundle names each gate's vendor and never matches a URL: the catalog's host
// patterns ship only in auto-blocking and the Node entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { catalogVendors } from '../../dist/server.mjs';

const read = (file) => readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
const vendors = catalogVendors();
// A policy URL names its vendor's domain too (vimeo.com/privacy): those patterns prove nothing here.
const patterns = vendors.flatMap((vendor) => vendor.hosts).filter((pattern) => !vendors.some((vendor) => vendor.policyUrl?.includes(pattern)));

test('dist/consent-gate.js carries none of the catalog\'s host patterns; auto-blocking carries them all', () => {
  assert.ok(patterns.length > 20, patterns.join(' '));
  const main = read('consent-gate.js');
  const autoBlock = read('consent-gate-auto-block.js');
  assert.deepEqual(patterns.filter((pattern) => main.includes(pattern)), []);
  assert.deepEqual(patterns.filter((pattern) => !autoBlock.includes(pattern)), []);
});
