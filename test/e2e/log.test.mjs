// The demo article sends its receipts to a real consent log (the embedded database): each choice is
// stored once, retries included, readable by consent ID with the texts shown, and counted on the
// dashboard, which passes axe on a phone-sized screen under its strict CSP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseConsentCookie } from '../../dist/server.mjs';
import { createLogService, registerWidgetTexts } from '../../dist/log.mjs';
import { TOKEN, storages } from '../node/log-storages.mjs';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const demo = await readFile(new URL('../../demo/index.html', import.meta.url), 'utf8');

describe('the consent log behind the demo article', () => {
  let logUrl;
  // The demo page, its receipts sent to this test's log.
  const env = useBrowser({
    routes: {
      '/': (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(demo.replaceAll('http://127.0.0.1:8787', logUrl)),
    },
  });
  let db, app;
  before(async () => {
    db = await storages[0].fresh();
    await registerWidgetTexts(db.log);
    app = await createLogService({ log: db.log, origins: [env.server.origin], token: TOKEN });
    logUrl = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
  });
  after(async () => {
    await app?.close();
    await db?.log.close();
    await db?.drop();
  });

  const history = async (consentId) =>
    (await (await fetch(`${logUrl}/receipts/${consentId}`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()).receipts;
  /** The reader's consent ID from the cookie, once the choice is stored in the log. */
  async function storedReceipts(context, count = 1) {
    let consentId;
    for (let tries = 0; tries < 100; tries++) {
      const cookie = (await context.cookies()).find((each) => each.name === 'consent');
      consentId = cookie && parseConsentCookie(cookie.value)?.consentId;
      if (consentId && (await history(consentId)).length >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { consentId, receipts: await history(consentId) };
  }
  const expected = { acceptAll: 0, rejectAll: 0, custom: 0, receipts: 0 };

  it('Accept all: stored once although the first answer was lost and the page sent it again', async () => {
    const { context } = await newContext(env.browser);
    let lost = false;
    // The receipt reaches the log but its answer does not reach the page: the widget keeps it.
    await context.route(`${logUrl}/receipts`, async (route) => {
      if (route.request().method() !== 'POST' || lost) return route.continue();
      lost = true;
      await route.fetch();
      return route.abort();
    });
    const { page, errors } = await openPage(context, `${env.server.origin}/`);
    await clickButton(page, 'Accept all');
    await page.waitForFunction(() => localStorage.getItem('consent-gate-receipts') !== null || document.querySelectorAll('consent-gate[loaded]').length === 3);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
    await page.waitForFunction(() => localStorage.getItem('consent-gate-receipts') === null);
    const { consentId, receipts } = await storedReceipts(context);
    assert.ok(lost, 'the first answer was lost');
    assert.equal(receipts.length, 1, 'stored once');
    const [{ receipt, texts }] = receipts;
    assert.equal(receipt.consentId, consentId);
    assert.equal(receipt.method, 'banner');
    assert.deepEqual(receipt.vendors, { 'rte-player': true, youtube: true, x: true, 'google-analytics': true });
    assert.equal(texts.length, 1, 'the wording shown is known');
    assert.equal(texts[0].texts.bannerTitle, 'Your privacy on this site');
    assert.equal(texts[0].texts.acceptAll, 'Accept all');
    // The reader can read their consent ID in the dialog, to cite it.
    await page.getByRole('link', { name: 'Cookie settings' }).click();
    await page.getByRole('dialog', { name: 'Manage Preferences' }).getByText(`ID ${consentId}`).waitFor();
    assert.deepEqual(errors, []);
    Object.assign(expected, { acceptAll: expected.acceptAll + 1, receipts: expected.receipts + 1 });
    await context.close();
  });

  it('Reject all, a dialog save and a placeholder accept each store one receipt', async () => {
    const flows = {
      'reject-all': async (page) => clickButton(page, 'Reject all'),
      dialog: async (page) => {
        await page.getByRole('button', { name: 'Manage Preferences' }).first().click();
        const dialog = page.getByRole('dialog', { name: 'Manage Preferences' });
        await dialog.getByRole('switch', { name: 'YouTube' }).click();
        await dialog.getByRole('button', { name: 'Save choices' }).click();
      },
      placeholder: async (page) => page.getByRole('button', { name: 'Accept YouTube and load' }).first().click(),
    };
    for (const [name, act] of Object.entries(flows)) {
      const { context } = await newContext(env.browser);
      const { page, errors } = await openPage(context, `${env.server.origin}/`);
      await act(page);
      const { receipts } = await storedReceipts(context);
      await page.reload();
      await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { receipts: again } = await storedReceipts(context);
      assert.equal(again.length, 1, `${name}: one receipt`);
      assert.equal(receipts[0].texts.length, 1, `${name}: the texts shown are known`);
      assert.equal(receipts[0].receipt.method, name === 'reject-all' ? 'banner' : name, name);
      assert.deepEqual(errors, []);
      expected.receipts += 1;
      if (name === 'reject-all') expected.rejectAll += 1;
      else expected.custom += 1;
      await context.close();
    }
  });

  it('the dashboard shows the new counts, on a phone, axe-clean, under its strict CSP', async () => {
    const { context } = await newContext(env.browser, { viewport: { width: 375, height: 740 }, isMobile: true });
    const page = await context.newPage();
    const violations = [];
    page.on('console', (message) => /Content Security Policy/i.test(message.text()) && violations.push(message.text()));
    page.on('pageerror', (error) => violations.push(String(error)));
    await page.goto(`${logUrl}/`);
    await page.getByLabel('Read token').fill(TOKEN);
    await page.getByRole('button', { name: 'Show the figures' }).click();
    await page.locator('#total-receipts', { hasText: String(expected.receipts) }).waitFor();
    assert.equal(await page.locator('#total-accept-all').textContent(), String(expected.acceptAll));
    assert.equal(await page.locator('#total-reject-all').textContent(), String(expected.rejectAll));
    assert.equal(await page.locator('#total-custom').textContent(), String(expected.custom));
    assert.equal(await page.locator('#vendors tbody tr').count(), 4);
    assert.equal(await page.locator('#choices-chart canvas').count(), 1, 'the chart is drawn');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling on a phone');
    // Evaluated through the debugging protocol, which the page's CSP does not govern.
    const result = await page.evaluate(`${axeSource}; axe.run(document, { resultTypes: ['violations'] })`);
    assert.deepEqual(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`), []);
    assert.deepEqual(violations, []);
    await page.getByRole('button', { name: 'Verify the hash chain' }).click();
    await page.getByText(`The chain verifies: ${expected.receipts} receipts`).waitFor();
    await context.close();
  });
});
