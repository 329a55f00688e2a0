// Auto-blocking is a script of its own: pages without it never download it; with `data-auto-block`
// the widget's script writes it in right after itself, so it runs before the article is parsed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { newContext, useBrowser } from './harness.mjs';

const page = (attributes, body = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Auto-block</title>
<script src="/consent-gate.js" data-vendors="youtube" ${attributes}></script></head><body>
<script>window.autoBlockBeforeArticle = typeof window[Symbol.for('consent-gate')] === 'object' && document.querySelectorAll('script[src$="consent-gate-auto-block.js"]').length;</script>
${body}</body></html>`;
const frame = '<iframe src="https://www.youtube-nocookie.com/embed/a" width="560" height="315" title="Video"></iframe>';
const routes = {
  '/auto-block/off.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page('', frame)),
  '/auto-block/on.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page('data-auto-block', frame)),
};

describe('auto-blocking, its own file', () => {
  const env = useBrowser({ routes });

  it('the main file does not carry it', () => {
    const main = readFileSync(new URL('../../dist/consent-gate.js', import.meta.url), 'utf8');
    const own = readFileSync(new URL('../../dist/consent-gate-auto-block.js', import.meta.url), 'utf8');
    assert.ok(own.includes('data-auto-blocked-src'));
    assert.ok(!main.includes('data-auto-blocked-src'), 'auto-blocking code is in dist/consent-gate.js');
  });

  for (const [path, on] of [['/auto-block/off.html', false], ['/auto-block/on.html', true]]) {
    it(`${on ? 'with' : 'without'} data-auto-block: the file is ${on ? 'loaded before the article is parsed, and the raw frame becomes a gate' : 'never requested'}`, async () => {
      const { context } = await newContext(env.browser);
      try {
        const tab = await context.newPage();
        const requested = [];
        tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
        await tab.goto(env.server.origin + path);
        await tab.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
        assert.equal(requested.includes('/consent-gate-auto-block.js'), on);
        assert.equal(await tab.evaluate(() => window.autoBlockBeforeArticle), on ? 1 : 0);
        assert.equal(await tab.evaluate(() => document.querySelectorAll('consent-gate').length), on ? 1 : 0);
      } finally {
        await context.close();
      }
    });
  }
});
