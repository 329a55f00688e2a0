import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeConsentCookie } from '../../dist/server.mjs';
import { newContext, useBrowser } from './harness.mjs';

// Gates render first outside the task that creates them (npm run bench: a long one on big pages);
// these pages check that no box is ever painted late where the reader looks, however the article
// arrives: streamed in pieces, opened at an anchor far down, or with the widget as a module.
const gate = (i) => `<p id="p${i}">Paragraph ${i} of the article, with enough words to look like a news story.</p>
<consent-gate vendor="youtube"><template><iframe src="https://www.youtube-nocookie.com/embed/v${i}" width="560" height="315" title="Video ${i}"></iframe></template></consent-gate>`;
const head = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>${script}</head>
<body><main style="max-width:40rem;margin:auto"><h1>Article</h1>`;
const CLASSIC = '<script src="/consent-gate.js" data-vendors="youtube"></script>';
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const routes = {
  // Three gates at a time, 80 ms apart: the browser paints between the pieces.
  '/parsing/streamed.html': async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.write(head(CLASSIC));
    for (let i = 0; i < 12; i += 3) {
      res.write([i, i + 1, i + 2].map(gate).join('\n'));
      await pause(80);
    }
    res.end('</main></body></html>');
  },
  // The network pauses inside a gate's <template>: after its frame, before its script.
  '/parsing/split-template.html': async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.write(`${head(CLASSIC)}<consent-gate vendor="youtube"><template><iframe src="https://www.youtube-nocookie.com/embed/split" width="560" height="315" title="Split"></iframe>`);
    await pause(150);
    res.end('<script>window.splitScriptRuns = (window.splitScriptRuns ?? 0) + 1;</script></template></consent-gate><p id="after">After.</p></main></body></html>');
  },
  '/parsing/long.html': (req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`${head(CLASSIC)}${Array.from({ length: 300 }, (_, i) => gate(i)).join('\n')}</main></body></html>`),
  // Posts without a size, in Irish (its texts load from next to the script), opened at one of them.
  '/parsing/posts.html': (req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
      `${head(CLASSIC.replace('data-vendors="youtube"', 'data-vendors="youtube x" data-lang="ga"'))}${Array.from(
        { length: 40 },
        (_, i) => `${gate(i)}\n<consent-gate vendor="x" id="post${i}"><template><blockquote class="twitter-tweet"><p>Post ${i}</p></blockquote><script async src="https://platform.twitter.com/widgets.js"></script></template></consent-gate>`,
      ).join('\n')}</main></body></html>`,
    ),
  // A property set by the page's own script before the module build defines the gate.
  '/parsing/module-property.html': (req, res) =>
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(`${head('<script type="module" src="/consent-gate.mjs"></script>')}<consent-manager vendors="youtube"></consent-manager><consent-gate id="set-early"><template><iframe src="https://www.youtube-nocookie.com/embed/early" width="560" height="315" title="Early"></iframe></template></consent-gate><script>document.getElementById('set-early').vendor = 'youtube';</script></main></body></html>`),
  '/parsing/module.html': (req, res) =>
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(`${head('<script type="module" src="/consent-gate.mjs"></script>')}<consent-manager vendors="youtube"></consent-manager>${Array.from({ length: 300 }, (_, i) => gate(i)).join('\n')}</main></body></html>`),
};

/** Records layout shifts from the first paint on. */
function recordShifts() {
  window.shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Waits until every gate shows its placeholder buttons, and returns what the page recorded. */
async function settle(page) {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('consent-gate')].every((gate) => gate.shadowRoot?.querySelectorAll('button').length === 3),
  );
  return page.evaluate(() => ({ shifts: window.shifts, gates: document.querySelectorAll('consent-gate').length }));
}

describe('gates however the article arrives', () => {
  const env = useBrowser({ routes });

  async function open(path, viewport = { width: 1280, height: 800 }) {
    const { context, thirdParty } = await newContext(env.browser, { viewport });
    await context.addInitScript(recordShifts);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(env.server.origin + path);
    return { context, page, errors, thirdParty };
  }

  it('an article streamed in pieces: every box is there before it is painted', async () => {
    const { context, page, errors, thirdParty } = await open('/parsing/streamed.html');
    const { shifts, gates } = await settle(page);
    assert.equal(gates, 12);
    assert.deepEqual(shifts, [], 'no layout shift');
    assert.deepEqual(thirdParty, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a pause inside a template: the whole embed loads for a reader who accepted, script included', async () => {
    const { context, thirdParty } = await newContext(env.browser, { viewport: { width: 1280, height: 800 } });
    const value = encodeConsentCookie({ revision: 1, timestamp: Date.now(), consentId: 'e2esplit0001', vendors: { youtube: true } });
    await context.addCookies([{ name: 'consent', value, url: env.server.origin }]);
    await context.addInitScript(recordShifts);
    const page = await context.newPage();
    await page.goto(env.server.origin + '/parsing/split-template.html');
    await page.waitForFunction(() => document.querySelector('consent-gate')?.hasAttribute('loaded') && document.readyState === 'complete');
    assert.equal(await page.evaluate(() => window.splitScriptRuns), 1, 'the script after the pause ran once');
    const box = await page.locator('consent-gate iframe').boundingBox();
    // 560 × 315 and the frame's default 2 px border: as the code lays out without the widget.
    assert.deepEqual([Math.round(box.width), Math.round(box.height)], [564, 319]);
    assert.deepEqual(await page.evaluate(() => window.shifts), []);
    assert.ok(thirdParty.some((url) => url.includes('/embed/split')));
    await context.close();
  });

  it('an article opened at an anchor far down: the gates around it are rendered, nothing shifts', async () => {
    const { context, page, errors } = await open('/parsing/long.html#p250');
    const { shifts, gates } = await settle(page);
    assert.equal(gates, 300);
    assert.deepEqual(shifts, [], 'no layout shift');
    const anchor = await page.evaluate(() => Math.round(document.getElementById('p250').getBoundingClientRect().top));
    assert.ok(Math.abs(anchor) <= 1, `the anchor stays at the top of the viewport (${anchor} px)`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  // It was 0.2–0.7 in a third of loads: the posts' placeholders grew when their texts came. Now
  // nothing grows; a shift of about 0.04 was still seen in 1 of 24 loads, cause not found yet.
  it('posts without a size, opened at one of them while the language loads: no shift a reader would see', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 568 }]) {
      for (let run = 0; run < 2; run++) {
        const { context, page, errors } = await open('/parsing/posts.html#post30', viewport);
        const { shifts } = await settle(page);
        const total = shifts.reduce((sum, value) => sum + value, 0);
        assert.ok(total < 0.05, `layout shift ${total} at ${viewport.width} px (run ${run + 1})`);
        assert.deepEqual(errors, []);
        await context.close();
      }
    }
  });

  it('posts reloaded far down: the browser restores the position, and nothing shifts a reader would see', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 568 }]) {
      const { context, page, errors } = await open('/parsing/posts.html', viewport);
      await settle(page);
      await page.evaluate(() => document.getElementById('post30').scrollIntoView());
      await page.waitForTimeout(200);
      for (let run = 0; run < 3; run++) {
        await page.reload();
        const { shifts } = await settle(page);
        await page.waitForTimeout(300);
        const total = shifts.reduce((sum, value) => sum + value, 0);
        assert.ok(total < 0.05, `layout shift ${total} at ${viewport.width} px (reload ${run + 1})`);
        const top = await page.evaluate(() => Math.round(document.getElementById('post30').getBoundingClientRect().top));
        assert.ok(Math.abs(top) <= 1, `the post is where the reader left it (${top} px)`);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it('the module build: a property the page set on a gate before it was defined becomes its attribute', async () => {
    const { context, page, errors, thirdParty } = await open('/parsing/module-property.html');
    await settle(page);
    assert.equal(await page.evaluate(() => document.getElementById('set-early').getAttribute('vendor')), 'youtube');
    assert.equal(await page.evaluate(() => Object.hasOwn(document.getElementById('set-early'), 'vendor')), false);
    assert.match(await page.locator('#set-early').getByRole('button').first().textContent(), /YouTube/);
    assert.deepEqual(thirdParty, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the module build, which defines the gates after parsing, renders all of them', async () => {
    const { context, page, errors, thirdParty } = await open('/parsing/module.html');
    const { gates } = await settle(page);
    assert.equal(gates, 300);
    assert.deepEqual(thirdParty, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
