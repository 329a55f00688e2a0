// Consent receipts: their own file beside the script, loaded as soon as the manager has a
// `log-endpoint`; every receipt kept in localStorage before it is sent and until a 2xx; retries
// that back off; no cookies and no referrer; a slow, failing or hanging endpoint never costs the
// reader's choice nor a receipt.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const KEY = 'consent-gate-receipts';
const html = (body) => (_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(body);
const page = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Receipts</title>
${script}</head><body><h1>Receipts</h1>
<consent-gate vendor="youtube"><template><iframe src="https://www.youtube-nocookie.com/embed/ID" width="560" height="315" title="YouTube video"></iframe></template></consent-gate>
</body></html>`;

/** The endpoint: answers `status` (200 by default; `hang`: never, until released). */
const endpoint = { status: 200, posts: [], received: [], hung: [] };
const reset = (status = 200) => Object.assign(endpoint, { status, posts: [], received: [] });
const routes = {
  '/receipts': (req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      endpoint.posts.push({ headers: req.headers, length: body.length });
      if (endpoint.status === 'hang') return endpoint.hung.push(res);
      if (endpoint.status >= 200 && endpoint.status < 300) endpoint.received.push(JSON.parse(body));
      res.writeHead(endpoint.status).end();
    });
  },
  '/receipts.html': html(page('<script src="/consent-gate.js" data-vendors="youtube google-analytics" data-log-endpoint="/receipts"></script>')),
  '/receipts-module.html': html(page('<script type="module" src="/consent-gate.mjs" data-vendors="youtube google-analytics" data-log-endpoint="/receipts"></script>')),
  '/no-receipts.html': html(page('<script src="/consent-gate.js" data-vendors="youtube google-analytics"></script>')),
};
const release = () => endpoint.hung.splice(0).forEach((res) => res.writeHead(503).end());
const kept = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), KEY);
const api = (page, call) => page.evaluate(call);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('consent receipts', () => {
  const env = useBrowser({ routes });

  it('the file is loaded at once when the manager has log-endpoint (before any choice), and never without', async () => {
    const { context } = await newContext(env.browser);
    try {
      const requested = [];
      context.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await openPage(context, env.server.origin + '/no-receipts.html');
      const { page } = await openPage(context, env.server.origin + '/receipts.html');
      await page.waitForLoadState('networkidle');
      assert.deepEqual(requested.filter((path) => path === '/consent-gate-receipts.js'), ['/consent-gate-receipts.js']);
    } finally {
      await context.close();
    }
  });

  it('changes made before the file arrives are kept in order and sent when it arrives', async () => {
    reset();
    const { context } = await newContext(env.browser);
    try {
      let arrive;
      const arrived = new Promise((resolve) => (arrive = resolve));
      await context.route('**/consent-gate-receipts.js', async (route) => {
        await arrived;
        await route.continue();
      });
      const { page, errors } = await openPage(context, env.server.origin + '/receipts.html');
      await clickButton(page, 'Accept all');
      await api(page, () => document.querySelector('consent-manager').rejectAll());
      assert.equal(await page.locator('consent-gate[loaded]').count(), 0, 'the choice applied at once');
      assert.equal(endpoint.posts.length, 0);
      arrive();
      await page.waitForFunction(() => localStorage.getItem('consent-gate-receipts') === null);
      await waitFor(() => endpoint.received.length === 2);
      assert.deepEqual(endpoint.received.map((receipt) => [receipt.method, receipt.vendors.youtube]), [['banner', true], ['api', false]]);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('an endpoint answering 500 then 200: every receipt is kept before it is sent, with few attempts, and all arrive on the next page view in order', async () => {
    reset(500);
    const { context } = await newContext(env.browser);
    try {
      const { page, errors } = await openPage(context, env.server.origin + '/receipts.html');
      await clickButton(page, 'Accept all');
      await api(page, () => document.querySelector('consent-manager').setConsent({ youtube: false }));
      await api(page, () => document.querySelector('consent-manager').rejectAll());
      await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '[]').length === 3, KEY);
      assert.ok(endpoint.posts.length <= 2, `${endpoint.posts.length} POSTs for three changes against a failing endpoint`);
      assert.deepEqual((await kept(page)).map((receipt) => receipt.method), ['banner', 'api', 'api']);

      endpoint.status = 200;
      await page.reload();
      await page.waitForFunction(() => localStorage.getItem('consent-gate-receipts') === null);
      assert.deepEqual(endpoint.received.map((receipt) => receipt.method), ['banner', 'api', 'api']);
      assert.deepEqual(endpoint.received.at(-1).vendors, { youtube: false, 'google-analytics': false });
      assert.deepEqual(
        Object.keys(endpoint.received[0]),
        ['consentId', 'timestamp', 'revision', 'vendors', 'purposes', 'method', 'gpc', 'language', 'textsHash'],
      );
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('30 changes against a failing endpoint: a bounded number of kept receipts and of attempts, backing off', async () => {
    reset(503);
    const { context } = await newContext(env.browser);
    try {
      const { page, errors } = await openPage(context, env.server.origin + '/receipts.html');
      await api(page, () => {
        const manager = document.querySelector('consent-manager');
        for (let i = 0; i < 30; i++) manager.setConsent({ youtube: i % 2 === 0 });
      });
      await sleep(2500);
      assert.equal((await kept(page)).length, 20, 'the last 20 are kept');
      assert.equal((await kept(page)).at(-1).vendors.youtube, false, 'the newest is kept');
      // At 0 s, then 1 s later, then 2 s after that.
      assert.ok(endpoint.posts.length >= 2 && endpoint.posts.length <= 3, `${endpoint.posts.length} POSTs in 2.5 s`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('a hanging endpoint: the choice applies at once, every receipt is kept, and all arrive on the next page view', async () => {
    reset('hang');
    const { context } = await newContext(env.browser);
    try {
      const { page, errors } = await openPage(context, env.server.origin + '/receipts.html');
      await clickButton(page, 'Accept all');
      await page.waitForFunction(() => document.querySelector('consent-gate')?.hasAttribute('loaded'));
      await waitFor(() => endpoint.posts.length === 1);
      await api(page, () => document.querySelector('consent-manager').setConsent({ youtube: false }));
      await api(page, () => document.querySelector('consent-manager').rejectAll());
      assert.equal(await page.locator('consent-gate[loaded]').count(), 0);
      assert.ok((await context.cookies()).some((cookie) => cookie.name === 'consent'));
      await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? '[]').length === 3, KEY);
      assert.equal(endpoint.posts.length, 1, 'one request at a time');

      endpoint.status = 200;
      await page.reload();
      await page.waitForFunction(() => localStorage.getItem('consent-gate-receipts') === null);
      assert.deepEqual(endpoint.received.map((receipt) => receipt.method), ['banner', 'api', 'api']);
      assert.deepEqual(errors, []);
    } finally {
      release();
      await context.close();
    }
  });

  it('a receipt carries no cookie and no referrer', async () => {
    reset();
    const { context } = await newContext(env.browser);
    try {
      const { page } = await openPage(context, env.server.origin + '/receipts.html?article=private');
      await page.evaluate(() => (document.cookie = 'session=reader-session; path=/'));
      await clickButton(page, 'Accept all');
      await waitFor(() => endpoint.received.length === 1);
      const [{ headers }] = endpoint.posts;
      assert.equal(headers.cookie, undefined);
      assert.equal(headers.referer, undefined);
    } finally {
      await context.close();
    }
  });

  it('a receipt given as the reader leaves the page still arrives (keepalive)', async () => {
    reset();
    const { context } = await newContext(env.browser);
    try {
      const { page } = await openPage(context, env.server.origin + '/receipts.html');
      await page.waitForLoadState('networkidle');
      await api(page, () => {
        document.querySelector('consent-manager').acceptAll();
        location.href = '/no-receipts.html';
      }).catch(() => {});
      await waitFor(() => endpoint.received.length === 1);
      assert.equal(endpoint.received[0].method, 'api');
    } finally {
      await context.close();
    }
  });

  it('a receipt over 60 KB is sent without keepalive; one the endpoint refuses (4xx) is dropped with a console error, not retried', async () => {
    const { context } = await newContext(env.browser);
    try {
      const { page } = await openPage(context, env.server.origin + '/receipts.html');
      const consoleErrors = [];
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
      const send = (status) => {
        reset(status);
        return page.evaluate(async () => {
          const vendors = {};
          for (let i = 0; i < 1000; i++) vendors[`vendor-${String(i).padStart(4, '0')}-${'x'.repeat(52)}`] = true;
          const { sendReceipts } = await import('/consent-gate-receipts.js');
          const receipt = { consentId: 'big-receipt-0001', timestamp: new Date().toISOString(), revision: 1, vendors, purposes: { analytics: true }, method: 'api', gpc: false, language: 'en' };
          await sendReceipts('/receipts', receipt, {});
          return localStorage.getItem('consent-gate-receipts');
        });
      };
      assert.equal(await send(200), null);
      assert.equal(endpoint.received.length, 1);
      assert.ok(endpoint.posts[0].length > 64 * 1024, `${endpoint.posts[0].length} B`);
      assert.equal(Object.keys(endpoint.received[0].vendors).length, 1000);

      assert.equal(await send(413), null, 'not kept for another attempt');
      assert.equal(endpoint.posts.length, 1);
      assert.ok(consoleErrors.some((text) => /refused a receipt/.test(text)), consoleErrors.join('\n'));
    } finally {
      await context.close();
    }
  });

  it('the ES-module build loads the file beside itself and sends receipts', async () => {
    reset();
    const { context } = await newContext(env.browser);
    try {
      const { page, errors } = await openPage(context, env.server.origin + '/receipts-module.html');
      await clickButton(page, 'Accept all');
      await waitFor(() => endpoint.received.length === 1);
      assert.equal(endpoint.received[0].method, 'banner');
      assert.match(endpoint.received[0].textsHash, /^[0-9a-f]{8}$/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

async function waitFor(condition, timeout = 5000) {
  for (const start = Date.now(); !condition(); await sleep(20)) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${condition}`);
  }
}
