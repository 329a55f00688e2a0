// Prints what each source module weighs in the classic-script build: the minified bytes that the
// source map attributes to it, and the gzip size of those bytes alone (modules compress better
// together, so the column adds up to more than the bundle). Usage: node scripts/size-report.mjs
import { build } from 'vite';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map';

const outDir = mkdtempSync(join(tmpdir(), 'consent-gate-size-'));
await build({
  configFile: false,
  logLevel: 'warn',
  plugins: [minifyLiterals()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2021',
    minify: 'terser',
    terserOptions: { ecma: 2020, module: true, compress: { passes: 2 } },
    lib: { entry: 'src/entry-script.ts', formats: ['iife'], fileName: () => 'bundle.js', name: 'consentGate' },
  },
});
const code = readFileSync(join(outDir, 'bundle.js'), 'utf8');
const map = JSON.parse(readFileSync(join(outDir, 'bundle.js.map'), 'utf8'));
rmSync(outDir, { recursive: true });

const lines = code.split('\n');
const bySource = {};
await SourceMapConsumer.with(map, null, (consumer) => {
  const mappings = [];
  consumer.eachMapping((mapping) => mappings.push(mapping));
  mappings.forEach((mapping, i) => {
    const next = mappings[i + 1];
    const line = lines[mapping.generatedLine - 1];
    const end = next?.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
    const source = (mapping.source ?? '(none)').replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/');
    bySource[source] = (bySource[source] ?? '') + line.slice(mapping.generatedColumn, end);
  });
});

console.log(`bundle: ${code.length} B minified, ${gzipSync(code, { level: 9 }).length} B gzip (without the private-name mangling of npm run build)`);
console.log('minified    gzip  module');
for (const [source, text] of Object.entries(bySource).sort((a, b) => b[1].length - a[1].length)) {
  console.log(`${String(text.length).padStart(8)} ${String(gzipSync(text, { level: 9 }).length).padStart(7)}  ${source}`);
}
