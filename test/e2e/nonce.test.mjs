// A blocked script runs with the nonce it carries from the server, or its gate's template carries;
// never with the page's nonce copied onto a script that had none.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const POLICIES = {
  '/pages/nonce.html': "script-src 'self' 'nonce-srv4n0nce'",
  '/pages/nonce-strict-dynamic.html': "script-src 'nonce-srv4n0nce' 'strict-dynamic'",
};

describe('nonces of blocked scripts', () => {
  const env = useBrowser({
    headers: (path) => (POLICIES[path] ? { 'Content-Security-Policy': POLICIES[path] } : {}),
  });

  for (const [path, policy] of Object.entries(POLICIES)) {
    it(`under ${policy}: only server-nonced scripts and templates run`, async () => {
      const { context } = await newContext(env.browser);
      await context.route(`**${path}`, async (route) => {
        const response = await route.fetch({ url: `${env.server.origin}/pages/nonce.html` });
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
      });
      const { page, errors } = await openPage(context, env.server.origin + path);
      await clickButton(page, 'Accept all');
      await page.waitForFunction(() => document.querySelectorAll('consent-gate[loaded]').length === 4);
      await page.waitForTimeout(200);
      const ran = await page.evaluate(() => window.ran.sort());
      assert.deepEqual(ran, [
        'blocked script with the nonce',
        'copied script in a nonced template',
        'nonced script in a template',
        'script of a nonced template',
      ]);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it("a page without a nonce: an embed code's own nonce is not taken for the page's", async () => {
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/pages/nonce-foreign.html');
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => window.ran.length === 3);
    assert.deepEqual(await page.evaluate(() => window.ran.sort()), ['facebook', 'gate', 'youtube']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
