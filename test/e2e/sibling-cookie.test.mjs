// A sibling subdomain can write a cookie of the parent domain that this site's pages read: it must
// never grant what the reader refused. Real cookies, on host names that Chromium resolves to the
// test server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { encodeConsentCookie } from '../../dist/server.mjs';
import { chromiumArgs, findChromium } from '../../scripts/chromium-path.mjs';
import { clickButton, newContext, startServer } from './harness.mjs';

const PAGE = '/pages/standards.html';
const args = chromiumArgs.map((arg) =>
  arg.startsWith('--host-resolver-rules=') ? arg.replace('=', '=MAP *.example.test 127.0.0.1, ') : arg,
);

/** A grant-all choice as anyone can forge it (the checksum is public), dated `offset` ms from now. */
const forged = (offset) =>
  encodeConsentCookie({
    revision: 1,
    timestamp: Date.now() + offset,
    consentId: 'evil0000evil0000',
    vendors: { youtube: true, 'google-analytics': true, 'google-ads': true },
  });

describe('a consent cookie written by a sibling subdomain', () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: findChromium(), args, headless: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A context where www.example.test and evil.example.test reach the test server. */
  async function siblings() {
    const { context } = await newContext(browser);
    await context.route(/\/\/(www|evil)\.example\.test:/, (route) => route.continue());
    const port = new URL(server.origin).port;
    const www = `http://www.example.test:${port}${PAGE}`;
    const evil = await context.newPage();
    await evil.goto(`http://evil.example.test:${port}/pages/embed.html`);
    /** What evil.example.test does: a choice for the whole site, on the parent domain. */
    const plant = (value) => evil.evaluate((value) => (document.cookie = `consent=${value}; domain=example.test; path=/`), value);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    const open = async () => {
      await page.goto(www);
      await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
    };
    const grants = () => page.evaluate(() => ['youtube', 'google-analytics', 'google-ads'].filter((id) => document.querySelector('consent-manager').hasConsent(id)));
    return { context, plant, open, grants, page, errors };
  }

  it('cannot override the reader\'s Reject all, dated ahead or not, and Reject all sticks after reload', async () => {
    const { context, plant, open, grants, page, errors } = await siblings();
    await open();
    await clickButton(page, 'Reject all');
    for (const offset of [20 * 3_600_000, 0]) {
      await plant(forged(offset));
      assert.equal((await context.cookies()).filter((cookie) => cookie.name === 'consent').length, 2);
      await open();
      assert.deepEqual(await grants(), [], `forged choice dated ${offset} ms ahead`);
      assert.equal(await page.evaluate(() => window.analyticsRan), undefined);
      assert.equal(await page.locator('consent-gate[loaded]').count(), 0);
    }
    await page.evaluate(() => document.querySelector('consent-manager').rejectAll());
    await open();
    assert.deepEqual(await grants(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a choice saved here expires the parent domain\'s cookie of the same name, so the reader can take a forged refusal back', async () => {
    const { context, plant, open, grants, page, errors } = await siblings();
    await open();
    await clickButton(page, 'Accept all');
    await plant(encodeConsentCookie({ revision: 1, timestamp: Date.now(), consentId: 'evil0000evil0000', vendors: { youtube: false, 'google-analytics': false, 'google-ads': false } }));
    await open();
    assert.deepEqual(await grants(), [], 'a refusal from elsewhere takes grants away');
    await page.evaluate(() => document.querySelector('consent-manager').acceptAll());
    const consent = (await context.cookies()).filter((cookie) => cookie.name === 'consent');
    assert.deepEqual(consent.map((cookie) => cookie.domain), ['www.example.test']);
    await open();
    assert.deepEqual(await grants(), ['youtube', 'google-analytics', 'google-ads']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a choice dated more than five minutes ahead is no choice', async () => {
    const { context, plant, open, page, errors } = await siblings();
    await plant(forged(10 * 60_000));
    await open();
    assert.equal(await page.evaluate(() => document.querySelector('consent-manager').consent.decided), false);
    assert.equal(await page.getByRole('region', { name: 'Your privacy on this site' }).isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
