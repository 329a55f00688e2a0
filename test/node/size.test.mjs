import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 12 * 1024;

test('dist/consent-gate.js stays within 12 KB gzip', () => {
  const code = readFileSync(new URL('../../dist/consent-gate.js', import.meta.url));
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`dist/consent-gate.js: ${code.length} B raw, ${gzip} B gzip (budget ${BUDGET} B)`);
  assert.ok(gzip <= BUDGET, `${gzip} B gzip is over the ${BUDGET} B budget`);
});
