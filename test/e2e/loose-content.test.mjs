// Content written inside a gate but outside its <template> must not run or stay live before
// consent, whatever slot it names, and a declarative shadow root inside a gate must neither throw
// into the page nor keep the gate from starting.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const GATES = ['slotted', 'open', 'closed'];

/** Live frames in the page (not inside a template), in every gate's light DOM and shadow root. */
const liveFrames = (page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('consent-gate')).flatMap((gate) =>
      [...gate.querySelectorAll(':scope > iframe'), ...(gate.shadowRoot?.querySelectorAll('iframe') ?? [])].map((frame) => frame.title),
    ),
  );

describe('loose content inside a gate', () => {
  // One page for both builds: the module build's copy has the module script tag in place of the classic one.
  const classic = readFileSync(new URL('pages/loose-content.html', import.meta.url), 'utf8');
  const pages = {
    classic,
    module: classic.replace('<script src="/consent-gate.js"', '<script type="module" src="/consent-gate.mjs"'),
  };
  const env = useBrowser({
    routes: Object.fromEntries(
      Object.entries(pages).map(([build, html]) => [
        `/pages/loose-content-${build}.html`,
        (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html),
      ]),
    ),
  });

  for (const build of ['classic', 'module']) {
    it(`${build} build: content outside the template is blocked, no error reaches the page, and every gate starts`, async () => {
      const { context } = await newContext(env.browser);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${env.server.origin}/pages/loose-content-${build}.html`);
      await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
      await page.waitForTimeout(200);
      assert.deepEqual(errors, []);
      if (build === 'classic') {
        // The widget is defined before the gates are parsed: it blocks what they hold before the
        // parser runs it, and a declarative shadow root cannot attach to them.
        const ran = await page.evaluate(() => [window.slottedScriptRan, window.openShadowRan, window.closedShadowRan]);
        assert.deepEqual(ran, [undefined, undefined, undefined]);
      }
      // (The module build runs after the page is parsed: what was live in a gate then had run,
      // docs/security.md. What is still there is removed.)
      assert.deepEqual(await liveFrames(page), []);
      const started = () => page.evaluate((ids) => ids.filter((id) => document.getElementById(id).hasUpdated), GATES);
      assert.deepEqual(await started(), GATES);
      await clickButton(page, 'Accept all');
      await page.waitForFunction((ids) => ids.every((id) => document.getElementById(id).loaded), GATES);
      for (const id of GATES) assert.equal(await page.locator(`#${id} > p`).count(), 1, `${id} shows its own content`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('a copy of a gate loaded once makes no request without a grant', async () => {
    const { context } = await newContext(env.browser);
    const requested = [];
    context.on('request', (request) => requested.push(request.url()));
    const { page, errors } = await openPage(context, `${env.server.origin}/pages/standards.html`);
    await clickButton(page, 'Load once');
    await page.waitForFunction(() => document.querySelector('consent-gate').loaded);
    await page.waitForLoadState('networkidle');
    // Requests the browser began, also those cancelled before the network answered.
    const youtube = () => requested.filter((url) => new URL(url).hostname.endsWith('youtube-nocookie.com')).length;
    assert.equal(youtube(), 1);
    // (A copy made from markup, such as outerHTML, is a saved copy: docs/security.md.)
    for (const how of ['cloneNode', 'importNode']) {
      await page.evaluate((how) => {
        const gate = document.querySelector('consent-gate');
        document.body.append(how === 'cloneNode' ? gate.cloneNode(true) : document.importNode(gate, true));
      }, how);
      await page.waitForTimeout(300);
      await page.waitForLoadState('networkidle');
      assert.equal(youtube(), 1, `${how}: no second request`);
      assert.equal(await page.evaluate(() => document.querySelector('consent-gate:last-of-type').loaded), false);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
