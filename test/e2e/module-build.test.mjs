import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, openPage, useBrowser } from './harness.mjs';

describe('dist/consent-gate.mjs on a page that writes <consent-manager> itself', () => {
  const env = useBrowser();

  it('uses the page\'s element and its <consent-vendor>, and gates until consent', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    const { page, errors } = await openPage(context, `${env.server.origin}/pages/module-build.html`);
    assert.equal(await page.locator('consent-manager').count(), 1, 'no second manager is created');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(thirdParty, []);

    await page.getByRole('button', { name: 'RTÉ settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage Preferences' });
    await dialog.waitFor();
    await dialog.getByRole('switch', { name: 'RTÉ Player' }).click();
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    await page.waitForFunction(() => document.querySelector('consent-gate').loaded);
    await page.waitForLoadState('networkidle');
    assert.deepEqual([...new Set(thirdParty.map((url) => new URL(url).hostname))], ['www.rte.ie']);
    assert.equal(await page.locator('iframe[data-consent]').getAttribute('src'), null);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
