import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConsentCookie } from '../../dist/server.mjs';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const PAGE = '/pages/standards.html';
const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

/** The endpoint the page sends receipts to: answers 503 while `up` is false. */
const receipts = { up: false, received: [] };
const routes = {
  '/receipts': (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (!receipts.up) return res.writeHead(503).end();
      receipts.received.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  },
};

const consentCommands = (page) =>
  page.evaluate(() => window.dataLayer.map((entry) => Array.from(entry)).filter(([command]) => command === 'consent'));

describe('standards', () => {
  const env = useBrowser({ routes });

  it('Consent Mode: the default is in dataLayer before the Google tag runs, and every choice updates it', async () => {
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + PAGE);
    assert.deepEqual(await page.evaluate(() => window.dataLayerAtTag), [['consent', 'default', { ...DENIED, wait_for_update: 500 }]]);
    assert.equal((await consentCommands(page)).length, 1, 'no update before a choice');

    await clickButton(page, 'Accept all');
    const granted = { ...DENIED, analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' };
    assert.deepEqual((await consentCommands(page)).at(-1), ['consent', 'update', granted]);

    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
    assert.deepEqual((await consentCommands(page)).slice(1), [['consent', 'update', granted]], 'the stored choice is signalled on load');

    await page.evaluate(() => document.querySelector('consent-manager').setConsent({ 'google-ads': false }));
    assert.deepEqual((await consentCommands(page)).at(-1), ['consent', 'update', { ...DENIED, analytics_storage: 'granted' }]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a receipt the endpoint refused is kept and arrives on the next page view', async () => {
    receipts.up = false;
    receipts.received = [];
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + PAGE);
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('consent-gate-receipts') ?? '[]').length === 1);
    assert.equal(await page.locator('consent-gate[loaded]').count(), 1, 'the page works with the endpoint down');

    receipts.up = true;
    await page.reload();
    await page.waitForFunction(() => localStorage.getItem('consent-gate-receipts') === null);
    assert.equal(receipts.received.length, 1);
    const [receipt] = receipts.received;
    const cookie = parseConsentCookie((await context.cookies()).find((c) => c.name === 'consent').value);
    assert.equal(receipt.consentId, cookie.consentId);
    assert.equal(receipt.method, 'banner');
    assert.equal(receipt.revision, 1);
    assert.equal(receipt.language, 'en');
    assert.equal(receipt.gpc, false);
    assert.deepEqual(receipt.vendors, { youtube: true, 'google-analytics': true, 'google-ads': true });
    assert.equal(receipt.purposes.analytics, true);
    assert.match(receipt.timestamp, /^\d{4}-\d\d-\d\dT/);
    assert.match(receipt.textsHash, /^[0-9a-f]{8}$/);

    await page.evaluate(() => document.querySelector('consent-manager').setConsent({ youtube: false }));
    await page.waitForFunction(() => localStorage.getItem('consent-gate-receipts') === null);
    while (receipts.received.at(-1)?.method !== 'api') await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a change in one tab reaches the other open tab without a reload', async () => {
    const { context } = await newContext(env.browser);
    const { page: first } = await openPage(context, env.server.origin + PAGE);
    const { page: second } = await openPage(context, env.server.origin + PAGE);
    await clickButton(first, 'Accept all');
    await second.waitForFunction(() => document.querySelector('consent-gate')?.hasAttribute('loaded'));
    assert.equal(await second.evaluate(() => window.analyticsRan), true);
    await first.evaluate(() => document.querySelector('consent-manager').setConsent({ youtube: false }));
    await second.waitForFunction(() => !document.querySelector('consent-gate').hasAttribute('loaded'));
    assert.equal(await second.locator('iframe').count(), 0);
    await first.evaluate(() => document.querySelector('consent-manager').setConsent({ youtube: true }));
    await second.waitForFunction(() => document.querySelector('consent-gate').hasAttribute('loaded'));
    await first.evaluate(() => document.querySelector('consent-manager').reset());
    await second.waitForFunction(() => !document.querySelector('consent-gate').hasAttribute('loaded'));
    await context.close();
  });

  it('withdrawing a vendor whose script already ran offers a reload', async () => {
    const { context } = await newContext(env.browser);
    const { page } = await openPage(context, env.server.origin + PAGE);
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => window.analyticsRan === true);
    await page.locator('a[data-consent-open]').click();
    await page.getByRole('switch', { name: 'Google Analytics' }).click();
    await clickButton(page, 'Save choices');
    const notice = page.getByRole('region', { name: 'Some of your changes take full effect when the page is reloaded.' });
    await notice.waitFor();
    await clickButton(page, 'Reload page');
    await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
    assert.equal(await page.evaluate(() => window.analyticsRan), undefined, 'the script does not run after the reload');
    assert.equal(await notice.count(), 0);
    await context.close();
  });
});
