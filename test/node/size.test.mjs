import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// The size budget of the classic-script bundle. It replaces SPEC §6's 12 KB target (and the 12 KB
// lines of the earlier issues): the file must stay within this ceiling, and `npm run bench` prints
// it against the 17 KB aim. Everything opt-in that need not be in the first file moves out of it.
export const CEILING = 20_480;
export const AIM = 17 * 1024;

test('dist/consent-gate.js stays within the 20,480 B gzip budget', () => {
  const code = readFileSync(new URL('../../dist/consent-gate.js', import.meta.url));
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(`dist/consent-gate.js: ${code.length} B raw, ${gzip} B gzip (aim ${AIM} B, ceiling ${CEILING} B)`);
  assert.ok(gzip <= CEILING, `${gzip} B gzip is over the ${CEILING} B ceiling`);
});
