// Every code example in README.md and docs/ is exercised: HTML examples load in Chromium with the
// built widget without a console error (before and after Accept all), browser scripts run in such
// a page, and Node examples import only what the package exports and compile.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clickButton, newContext, useBrowser } from './harness.mjs';
import { catalogVendors } from '../../dist/transform.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** The fenced blocks of a Markdown file, with their language and line. */
function blocks(file) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const found = [];
  let open;
  lines.forEach((line, index) => {
    const fence = /^```(\w*)\s*$/.exec(line);
    if (!fence) {
      if (open) open.lines.push(line);
    } else if (open) {
      found.push({ file, line: open.line, language: open.language, code: open.lines.join('\n') });
      open = undefined;
    } else open = { language: fence[1], line: index + 1, lines: [] };
  });
  return found;
}
const examples = files.flatMap(blocks);
const catalog = new Set(catalogVendors().map((vendor) => vendor.id));
const NONCE = 'ZG9jcy1leGFtcGxl';

/**
 * A page for an HTML example, as a publisher would complete it: the widget's script in <head>
 * (unless the example has its own), its vendors configured, a vendor outside the catalog declared.
 */
function pageFor(code) {
  const html = code.replaceAll('{{nonce}}', NONCE);
  if (/<head[\s>]/.test(html)) return `<!doctype html><html lang="en">${html}<body><p>Article</p></body></html>`;
  const ids = new Set([...html.matchAll(/(?:vendor|data-consent)="([a-z0-9-]+)"/g)].map((match) => match[1]));
  const declared = [...ids].filter((id) => !catalog.has(id));
  const hasManager = /<consent-manager/.test(html);
  const manager =
    declared.length && !hasManager
      ? `<consent-manager vendors="${[...ids].join(' ')}">${declared.map((id) => `<consent-vendor id="${id}" name="${id}" purpose="functional"></consent-vendor>`).join('')}</consent-manager>`
      : '';
  // The page's nonce is the one on the widget's script tag, where the example uses one.
  const nonce = code.includes('{{nonce}}') ? ` nonce="${NONCE}"` : '';
  const config = hasManager || manager ? '' : ` data-vendors="${[...ids].join(' ')}"`;
  const script = /<script[^>]*consent-gate\.js/.test(html) ? '' : `<script src="/consent-gate.js"${nonce}${config}></script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example</title>${script}</head>
<body><main><p>Article</p>${html}</main>${manager}</body></html>`;
}

/** A browser example's page: the widget with the vendors the example names. */
const scriptPage = (code) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example</title><script src="/consent-gate.js" data-vendors="${[...catalog].filter((id) => code.includes(`'${id}'`)).join(' ') || 'youtube'}"></script></head><body><p>Article</p></body></html>`;

const pages = new Map();
const env = useBrowser({
  routes: new Proxy(
    {},
    {
      get: (target, path) =>
        pages.has(path) ? (req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages.get(path)) : undefined,
    },
  ),
});

/** Opens a page and collects what the console and the page report as errors (not a missing image of the example's). */
async function open(html, before) {
  const path = `/example-${pages.size}.html`;
  pages.set(path, html);
  const { context } = await newContext(env.browser);
  if (before) await context.addInitScript(before);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(env.server.origin + path);
  await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
  return { context, page, errors };
}

describe('the examples of README.md and docs/', () => {
  it('has examples to check', () => {
    assert.ok(examples.filter((example) => example.language === 'html').length >= 5);
  });

  for (const example of examples.filter((example) => example.language === 'html')) {
    it(`${example.file}:${example.line} (HTML) loads without a console error, before and after Accept all`, async () => {
      const { context, page, errors } = await open(pageFor(example.code));
      try {
        await clickButton(page, 'Accept all');
        await page.waitForTimeout(200);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  for (const example of examples.filter((example) => /^(js|javascript)$/.test(example.language) && !/^import /m.test(example.code))) {
    it(`${example.file}:${example.line} (browser script) runs without an error, before and after Accept all`, async () => {
      // Functions an example calls as a publisher's own stand for themselves.
      const { context, page, errors } = await open(scriptPage(example.code), () => (window.startAnalytics = () => (window.analyticsStarted = true)));
      try {
        await page.addScriptTag({ content: example.code });
        await clickButton(page, 'Accept all');
        await page.waitForTimeout(200);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  const nodeExamples = examples.filter((example) => /^(js|javascript)$/.test(example.language) && /^import /m.test(example.code));
  for (const example of nodeExamples) {
    it(`${example.file}:${example.line} (Node) imports only what the package exports, and compiles`, async () => {
      for (const [, names, specifier] of example.code.matchAll(/^import \{([^}]+)\} from '([^']+)';/gm)) {
        const exported = await import(specifier);
        for (const name of names.split(',').map((part) => part.trim()).filter(Boolean)) assert.ok(name in exported, `${specifier} has no export ${name}`);
      }
      const directory = mkdtempSync(join(root, 'test/.docs-example-'));
      try {
        writeFileSync(join(directory, 'example.mjs'), example.code);
        execFileSync(process.execPath, ['--check', join(directory, 'example.mjs')], { stdio: 'pipe' });
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    });
  }

  it('the transform example gives what its comment says', async () => {
    const example = nodeExamples.find((candidate) => candidate.file === 'docs/transform.md' && candidate.code.includes('gateEmbeds(articleHtml)'));
    assert.ok(example, 'docs/transform.md has its gateEmbeds example');
    const { gateEmbeds } = await import('consent-gate/transform');
    const articleHtml = /const articleHtml = '([^']+)';/.exec(example.code)[1];
    const result = gateEmbeds(articleHtml);
    assert.deepEqual(result.gated, ['youtube']);
    assert.deepEqual(result.ungated, []);
  });
});
