#!/usr/bin/env node
// consent-gate gate < article.html > gated.html
// Wraps the raw embed codes of an HTML fragment or document in <consent-gate> markup. Everything
// else is written back byte-for-byte. Third-party iframes and scripts that no catalog vendor
// claims are listed on stderr (exit code 0: they are left as they were).
import { gateEmbeds } from '../dist/transform.mjs';

const [command] = process.argv.slice(2);
if (command !== 'gate') {
  process.stderr.write('usage: consent-gate gate < input.html > output.html\n');
  process.exit(2);
}
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { html, gated, blocked, unknown } = gateEmbeds(Buffer.concat(chunks).toString('utf8'));
process.stdout.write(html);
const list = (ids) => (ids.length ? ` (${[...new Set(ids)].join(', ')})` : '');
process.stderr.write(`consent-gate: ${gated.length} embed(s) gated${list(gated)}\n`);
if (blocked.length) process.stderr.write(`consent-gate: ${blocked.length} script(s) blocked until consent${list(blocked)}\n`);
for (const url of unknown) process.stderr.write(`consent-gate: not gated, no vendor claims ${url}\n`);
