#!/usr/bin/env node
// consent-gate gate [-o FILE] [--vendors-file PAGE.html] < article.html [> gated.html]
// Wraps the raw embed codes of an HTML fragment or document in <consent-gate> markup. Everything
// else is written back byte-for-byte. What is left that can load or run before consent (URLs no
// vendor claims, inline code) is listed on stderr (exit code 0: it is left as it was).
// --vendors-file reads the <consent-vendor> declarations of an HTML file (the page template that
// holds the <consent-manager>) and recognises those vendors too, beside the catalog.
// On any failure nothing is written (not to FILE, not to stdout), stderr says why, exit code 1.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { declaredVendors, gateEmbeds } from '../dist/transform.mjs';

const USAGE = 'usage: consent-gate gate [-o FILE | --output FILE] [--vendors-file PAGE.html] < input.html [> output.html]\n';

function parseArguments(args) {
  const options = { output: undefined, vendorsFiles: [] };
  if (args[0] !== 'gate') return undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-o' || arg === '--output') {
      if (!args[i + 1]) return undefined;
      options.output = args[++i];
    } else if (arg.startsWith('--output=')) options.output = arg.slice('--output='.length);
    else if (arg === '--vendors-file') {
      if (!args[i + 1]) return undefined;
      options.vendorsFiles.push(args[++i]);
    } else if (arg.startsWith('--vendors-file=')) options.vendorsFiles.push(arg.slice('--vendors-file='.length));
    else return undefined;
  }
  return options;
}

/** Writes the file whole or not at all: a temporary file beside it, then a rename over it. */
function writeAtomically(path, data) {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd;
  try {
    fd = openSync(temporary, 'wx', 0o644);
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}

if (process.argv[2] === 'log') await import('./log.mjs'); // the consent log service; exits when done
const options = parseArguments(process.argv.slice(2));
if (!options) {
  process.stderr.write(USAGE);
  process.exit(2);
}
/** The vendors declared in the --vendors-file pages; what is wrong with a declaration goes to stderr, as the page would report it. */
function vendorsOfFiles(files) {
  const vendors = [];
  for (const file of files) {
    const declared = declaredVendors(readFileSync(file, 'utf8'));
    for (const problem of declared.problems) process.stderr.write(`consent-gate: ${file}: ${problem}\n`);
    if (!declared.vendors.length) throw new Error(`${file} declares no valid <consent-vendor>`);
    for (const { id, hosts } of declared.vendors) {
      if (!hosts.length) process.stderr.write(`consent-gate: ${file}: <consent-vendor id="${id}"> has no hosts; its embeds cannot be recognised\n`);
    }
    vendors.push(...declared.vendors);
  }
  return vendors;
}

try {
  const vendors = vendorsOfFiles(options.vendorsFiles);
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  // The promise is byte-for-byte: input that is not UTF-8 could not be written back unchanged.
  let input;
  try {
    input = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new Error('the input is not valid UTF-8 (convert it first; nothing was written)');
  }
  const { html, gated, blocked, removed, ungated } = gateEmbeds(input, { vendors });
  // Everything is computed before the first byte goes out, so a failure leaves no half output.
  if (options.output) writeAtomically(options.output, html);
  else process.stdout.write(html);
  const list = (ids) => (ids.length ? ` (${[...new Set(ids)].join(', ')})` : '');
  process.stderr.write(`consent-gate: ${gated.length} embed(s) gated${list(gated)}\n`);
  if (blocked.length) process.stderr.write(`consent-gate: ${blocked.length} script(s) blocked until consent${list(blocked)}\n`);
  for (const { what, url, vendor } of removed) process.stderr.write(`consent-gate: removed ${what} of ${vendor} (${url}): readers without JavaScript cannot consent\n`);
  for (const { what, url, vendor, tag } of ungated) {
    if (url && !vendor) process.stderr.write(`consent-gate: not gated, no vendor claims ${url} (${what})\n`);
    else process.stderr.write(`consent-gate: not gated, ${what}${url ? ` ${url}` : ''}${vendor ? ` (${vendor})` : ''}: ${tag}\n`);
  }
} catch (error) {
  process.stderr.write(`consent-gate: failed, nothing written${options.output ? ` to ${options.output}` : ''}: ${error?.message ?? error}\n`);
  process.exitCode = 1;
}
