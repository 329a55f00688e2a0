import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

/** The endpoint the page sends receipts to. */
const receipts = [];
const routes = {
  // Managers written in the page before the widget's script runs: a module (which runs once the
  // page is parsed) and a classic script added after the page loaded. Their texts come from next to
  // the script, not from the page's folder (/pages/lang/ga.js does not exist).
  '/pages/written-module.html': (req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><html lang="ga"><head><meta charset="utf-8"><title>Alt</title>
<script type="module" src="/consent-gate.mjs"></script></head><body><consent-manager vendors="youtube"></consent-manager><p>Alt.</p></body></html>`),
  '/pages/written-late.html': (req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><html lang="ga"><head><meta charset="utf-8"><title>Alt</title></head>
<body><consent-manager vendors="youtube"></consent-manager><p>Alt.</p>
<script>addEventListener('load', () => document.head.append(Object.assign(document.createElement('script'), { src: '/consent-gate.js' })));</script></body></html>`),
  '/receipts': (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      receipts.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  },
};

describe('languages in the built package', () => {
  const env = useBrowser({ routes });

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

  it('with languages="ga en" the reader can switch the dialog, the banner and the placeholders to English, and the receipt says so', async () => {
    receipts.length = 0;
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/pages/languages.html');
    await clickButton(page, 'Bainistigh Roghanna');
    const languageSwitch = page.getByRole('combobox', { name: 'Teanga' });
    // The switch loads from beside the script once the dialog shows: its options come with it.
    await languageSwitch.locator('option').nth(1).waitFor({ state: 'attached' });
    assert.deepEqual(await languageSwitch.locator('option').evaluateAll((options) => options.map((o) => [o.value, o.lang, o.textContent])), [
      ['ga', 'ga', 'Gaeilge'],
      ['en', 'en', 'English'],
    ]);
    await languageSwitch.selectOption('en');
    await page.getByRole('heading', { name: 'Manage Preferences' }).waitFor();
    assert.equal(await page.locator('consent-manager .ui').getAttribute('lang'), 'en');
    assert.match(await page.locator('consent-gate .placeholder').innerText(), /We need your consent/);
    assert.equal(await page.locator('consent-gate .base').getAttribute('lang'), 'en');
    await clickButton(page, 'Save choices');
    await page.waitForFunction(() => localStorage.getItem('consent-gate-receipts') === null);
    assert.equal(receipts.length, 1);
    assert.equal(receipts[0].language, 'en');
    assert.equal(receipts[0].method, 'dialog');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('with one language there is no language switch', async () => {
    const { context } = await newContext(env.browser);
    const { page, errors } = await openPage(context, env.server.origin + '/pages/irish.html');
    await clickButton(page, 'Bainistigh Roghanna');
    await page.getByRole('dialog').waitFor();
    assert.equal(await page.getByRole('combobox').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const path of ['/pages/written-module.html', '/pages/written-late.html']) {
    it(`${path}: a manager already in the page loads its language from next to the script`, async () => {
      const { context } = await newContext(env.browser);
      const requested = [];
      context.on('request', (request) => requested.push(new URL(request.url()).pathname));
      const { page, errors } = await openPage(context, env.server.origin + path);
      assert.equal(await page.locator('consent-manager .banner h2').innerText(), 'Do phríobháideachas ar an suíomh seo');
      assert.deepEqual(requested.filter((url) => url.endsWith('/ga.js')), ['/lang/ga.js']);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
