// Writes the catalog table of docs/vendors.md from the built catalog: `npm run build` first, then
// `node scripts/vendors-doc.mjs`. test/node/vendors-doc.test.mjs fails while the table is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogVendors } from '../dist/transform.mjs';

export const DOC = fileURLToPath(new URL('../docs/vendors.md', import.meta.url));
const START = '<!-- catalog: written by node scripts/vendors-doc.mjs -->';
const END = '<!-- end of catalog -->';

const code = (values) => values.map((value) => `\`${value}\``).join(' ');

/** The table of every catalog vendor: id, name linked to its policy, kind, purpose, hosts, cookies. */
export function catalogTable(vendors = catalogVendors()) {
  const rows = vendors.map(({ id, name, policyUrl, kind, purpose, hosts, cookies }) =>
    `| \`${id}\` | ${policyUrl ? `[${name}](${policyUrl})` : name} | ${kind} | ${purpose} | ${code(hosts)} | ${code(cookies)} |`,
  );
  return [START, '', '| id | name (privacy policy) | kind | purpose | hosts | first-party cookies |', '|---|---|---|---|---|---|', ...rows, '', END].join('\n');
}

/** Where the catalog table is in docs/vendors.md. */
function tableBounds(doc) {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/vendors.md has no ${START} … ${END} section`);
  return [start, end + END.length];
}

/** The catalog table as docs/vendors.md has it. */
export const tableIn = (doc) => doc.slice(...tableBounds(doc));

/** docs/vendors.md with its catalog table replaced by `table`. */
export function withTable(doc, table) {
  const [start, end] = tableBounds(doc);
  return doc.slice(0, start) + table + doc.slice(end);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DOC, withTable(readFileSync(DOC, 'utf8'), catalogTable()));
}
