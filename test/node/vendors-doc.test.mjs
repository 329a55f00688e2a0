// docs/vendors.md lists the whole catalog as it is built: every id, its policy, hosts and cookies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { catalogVendors } from '../../dist/transform.mjs';
import { DOC, catalogTable, tableIn } from '../../scripts/vendors-doc.mjs';

test('docs/vendors.md lists every catalog vendor, as node scripts/vendors-doc.mjs writes it', () => {
  const table = tableIn(readFileSync(DOC, 'utf8'));
  const listed = [...table.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]);
  assert.deepEqual(listed, catalogVendors().map((vendor) => vendor.id));
  assert.equal(table, catalogTable(), 'the table is stale: run npm run build && node scripts/vendors-doc.mjs');
});
