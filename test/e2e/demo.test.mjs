import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasConsent } from '../../dist/server.mjs';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const embedHosts = ['www.rte.ie', 'www.youtube-nocookie.com', 'platform.twitter.com', 'www.googletagmanager.com'];
const hostsOf = (urls) => [...new Set(urls.map((url) => new URL(url).hostname))].sort();

describe('the demo news article', () => {
  const env = useBrowser();

  it('sends no request to any other host before a choice, and writes no cookie', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/');
    await page.waitForLoadState('networkidle');
    assert.deepEqual(thirdParty, []);
    assert.deepEqual(await context.cookies(), []);
    assert.equal(await page.getByRole('region', { name: 'Your privacy on this site' }).isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Accept all loads every embed and runs the analytics script; the choice holds after reload', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/');
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => window.demoAnalyticsStarted === true);
    await page.waitForFunction(() => document.querySelectorAll('consent-gate[loaded]').length === 3);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(hostsOf(thirdParty), [...embedHosts].sort());
    const cookie = (await context.cookies()).find((c) => c.name === 'consent');
    for (const id of ['rte-player', 'youtube', 'x', 'google-analytics']) assert.equal(hasConsent(cookie.value, id), true, id);
    const scripts = await page.evaluate(() => window.__thirdPartyScripts);
    assert.ok(scripts.some((url) => url.startsWith('https://platform.twitter.com/widgets.js')), 'the X script ran');
    assert.ok(scripts.some((url) => url.startsWith('https://www.googletagmanager.com/gtag/js')), 'the analytics script ran');

    thirdParty.length = 0;
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('consent-gate[loaded]').length === 3);
    assert.equal(await page.getByRole('region', { name: 'Your privacy on this site' }).count(), 0, 'no banner after a choice');
    assert.equal(await page.evaluate(() => window.demoAnalyticsStarted), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Reject all loads nothing, also after reload, and is not asked again', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/');
    await clickButton(page, 'Reject all');
    await page.waitForLoadState('networkidle');
    const cookie = (await context.cookies()).find((c) => c.name === 'consent');
    assert.ok(cookie, 'the refusal is stored');
    assert.equal(cookie.sameSite, 'Lax');
    // The cookie the browser wrote, read by the Node entry point.
    assert.equal(hasConsent(cookie.value, 'youtube'), false);
    assert.ok(cookie.value.length < 200, `${cookie.value.length} bytes`);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(thirdParty, []);
    assert.equal(await page.locator('consent-gate[loaded]').count(), 0);
    assert.equal(await page.getByRole('region', { name: 'Your privacy on this site' }).count(), 0);
    assert.equal(await page.evaluate(() => window.demoAnalyticsStarted), undefined);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the footer "Cookie settings" link opens the dialog, where withdrawing re-blocks at once', async () => {
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/');
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => document.querySelectorAll('consent-gate[loaded]').length === 3);
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage Preferences' });
    await dialog.waitFor();
    await dialog.getByRole('switch', { name: 'YouTube' }).click();
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    await page.waitForFunction(() => !document.querySelector('consent-gate[vendor="youtube"]').loaded);
    assert.equal(await page.locator('consent-gate[vendor="youtube"] iframe').count(), 0);
    assert.equal(await page.locator('consent-gate[vendor="rte-player"] iframe').count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('with the banner showing, the footer links can be tabbed to and are seen above it', async () => {
    const { context } = await newContext(env.browser, { viewport: { width: 1000, height: 700 } });
    const { page } = await openPage(context, env.server.origin + '/');
    const banner = page.getByRole('region', { name: 'Your privacy on this site' });
    await banner.waitFor();
    // The room made for the banner is at the very end of the page, after the footer.
    assert.equal(await page.evaluate(() => document.body.lastElementChild.localName), 'consent-spacer');
    await page.getByRole('link', { name: 'Privacy', exact: true }).focus();
    await page.keyboard.press('Tab');
    const link = page.getByRole('link', { name: 'Cookie settings' });
    assert.equal(await link.evaluate((element) => element === document.activeElement), true);
    await page.waitForTimeout(100);
    const [linkBox, bannerBox] = [await link.boundingBox(), await banner.boundingBox()];
    assert.ok(linkBox.y + linkBox.height <= bannerBox.y, `the link (bottom ${linkBox.y + linkBox.height}) is above the banner (top ${bannerBox.y})`);
    await context.close();
  });

  it('the placeholder keeps the embed\'s box: no layout shift when the content loads', async () => {
    const { context } = await newContext(env.browser, { viewport: { width: 1000, height: 800 } });
    const { page } = await openPage(context, env.server.origin + '/');
    const gate = page.locator('consent-gate[vendor="rte-player"]');
    const before = await gate.boundingBox();
    const placeholder = await gate.locator('.placeholder').boundingBox();
    const nextTop = await page.evaluate(() => document.querySelector('consent-gate[vendor="rte-player"]').nextElementSibling?.getBoundingClientRect().top);
    // The iframe's 640 × 360 and its default 2 px border, as without the widget.
    assert.equal(Math.round(placeholder.width), 644, 'the box is the iframe\'s width');
    assert.ok(placeholder.height >= 364);
    await page.evaluate(() => {
      window.__shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts += entry.value;
      }).observe({ type: 'layout-shift' });
    });
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => document.querySelectorAll('consent-gate[loaded]').length === 3);
    const iframe = await page.locator('consent-gate[vendor="rte-player"] iframe').boundingBox();
    assert.deepEqual([Math.round(iframe.width), Math.round(iframe.height)], [644, 364]);
    // The placeholder was where the frame is; the gate's line (the frame's, in the page's line box) has not moved.
    assert.deepEqual([iframe.x, iframe.y, iframe.width], [placeholder.x, placeholder.y, placeholder.width]);
    assert.equal(await page.evaluate(() => document.querySelector('consent-gate[vendor="rte-player"]').nextElementSibling?.getBoundingClientRect().top), nextTop);
    await context.close();
  });

  it('the demo switches between two publisher looks and the dark theme', async () => {
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/');
    const accept = page.getByRole('button', { name: 'Accept all', exact: true });
    const background = () => accept.evaluate((button) => getComputedStyle(button).backgroundColor);
    assert.equal(await background(), 'rgb(11, 92, 173)');
    await page.selectOption('#demo-look', 'tabloid');
    assert.equal(await background(), 'rgb(200, 16, 46)');
    await page.selectOption('#demo-theme', 'dark');
    assert.equal(await background(), 'rgb(255, 138, 138)');
    const placeholder = page.locator('consent-gate').first().locator('.placeholder');
    assert.equal(await placeholder.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgb(34, 26, 20)');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
