// Under a CSP that requires Trusted Types for scripts: blocked scripts run only as the page's own
// default policy allows; without one, a single clear console error, and everything else works.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clickButton, newContext, useBrowser } from './harness.mjs';

const PAGE = '/pages/trusted-types.html';
let policy;
const receipts = [];
const routes = {
  '/receipts': (req, res) => {
    receipts.push(req.method);
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  },
};

async function open(env, query = '') {
  const { context, thirdParty } = await newContext(env.browser);
  const page = await context.newPage();
  const errors = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  await page.goto(env.server.origin + PAGE + query);
  await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
  return { context, thirdParty, page, errors, consoleErrors };
}

describe('Trusted Types', () => {
  const env = useBrowser({ routes, headers: (path) => (path === PAGE ? { 'Content-Security-Policy': policy } : {}) });

  it("with the page's default policy: gates, blocked scripts, events and receipts all work, on this page view and the next", async () => {
    policy = "require-trusted-types-for 'script'; trusted-types lit-html default";
    receipts.length = 0;
    const { context, thirdParty, page, errors, consoleErrors } = await open(env, '?default-policy');
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => window.ran.length === 2 && window.__thirdPartyScripts?.length === 1);
    assert.deepEqual(await page.evaluate(() => window.ran.sort()), ['gate script', 'inline blocked script']);
    assert.ok(thirdParty.some((url) => url.startsWith('https://www.youtube-nocookie.com/')));
    assert.equal(await page.evaluate(() => window.changes), 1);
    await page.waitForFunction(() => !localStorage.getItem('consent-gate-receipts'));
    assert.equal(receipts.length, 1);
    await page.reload();
    await page.waitForFunction(() => window.ran.length === 2 && document.querySelector('consent-gate').loaded);
    assert.deepEqual(errors, []);
    assert.deepEqual(consoleErrors.filter((text) => !text.includes('Failed to load resource')), []);
    await context.close();
  });

  it('without one: one clear console error, and everything else works', async () => {
    policy = "require-trusted-types-for 'script'; trusted-types lit-html";
    receipts.length = 0;
    const { context, page, errors, consoleErrors } = await open(env);
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => document.querySelector('consent-gate').loaded);
    await page.waitForFunction(() => !localStorage.getItem('consent-gate-receipts'));
    assert.equal(await page.evaluate(() => window.changes), 1);
    assert.equal(receipts.length, 1);
    assert.equal(await page.locator('consent-gate iframe').count(), 1);
    assert.deepEqual(await page.evaluate(() => window.ran), []);
    const ours = consoleErrors.filter((text) => text.startsWith('consent-gate:'));
    assert.equal(ours.length, 1, ours.join('\n---\n'));
    assert.match(ours[0], /blocked scripts cannot run under Trusted Types/);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-gate').loaded);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
