// npm run screenshots: pictures of the banner, the dialog and a placeholder from the real demo in
// headless Chromium (desktop and 360 px mobile, light and dark), written to docs/screenshots/, and
// the banner and a placeholder at 320 px in five languages, to docs/screenshots/languages/.
// Third-party requests are answered locally, as in the end-to-end tests.
import { mkdirSync } from 'node:fs';
import { launch, newContext, openPage, startServer } from '../test/e2e/harness.mjs';

/**
 * The first placeholder, scrolled to the top of the view and with the banner hidden for the
 * picture: taller than what the fixed banner leaves free on a phone, it was otherwise pictured as
 * if cut at its top, or with the banner over it.
 */
async function placeholderShot(page, path) {
  const gate = page.locator('consent-gate').first();
  await gate.evaluate((element) => {
    document.querySelector('consent-manager').style.visibility = 'hidden';
    element.scrollIntoView({ block: 'start' });
  });
  await gate.screenshot({ path });
  await page.evaluate(() => (document.querySelector('consent-manager').style.visibility = ''));
}

const out = 'docs/screenshots';
mkdirSync(`${out}/languages`, { recursive: true });
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
      await placeholderShot(page, name('placeholder'));
      await page.getByRole('button', { name: 'Manage Preferences', exact: true }).first().click();
      await page.getByRole('dialog').waitFor();
      await page.screenshot({ path: name('dialog') });
      await context.close();
      console.log(`${device} ${theme}: banner, placeholder, dialog`);
    }
  }
  // Five languages of different scripts, lengths and directions (docs/languages.md).
  for (const lang of ['ga', 'pl', 'fi', 'el', 'ar']) {
    const { context } = await newContext(browser, { viewport: { width: 320, height: 640 }, colorScheme: 'light', deviceScaleFactor: 1 });
    const { page } = await openPage(context, server.origin + '/');
    await page.evaluate((value) => document.querySelector('consent-manager').setAttribute('lang', value), lang);
    await page.waitForFunction((value) => document.querySelector('consent-manager').shadowRoot.querySelector('.ui')?.getAttribute('lang') === value, lang);
    await page.locator('consent-manager .banner').screenshot({ path: `${out}/languages/banner-${lang}.png` });
    await placeholderShot(page, `${out}/languages/placeholder-${lang}.png`);
    await context.close();
    console.log(`320 px ${lang}: banner, placeholder`);
  }
} finally {
  await browser.close();
  await server.close();
}
