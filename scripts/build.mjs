// Builds dist/: the classic script (IIFE), the ES module, the Node entry, types and the
// custom-elements manifest, then prints the sizes.
import { build } from 'vite';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { privateNames } from './private-names.mjs';

// A checkout whose node_modules predates package.json (a pull that added a dependency) would fail
// in tsc with dozens of unrelated type errors: say what to run instead.
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const missing = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !existsSync(`node_modules/${name}/package.json`));
if (missing.length) {
  console.error(`build: not installed: ${missing.join(', ')}. Run npm ci (or npm install) first.`);
  process.exit(1);
}

rmSync('dist', { recursive: true, force: true });

// Members declared `private` in src/ get short names in the browser bundles (Lit's own build
// mangles its private fields the same way): see private-names.mjs for which.
const mangledProperties = new RegExp(`^(${privateNames().join('|')})$`);

// lit-html ends with two statements for other setups than ours: a hook for the ShadyDOM polyfill
// (for browsers without shadow DOM, where the widget does not run) and a registry of the lit
// versions on the page (read by Lit's dev tools). Both go; a lit-html whose text differs fails
// the build rather than ship them unnoticed.
const LIT_EXTRAS = /,\w+=\w+\.litHtmlPolyfillSupport;\w+\?\.\(\w+,\w+\),\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\)/;
const withoutLitExtras = {
  name: 'without-lit-extras',
  transform(code, id) {
    if (!id.endsWith('/lit-html/lit-html.js')) return null;
    if (!LIT_EXTRAS.test(code)) throw new Error(`lit-html's polyfill hook and version registry were not found in ${id}: update LIT_EXTRAS in scripts/build.mjs`);
    return { code: code.replace(LIT_EXTRAS, ''), map: null };
  },
};

const browser = (entry, fileName, format) =>
  build({
    configFile: false,
    logLevel: 'warn',
    // Lit's css`` and html`` literals are shipped as written otherwise. Lit reads an attribute's
    // value without quotes (a binding's too), so they go where the value needs none.
    plugins: [minifyLiterals({ options: { minifyOptions: { removeAttributeQuotes: true } } }), withoutLitExtras],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2021',
      minify: 'terser',
      // safari10 (Vite's default) works around bugs of a Safari that cannot run an ES2021 target
      // anyway; inlining only simple functions leaves fewer repeated bodies for gzip.
      terserOptions: { ecma: 2020, module: true, safari10: false, compress: { passes: 3, inline: 1 }, mangle: { properties: { regex: mangledProperties } } },
      lib: { entry, formats: [format], fileName, name: 'consentGate' },
    },
  });

await browser('src/entry-script.ts', () => 'consent-gate.js', 'iife');
await browser('src/entry-auto-block.ts', () => 'consent-gate-auto-block.js', 'iife');
// Loaded with import() by both builds: an ES module.
await browser('src/standards/receipts.ts', () => 'consent-gate-receipts.js', 'es');
// Every language but English (built in) is a file of its own: src/translations/<code>.ts.
const LANGUAGE_FILES = readdirSync('src/translations')
  .map((file) => /^([a-z]{2,3}(?:-[A-Z]{2})?)\.ts$/.exec(file)?.[1])
  .filter((code) => code && code !== 'en');
// One build, one file per language (they share nothing but types), and the dialog's language
// switch, loaded only by a site in more than one language.
await browser(
  { ...Object.fromEntries(LANGUAGE_FILES.map((code) => [code, `src/translations/${code}.ts`])), switch: 'src/translations/switch.ts' },
  (_format, code) => `lang/${code}.js`,
  'es',
);
await browser('src/entry-module.ts', () => 'consent-gate.mjs', 'es');
const dependencies = Object.keys(manifest.dependencies);
/** A Node entry point: ES module, readable, its dependencies left to the package's own. */
const node = (entry, fileName) =>
  build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rolldownOptions: { external: (id) => id.startsWith('node:') || dependencies.some((name) => id === name || id.startsWith(`${name}/`)) },
      lib: { entry, formats: ['es'], fileName: () => fileName },
    },
  });

await node('src/server/index.ts', 'server.mjs');
await node('src/transform/index.ts', 'transform.mjs');
await node('src/log/index.ts', 'log.mjs');
cpSync('src/log/dashboard', 'dist/log-dashboard', { recursive: true });

const bin = (name) => `node_modules/.bin/${name}`;
execFileSync(bin('tsc'), ['-p', 'tsconfig.json', '--emitDeclarationOnly'], { stdio: 'inherit' });
execFileSync(bin('custom-elements-manifest'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], { stdio: 'inherit' });

for (const file of ['dist/consent-gate.js', 'dist/consent-gate-auto-block.js', 'dist/consent-gate-receipts.js', 'dist/consent-gate.mjs', ...LANGUAGE_FILES.map((code) => `dist/lang/${code}.js`), 'dist/lang/switch.js']) {
  const code = readFileSync(file);
  console.log(
    `${file}: ${code.length} B raw, ${gzipSync(code, { level: 9 }).length} B gzip, ${brotliCompressSync(code).length} B brotli`,
  );
}
