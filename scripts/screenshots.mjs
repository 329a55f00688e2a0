// npm run screenshots: pictures of the banner, the dialog and a placeholder from the real demo in
// headless Chromium (desktop and 360 px mobile, light and dark), written to docs/screenshots/.
// Third-party requests are answered locally, as in the end-to-end tests.
import { mkdirSync } from 'node:fs';
import { launch, newContext, openPage, startServer } from '../test/e2e/harness.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launch();
try {
  for (const [device, viewport] of [['desktop', { width: 1280, height: 800 }], ['mobile', { width: 360, height: 740 }]]) {
    for (const theme of ['light', 'dark']) {
      const { context } = await newContext(browser, { viewport, colorScheme: theme, deviceScaleFactor: 1 });
      const { page } = await openPage(context, server.origin + '/');
      await page.evaluate((value) => document.querySelector('consent-manager').setAttribute('theme', value), theme);
      const name = (what) => `${out}/${what}-${device}-${theme}.png`;
      await page.locator('consent-manager .banner').screenshot({ path: name('banner') });
      await page.locator('consent-gate').first().screenshot({ path: name('placeholder') });
      await page.getByRole('button', { name: 'Manage Preferences', exact: true }).first().click();
      await page.getByRole('dialog').waitFor();
      await page.screenshot({ path: name('dialog') });
      await context.close();
      console.log(`${device} ${theme}: banner, placeholder, dialog`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
