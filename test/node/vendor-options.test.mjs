// The Node API and the CLI take the publisher's vendors beside the catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogVendors, declaredVendors, gateEmbeds } from '../../dist/transform.mjs';
import { catalogVendors as serverCatalog } from '../../dist/server.mjs';

const vimeo = '<iframe src="https://player.vimeo.com/video/1" width="640" height="360"></iframe>';
const own = '<iframe src="https://player.newsvideo.example/embed/1" width="640" height="360"></iframe>';
const newsvideo = { id: 'newsvideo', name: 'News Video', purpose: 'embeds', hosts: ['player.newsvideo.example'], cookies: [] };
const bin = fileURLToPath(new URL('../../bin/consent-gate.mjs', import.meta.url));

test('the catalog is exported from both Node entries, with its hosts', () => {
  const vendors = catalogVendors();
  assert.ok(vendors.length >= 30);
  assert.deepEqual(vendors.find((vendor) => vendor.id === 'vimeo')?.hosts, ['vimeo.com']);
  assert.deepEqual(serverCatalog().map((vendor) => vendor.id), vendors.map((vendor) => vendor.id));
});

test('`vendors` adds to the catalog; `catalog` replaces it', () => {
  assert.deepEqual(gateEmbeds(`${vimeo}\n${own}`, { vendors: [newsvideo] }).gated, ['vimeo', 'newsvideo']);
  assert.deepEqual(gateEmbeds(`${vimeo}\n${own}`, { catalog: [newsvideo] }).gated, ['newsvideo']);
  // A declaration of a catalog id without hosts keeps the catalog's hosts.
  const renamed = { id: 'vimeo', name: 'Our Vimeo', purpose: 'embeds', hosts: [], cookies: [] };
  assert.deepEqual(gateEmbeds(vimeo, { vendors: [renamed] }).gated, ['vimeo']);
});

test('declaredVendors reads <consent-vendor> elements as the page does, and says what is wrong', () => {
  const { vendors, problems } = declaredVendors(`<consent-manager vendors="youtube">
    <consent-vendor id="newsvideo" name="News Video" purpose="embeds" hosts="player.newsvideo.example"></consent-vendor>
    <consent-vendor id="vimeo" name="Vimeo (ours)"></consent-vendor>
    <consent-vendor id="Bad Id" purpose="embeds"></consent-vendor>
    <consent-vendor id="nopurpose"></consent-vendor>
    <consent-vendor id="newsvideo" purpose="embeds"></consent-vendor>
  </consent-manager>`);
  assert.deepEqual(vendors.map(({ id, name, purpose, hosts }) => [id, name, purpose, hosts]), [
    ['newsvideo', 'News Video', 'embeds', ['player.newsvideo.example']],
    ['vimeo', 'Vimeo (ours)', 'embeds', ['vimeo.com']],
  ]);
  assert.equal(problems.length, 3);
  assert.match(problems.join('\n'), /Bad Id.*id must be/);
  assert.match(problems.join('\n'), /nopurpose.*unknown purpose/);
  assert.match(problems.join('\n'), /newsvideo.*declared twice/);
});

test('the CLI: --vendors-file problems go to stderr; a file without a valid declaration writes nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-vendors-'));
  const file = join(dir, 'vendors.html');
  writeFileSync(file, `<consent-vendor id="newsvideo" purpose="embeds" hosts="player.newsvideo.example"></consent-vendor>
<consent-vendor id="nohosts" purpose="embeds"></consent-vendor><consent-vendor id="x y"></consent-vendor>`);
  const run = spawnSync(process.execPath, [bin, 'gate', `--vendors-file=${file}`], { input: own, timeout: 60_000 });
  assert.equal(run.status, 0);
  assert.match(run.stdout.toString(), /<consent-gate vendor="newsvideo"/);
  assert.match(run.stderr.toString(), /nohosts.*has no hosts/);
  assert.match(run.stderr.toString(), /x y.*ignored/);
  writeFileSync(file, '<p>No declarations</p>');
  const none = spawnSync(process.execPath, [bin, 'gate', '--vendors-file', file], { input: own, timeout: 60_000 });
  assert.equal(none.status, 1);
  assert.equal(none.stdout.toString(), '');
  assert.match(none.stderr.toString(), /declares no valid <consent-vendor>/);
  const missing = spawnSync(process.execPath, [bin, 'gate', '--vendors-file', join(dir, 'missing.html')], { input: own, timeout: 60_000 });
  assert.equal(missing.status, 1);
  assert.equal(missing.stdout.toString(), '');
});
