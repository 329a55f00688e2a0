// Loading auto-blocking under `require-trusted-types-for 'script'` (docs/security.md, "Trusted
// Types"): the widget writes the auto-blocking script in with document.write, which Trusted Types
// refuse unless the page's default policy lets it through. Synchronous blocking, before the
// article's scripts run, then needs the page's own tag; without it, auto-blocking still starts
// (late, as a module, which Trusted Types do not cover), with one console error saying so.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clickButton, newContext, useBrowser } from './harness.mjs';

const TRUSTED_TYPES = "require-trusted-types-for 'script'; trusted-types lit-html";
const page = ({ head = '', widget = 'data-auto-block' }) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Auto-block under Trusted Types</title>
${head}
<script src="/consent-gate.js" data-vendors="youtube google-analytics" ${widget}></script>
<script src="https://www.googletagmanager.com/gtag/js?id=G-TT"></script>
<script>window.scriptBlockedInTime = document.querySelector('script[src*="googletagmanager"]').type === 'text/plain';</script>
</head><body>
<iframe src="https://www.youtube-nocookie.com/embed/parsed" width="560" height="315" title="Video"></iframe>
<script>window.frameGatedInTime = !document.querySelector('body > iframe');</script>
<p>Article.</p>
</body></html>`;
const defaultPolicy = `<script>trustedTypes.createPolicy('default', { createHTML: (html) => html, createScript: (text) => text, createScriptURL: (url) => url });</script>`;
const pages = {
  '/tt/widget-only.html': [TRUSTED_TYPES, page({})],
  '/tt/own-tag.html': [TRUSTED_TYPES, page({ head: '<script src="/consent-gate-auto-block.js" data-vendors="youtube google-analytics"></script>' })],
  '/tt/default-policy.html': [`${TRUSTED_TYPES} default`, page({ head: defaultPolicy })],
  '/tt/no-trusted-types.html': ['', page({})],
};
const routes = Object.fromEntries(
  Object.entries(pages).map(([path, [csp, body]]) => [
    path,
    (req, res) => res.writeHead(200, { 'Content-Type': 'text/html', ...(csp ? { 'Content-Security-Policy': csp } : {}) }).end(body),
  ]),
);

async function open(env, path) {
  const { context, thirdParty } = await newContext(env.browser);
  const tab = await context.newPage();
  const errors = [];
  const ours = [];
  const requested = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  tab.on('console', (message) => message.type() === 'error' && message.text().startsWith('consent-gate:') && ours.push(message.text()));
  tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await tab.goto(env.server.origin + path);
  await tab.waitForFunction(() => document.querySelector('consent-manager')?.ready === true, null, { timeout: 5000 });
  return { context, thirdParty, tab, errors, ours, requested };
}

/** Page code adds a frame for a vendor without consent, after the page has loaded (a script would need a policy). */
async function pageCodeAddsEmbeds(tab) {
  await tab.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = 'https://www.youtube.com/embed/late';
    document.body.append(frame);
  });
}

describe('auto-blocking under Trusted Types', () => {
  const env = useBrowser({ routes });

  it("with the page's own tag first in <head>: blocks synchronously, before the article's scripts and frames, and is loaded once", async () => {
    const { context, thirdParty, tab, errors, ours, requested } = await open(env, '/tt/own-tag.html');
    assert.equal(await tab.evaluate(() => window.scriptBlockedInTime), true, 'the later script was held before it ran');
    assert.equal(await tab.evaluate(() => window.frameGatedInTime), true, 'the parsed frame became a gate before the next script');
    assert.equal(requested.filter((path) => path === '/consent-gate-auto-block.js').length, 1);
    await pageCodeAddsEmbeds(tab);
    await tab.waitForTimeout(300);
    assert.equal(await tab.locator('iframe').count(), 0);
    assert.equal(await tab.evaluate(() => window.__thirdPartyScripts), undefined);
    assert.ok(!thirdParty.some((url) => url.includes('/embed/late')), thirdParty.join('\n'));
    await clickButton(tab, 'Accept all');
    await tab.waitForFunction(() => document.querySelectorAll('consent-gate[loaded]').length === 2);
    assert.deepEqual(errors, []);
    // Scripts held back cannot run under Trusted Types without a default policy: said once.
    assert.equal(ours.length, 1, ours.join('\n'));
    assert.match(ours[0], /^consent-gate: blocked scripts cannot run under Trusted Types/);
    await context.close();
  });

  it('with a default policy that lets it through: written in by the widget and synchronous, with no error', async () => {
    const { context, tab, errors, ours } = await open(env, '/tt/default-policy.html');
    assert.equal(await tab.evaluate(() => window.scriptBlockedInTime), true);
    assert.equal(await tab.evaluate(() => window.frameGatedInTime), true);
    assert.deepEqual(errors, []);
    assert.deepEqual(ours, []);
    await context.close();
  });

  it('without either: the widget starts, auto-blocking starts late with one console error naming the fix, and stops what page code adds', async () => {
    const { context, thirdParty, tab, errors, ours, requested } = await open(env, '/tt/widget-only.html');
    await tab.waitForFunction(() => !document.querySelector('iframe:not(consent-gate iframe)'));
    assert.ok(requested.includes('/consent-gate-auto-block.js'));
    await pageCodeAddsEmbeds(tab);
    await tab.waitForTimeout(300);
    assert.equal(await tab.locator('iframe').count(), 0, 'no frame renders before consent');
    assert.ok(!thirdParty.some((url) => url.includes('/embed/late')), thirdParty.join('\n'));
    assert.deepEqual(errors, []);
    assert.equal(ours.length, 1, ours.join('\n'));
    assert.match(ours[0], /auto-blocking started late.*Trusted Types refuse the document\.write.*first in <head> \(docs\/security\.md\)/);
    await clickButton(tab, 'Accept all');
    await tab.waitForFunction(() => document.querySelectorAll('consent-gate[loaded]').length === 2);
    await context.close();
  });

  it('without Trusted Types: written in by the widget, synchronous, no error', async () => {
    const { context, tab, errors, ours, requested } = await open(env, '/tt/no-trusted-types.html');
    assert.equal(await tab.evaluate(() => window.scriptBlockedInTime), true);
    assert.equal(await tab.evaluate(() => window.frameGatedInTime), true);
    assert.equal(requested.filter((path) => path === '/consent-gate-auto-block.js').length, 1);
    assert.deepEqual(errors, []);
    assert.deepEqual(ours, []);
    await context.close();
  });
});
