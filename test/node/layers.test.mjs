// The source's layers: each module imports only from its own layer or the ones below it —
// core ← consent ← enforcement and integrations ← elements ← entries — and nothing made for
// Node (the server helpers, the transform, the consent log) reaches a browser layer. Type-only
// imports are erased at build and do not count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** The layer of a module, by its folder: a higher layer may import a lower one, never the reverse. */
const LAYERS = [
  ['core', ['core']],
  ['consent', ['consent', 'browser']],
  ['enforcement and integrations', ['dom', 'standards', 'translations', 'events', 'styles']],
  ['elements', ['components']],
  ['entries', ['.']],
];
const NODE_ONLY = ['server', 'transform', 'log'];
/** What Node-only code may not import: what touches the DOM (texts, catalog and rules are shared). */
const DOM_FOLDERS = ['.', 'components', 'dom', 'browser', 'styles'];

function layerOf(file) {
  const top = relative(src, file).split('/')[0];
  const folder = top.endsWith('.ts') ? '.' : top;
  if (NODE_ONLY.includes(folder)) return { name: `node (${folder})`, rank: -1, node: true };
  const rank = LAYERS.findIndex(([, folders]) => folders.includes(folder));
  assert.ok(rank >= 0, `${relative(src, file)}: src/${folder} has no layer in test/node/layers.test.mjs`);
  return { name: LAYERS[rank][0], rank, dom: DOM_FOLDERS.includes(folder) };
}

function sources(directory) {
  const files = [];
  const pending = [directory];
  while (pending.length) {
    const current = pending.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  }
  return files;
}

/** Relative value imports of a module (static, re-exports and dynamic), resolved to .ts files. */
function imports(file) {
  const code = readFileSync(file, 'utf8');
  const found = [];
  for (const [statement, specifier] of code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']+)'/gms)) {
    if (/^(?:import|export)\s+type\b/.test(statement)) continue;
    found.push(specifier);
  }
  for (const [, specifier] of code.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)) found.push(specifier);
  return found.map((specifier) => join(dirname(file), specifier.replace(/\.js$/, '.ts')));
}

/** What is wrong with `file` importing `targets` (none when the layers hold). */
function problemsOf(file, targets) {
  const problems = [];
  const from = layerOf(file);
  for (const target of targets) {
    const to = layerOf(target);
    const name = `${relative(src, file)} → ${relative(src, target)}`;
    if (to.node && !from.node) problems.push(`${name}: a browser module imports a Node-only one`);
    else if (!from.node && to.rank > from.rank) problems.push(`${name}: ${from.name} imports ${to.name}`);
    else if (from.node && to.dom) problems.push(`${name}: Node-only code imports the browser's ${to.name}`);
  }
  return problems;
}

test('every module imports only from its layer or below, and Node-only modules stay out of the browser', () => {
  const files = sources(src);
  assert.ok(files.length > 40, 'the source was read');
  assert.deepEqual(files.flatMap((file) => problemsOf(file, imports(file))), []);
});

test('the check reports each kind of broken layer', () => {
  const at = (path) => join(src, path);
  assert.equal(problemsOf(at('core/vendor.ts'), [at('components/consent-gate/consent-gate.ts')]).length, 1);
  assert.equal(problemsOf(at('dom/auto-block.ts'), [at('components/sync-gates.ts')]).length, 1);
  assert.equal(problemsOf(at('components/sync-gates.ts'), [at('transform/index.ts')]).length, 1);
  assert.equal(problemsOf(at('transform/index.ts'), [at('dom/auto-block.ts')]).length, 1);
  assert.deepEqual(problemsOf(at('components/sync-gates.ts'), [at('consent/registry.ts'), at('core/vendor.ts')]), []);
  // Type-only imports are erased at build.
  assert.deepEqual(imports(at('consent/registry.ts')), []);
});

test('the consent store knows no element: it imports the pure core and the cookie module only', () => {
  const store = join(src, 'consent/consent-store.ts');
  const imported = imports(store).map((file) => relative(src, file));
  assert.ok(imported.length > 0, 'the store was read');
  assert.deepEqual(imported.filter((file) => !file.startsWith('core/') && file !== 'browser/cookies.ts'), []);
  // Nothing under dom/ reaches the elements; it finds the store through the registry.
  for (const file of sources(join(src, 'dom'))) {
    assert.deepEqual(imports(file).filter((target) => relative(src, target).startsWith('components/')), [], relative(src, file));
  }
});
