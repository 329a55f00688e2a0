import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSync } from 'esbuild';

// The manager's vendor list, compiled for Node as it is (no DOM).
const { outputFiles } = buildSync({ entryPoints: ['src/consent/vendor-list.ts'], bundle: true, format: 'esm', write: false });
const { vendorList } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

const vendor = (id, purpose = 'embeds', name = id) => ({ id, name, purpose, hosts: [], cookies: [] });
const catalog = new Map([['youtube', vendor('youtube', 'embeds', 'YouTube')], ['ga', vendor('ga', 'analytics')]]);
/** A <consent-vendor> declaration: the vendor it declares over the catalog's entry (undefined: invalid). */
const declaration = (id, declare) => ({ id, toVendor: (entry) => declare(entry) });

function resolve(ids, declarations = []) {
  const problems = [];
  const vendors = vendorList(ids, catalog, declarations, (message) => problems.push(message));
  return { ids: vendors.map((v) => v.id), vendors, problems };
}

test('the catalog ids of `vendors`, in order, then the declared vendors', () => {
  const own = vendor('newsvideo');
  const { ids, problems } = resolve(' ga  youtube ', [declaration('newsvideo', () => own)]);
  assert.deepEqual(ids, ['ga', 'youtube', 'newsvideo']);
  assert.deepEqual(problems, []);
});

test('a declaration takes the place of the catalog entry of its id, which it is given', () => {
  let given;
  const { vendors, problems } = resolve('youtube ga', [declaration('youtube', (entry) => ((given = entry), { ...entry, name: 'Our YouTube' }))]);
  assert.equal(given.name, 'YouTube');
  assert.deepEqual(vendors.map((v) => [v.id, v.name]), [['youtube', 'Our YouTube'], ['ga', 'ga']]);
  assert.deepEqual(problems, []);
});

test('an id neither in the catalog nor declared is reported and left out; a declared one is not reported', () => {
  const { ids, problems } = resolve('nosuch youtube newsvideo', [declaration('newsvideo', () => vendor('newsvideo'))]);
  assert.deepEqual(ids, ['youtube', 'newsvideo']);
  assert.deepEqual(problems, ['vendors: "nosuch" is not in the catalog; declare it with <consent-vendor>']);
});

test('of two declarations of one id the first is used and the second reported; an invalid one is skipped', () => {
  const first = vendor('newsvideo', 'embeds', 'First');
  const { vendors, problems } = resolve('', [
    declaration('broken', () => undefined),
    declaration('newsvideo', () => first),
    declaration('newsvideo', () => vendor('newsvideo', 'embeds', 'Second')),
    { id: 'not-upgraded' },
  ]);
  assert.deepEqual(vendors, [first]);
  assert.deepEqual(problems, ['<consent-vendor id="newsvideo"> is declared twice; the first one is used']);
});
