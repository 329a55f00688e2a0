// A page of a thousand gated embeds: while it loads, no task holds more than 50 ms of the
// widget's script, in thread time (test/e2e/widget-tasks.mjs; npm run bench prints the figure).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, useBrowser } from './harness.mjs';
import { traceScriptPerTask } from './widget-tasks.mjs';

/** Embeds sized by their attributes (boxes reserved) and posts sized by their text, alternating; or videos only (the bench's page). */
function article(count, videosOnly = false) {
  const embed = (i) =>
    i % 2 || videosOnly
      ? `<iframe src="https://www.youtube-nocookie.com/embed/v${i}" width="560" height="315" title="Video ${i}"></iframe>`
      : `<blockquote class="twitter-tweet"><p>Post ${i}</p></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>`;
  const gates = Array.from({ length: count }, (_, i) => `<p>Paragraph ${i} of the article, with enough words to look like a news story.</p>
<consent-gate vendor="${i % 2 || videosOnly ? 'youtube' : 'x'}"><template>${embed(i)}</template></consent-gate>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A thousand embeds</title>
<script src="/consent-gate.js" data-vendors="youtube x"></script>
</head><body><main style="max-width:40rem;margin:auto"><h1>Article</h1>${gates}</main></body></html>`;
}

const html = (body) => (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(body);

/** The same work (a fixed count of steps, not a time) wherever a page can run script. */
const WORK = '<script>function work() { let sum = 0; for (let i = 0; i < 3e7; i++) sum += i % 7; window.sum = sum; }</script>';
const RUNS_SCRIPT = {
  'a script': '<script>work()</script>',
  'a timer': '<script>setTimeout(work)</script>',
  'a microtask': '<script>setTimeout(() => queueMicrotask(work))</script>',
  'an element constructor': `<script>customElements.define('x-a', class extends HTMLElement { constructor() { super(); work(); } })</script><x-a></x-a>`,
  'a connected callback': `<script>customElements.define('x-b', class extends HTMLElement { connectedCallback() { work(); } })</script><x-b></x-b>`,
  'a mutation observer': '<script>new MutationObserver(work).observe(document.body, { childList: true })</script><p>added</p>',
  'an event listener': `<script>addEventListener('DOMContentLoaded', work)</script>`,
};
const pages = Object.fromEntries(Object.entries(RUNS_SCRIPT).map(([name, body], i) => [`/runs-${i}.html`, html(`<!doctype html><html><body>${WORK}${body}</body></html>`)]));

const env = useBrowser({ routes: { '/thousand.html': html(article(1000)), '/videos.html': html(article(1000, true)), ...pages } });

describe('the measure of script per task', () => {
  it('sees the same work wherever it runs: a script, a timer, a microtask, a constructor, a callback, an observer, a listener', async (t) => {
    const figures = {};
    for (const [i, name] of Object.keys(RUNS_SCRIPT).entries()) {
      const { context } = await newContext(env.browser);
      const page = await context.newPage();
      const trace = await traceScriptPerTask(env.browser, page);
      await page.goto(`${env.server.origin}/runs-${i}.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => window.sum !== undefined);
      await page.waitForTimeout(100);
      figures[name] = await trace.stop();
      await context.close();
    }
    t.diagnostic(Object.entries(figures).map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`).join(', '));
    // Work the measure missed would count next to nothing; thread time varies with the machine
    // (up to twice as much from one load to the next): each at least a third of the plain script's.
    const plain = figures['a script'];
    assert.ok(plain > 5, `a script of ${plain} ms`);
    for (const [name, ms] of Object.entries(figures)) assert.ok(ms > plain / 3, `${name}: ${ms.toFixed(1)} ms, a script ${plain.toFixed(1)} ms`);
  });
});

describe('a page of a thousand gates', () => {
  // Chromium parses some 600–900 gates of this page in one task. Each costs the parser's task its
  // constructor (with the shadow root that keeps declarative shadow roots out), a connected
  // callback that does one test, and one delivery of the watch that keeps loose content from
  // running: about 30 µs of traced script, up to twice that when the machine is busy.
  it('no task holds more than 50 ms of the widget’s script while it loads, opened at the top or at an anchor', async (t) => {
    for (const path of ['/videos.html', '/thousand.html', '/thousand.html#:~:text=Paragraph%20700']) {
      // The fewest of up to five loads: on a shared machine a load's thread time can double.
      const figures = [];
      for (let run = 0; run < 5 && !(figures.length && Math.min(...figures) <= 50); run++) {
        const { context } = await newContext(env.browser, { viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const trace = await traceScriptPerTask(env.browser, page);
        await page.goto(env.server.origin + path, { waitUntil: 'load' });
        // Until every gate shows its placeholder (the last ones render in slices after load).
        await page.waitForFunction(
          () => [...document.querySelectorAll('consent-gate')].every((gate) => gate.shadowRoot?.querySelector('.rendered')),
          null,
          { polling: 200, timeout: 30_000 },
        );
        await page.waitForTimeout(500);
        figures.push(await trace.stop());
        await context.close();
      }
      t.diagnostic(`${path}: ${figures.map(Math.round).join(', ')} ms`);
      assert.ok(Math.min(...figures) <= 50, `${path}: the widget's script held a task for ${figures.map(Math.round).join(', ')} ms`);
    }
  });
});
