import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

describe('languages in the built package', () => {
  const env = useBrowser();

  it('loads the Irish texts from next to the script, and never shows English first', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    await context.addInitScript(() => {
      window.__titles = [];
      const watch = () => {
        const title = document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner h2')?.textContent;
        if (title) window.__titles.push(title);
        if (window.__titles.length < 3) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    const { page, errors } = await openPage(context, env.server.origin + '/pages/irish.html');
    await page.waitForFunction(() => window.__titles.length >= 3);
    assert.deepEqual([...new Set(await page.evaluate(() => window.__titles))], ['Do phríobháideachas ar an suíomh seo']);
    assert.match(await page.locator('consent-gate .placeholder').innerText(), /Teastaíonn do thoiliú uainn/);
    await clickButton(page, 'Glac le gach ceann');
    await page.waitForFunction(() => document.querySelector('consent-gate')?.hasAttribute('loaded'));
    assert.deepEqual([...new Set(thirdParty.map((url) => new URL(url).hostname))], ['www.rte.ie']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
