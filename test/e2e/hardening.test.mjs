import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'nonce-e2e3f9a1'; style-src 'self'";

describe('hardening', () => {
  const env = useBrowser({ headers: (path) => (path === '/pages/strict-csp.html' ? { 'Content-Security-Policy': STRICT_CSP } : {}) });

  it('works fully under a strict CSP, with no violation, and activated scripts inherit the nonce', async () => {
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/pages/strict-csp.html');
    const violations = () => page.evaluate(() => window.cspViolations);
    assert.equal(await page.getByRole('region', { name: 'Your privacy on this site' }).isVisible(), true);
    const banner = await page.getByRole('button', { name: 'Accept all', exact: true }).boundingBox();
    assert.ok(banner.height >= 24, 'the banner is styled (adopted stylesheets are allowed)');
    await page.locator('a[data-consent-open]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Accept all', exact: true }).click();
    await page.waitForFunction(() => window.analyticsRan === true && window.gateScriptRan === true);
    assert.equal(await page.locator('consent-gate iframe').count(), 1);
    const box = await page.locator('consent-gate iframe').boundingBox();
    // 640 × 360 and the frame's default 2 px border: as the code lays out without the widget.
    assert.deepEqual([Math.round(box.width), Math.round(box.height)], [644, 364], 'sizes are set through the CSSOM');
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('gates before the script, a script loaded twice, and a gate added later all work', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/pages/late.html');
    await page.waitForFunction(() => window.lateGateAdded === true);
    assert.equal(await page.locator('consent-manager').count(), 1);
    assert.equal(await page.getByRole('region', { name: 'Your privacy on this site' }).count(), 1);
    assert.deepEqual(thirdParty, []);
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => document.querySelectorAll('consent-gate[loaded]').length === 2);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('with cookies refused by the browser, the choice holds for the page view and the reader is told', async () => {
    const { context } = await newContext(env.browser);
    await context.addInitScript(() => Object.defineProperty(Document.prototype, 'cookie', { configurable: true, get: () => '', set: () => {} }));
    const { page, errors } = await openPage(context, env.server.origin + '/pages/standards.html');
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => document.querySelector('consent-gate')?.hasAttribute('loaded'));
    assert.equal(await page.getByText('Your choice applies to this page only').isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('localStorage that throws costs the receipts, never the choice', async () => {
    const { context } = await newContext(env.browser);
    await context.addInitScript(() => {
      for (const method of ['getItem', 'setItem', 'removeItem']) Storage.prototype[method] = () => { throw new Error('storage is disabled'); };
    });
    const { page, errors } = await openPage(context, env.server.origin + '/pages/standards.html');
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => document.querySelector('consent-gate')?.hasAttribute('loaded'));
    assert.ok((await context.cookies()).some((cookie) => cookie.name === 'consent'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const [breakage, script] of [
    ['Array.prototype.map throws', () => { Array.prototype.map = () => { throw new Error('broken map'); }; }],
    ['Array.prototype.includes always says yes', () => { Array.prototype.includes = () => true; }],
    ['JSON.stringify throws', () => { JSON.stringify = () => { throw new Error('broken JSON'); }; }],
  ]) {
    it(`a page where ${breakage}: no exception escapes and nothing loads before consent`, async () => {
      const { context, thirdParty } = await newContext(env.browser);
      await context.addInitScript(script);
      const page = await context.newPage();
      const errors = [];
      // The page's own scripts may fail on what it broke; the widget's must not.
      page.on('pageerror', (error) => error.stack?.includes('/consent-gate.js') && errors.push(error.stack));
      await page.goto(env.server.origin + '/pages/standards.html');
      await page.waitForLoadState('networkidle');
      assert.deepEqual(thirdParty, []);
      assert.equal(await page.evaluate(() => window.analyticsRan), undefined);
      const accept = page.getByRole('button', { name: 'Accept all', exact: true });
      if (await accept.count()) await accept.first().click();
      await page.waitForTimeout(100);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('content pasted into a gate without <template>: its script never runs before consent, and the console says why', async () => {
    const { context } = await newContext(env.browser);
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(env.server.origin + '/pages/news/article.html');
    await page.getByRole('region', { name: 'Your privacy on this site' }).waitFor();
    await page.waitForTimeout(300);
    // The browser's preload scanner may have asked for the script; it has not run.
    assert.equal(await page.evaluate(() => window.__thirdPartyScripts), undefined);
    assert.ok(consoleErrors.some((text) => text.includes('its content must be inside <template>')), consoleErrors.join('\n'));
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => window.__thirdPartyScripts?.length === 1);
    assert.equal(await page.locator('consent-gate[vendor="x"] blockquote').count(), 1);
    await context.close();
  });

  it('another tool\'s cookie of the same name neither hides the reader\'s choice nor stops it being stored', async () => {
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/pages/news/article.html');
    await clickButton(page, 'Accept all');
    await context.addCookies([{ name: 'consent', value: 'true', domain: '127.0.0.1', path: '/pages/news' }]);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('consent-gate[loaded]').length === 2);
    assert.equal(await page.getByRole('region', { name: 'Your privacy on this site' }).count(), 0);
    await page.locator('a[data-consent-open]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('switch', { name: 'RTÉ Player' }).click();
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    await page.waitForFunction(() => !document.querySelector('consent-gate[vendor="rte-player"]').loaded);
    assert.equal(await page.getByText('Your choice applies to this page only').count(), 0);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-gate[vendor="x"]')?.loaded);
    assert.equal(await page.evaluate(() => document.querySelector('consent-gate[vendor="rte-player"]').loaded), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('of two valid choices (an earlier cookie left on another path), the newest counts, so a change holds', async () => {
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/pages/news/article.html');
    await clickButton(page, 'Accept all');
    const stored = (await context.cookies()).find((cookie) => cookie.name === 'consent');
    await context.addCookies([{ ...stored, path: '/pages/news' }]);
    await page.waitForTimeout(1100); // choices are timed to the second
    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-gate[vendor="x"]')?.loaded);
    await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    assert.equal(await page.getByText('Your choice applies to this page only').count(), 0);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-manager')?.ready);
    assert.equal(await page.evaluate(() => document.querySelector('consent-manager').hasConsent('x')), false);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('withdrawing a vendor erases its cookies on the paths of this page too', async () => {
    const { context } = await newContext(env.browser);
    const { page } = await openPage(context, env.server.origin + '/pages/news/article.html');
    await clickButton(page, 'Accept all');
    await page.evaluate(() => {
      document.cookie = 'rte_root=1; path=/';
      document.cookie = 'rte_dir=1'; // a script's cookie without a path: this page's directory
      document.cookie = 'rte_section=1; path=/pages';
    });
    assert.equal((await context.cookies()).filter((cookie) => cookie.name.startsWith('rte_')).length, 3);
    await page.evaluate(() => document.querySelector('consent-manager').setConsent({ 'rte-player': false }));
    assert.deepEqual((await context.cookies()).filter((cookie) => cookie.name.startsWith('rte_')).map((cookie) => cookie.name), []);
    await context.close();
  });
});

