// npm run bench: measures dist/consent-gate.js in Debian's Chromium (headless, via playwright-core)
// on generated pages served from 127.0.0.1, with every third-party request answered locally.
// Prints medians of several runs and writes them to bench/results.json.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/chromium-path.mjs';
import { newContext, startServer } from '../test/e2e/harness.mjs';
import { traceScriptPerTask } from '../test/e2e/widget-tasks.mjs';

// The size budget (test/node/size.test.mjs holds the ceiling): the bench prints the bundle against the aim.
const AIM = 17 * 1024;
const CEILING = 20_480;

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_GATES="10 100" measures only those pages.
const COUNTS = (process.env.BENCH_GATES ?? '10 100 1000').split(/\s+/).filter(Boolean).map(Number);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
/** The longest task (the browser reports those over 50 ms; 0 when there is none). */
const longest = (tasks) => Math.max(0, ...tasks.map((task) => task.duration));
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * An article with `count` gated embeds; without the widget when `widget` is false (the baseline),
 * and with the embeds themselves instead of gates when it is 'direct' (what they cost once loaded).
 */
function article(count, widget = true) {
  const embed = (i) => `<iframe src="https://www.youtube-nocookie.com/embed/v${i}" width="560" height="315" title="Video ${i}"></iframe>`;
  const gates = Array.from(
    { length: count },
    (_, i) => `<p>Paragraph ${i} of the article, with enough words to look like a news story.</p>
${widget === 'direct' ? embed(i) : `<consent-gate vendor="youtube"><template>${embed(i)}</template></consent-gate>`}`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench ${count}</title>
${widget === true ? '<script src="/consent-gate.js" data-vendors="youtube x"></script>' : ''}
</head><body><main style="max-width:40rem;margin:auto"><h1>Article</h1>${gates}</main></body></html>`;
}

const routes = {};
for (const count of COUNTS) {
  routes[`/bench/${count}.html`] = (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(article(count));
  routes[`/bench/${count}-baseline.html`] = (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(article(count, false));
  routes[`/bench/${count}-direct.html`] = (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(article(count, 'direct'));
}

/**
 * The two ways a publisher configures the widget, for banner-visible against first contentful
 * paint: the script tag alone, and a <consent-manager> written at the end of <body>.
 */
function configured(byManager) {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} of the article, with enough words to look like a news story.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Banner</title>
<script src="/consent-gate.js"${byManager ? '' : ' data-vendors="youtube x" data-policy-url="/privacy"'}></script>
</head><body><main style="max-width:40rem;margin:auto"><h1>Article</h1>${paragraphs}</main>
${byManager ? '<consent-manager vendors="youtube x" policy-url="/privacy"></consent-manager>' : ''}</body></html>`;
}
routes['/bench/banner-script-tag.html'] = (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(configured(false));
routes['/bench/banner-manager.html'] = (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(configured(true));

/** Banner painted and first contentful paint, ms after navigation, at a CPU throttling rate. */
async function bannerAgainstFcp(browser, path, rate) {
  const { context } = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  await context.addInitScript(observe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(server.origin + path, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.bannerPainted !== undefined && performance.getEntriesByName('first-contentful-paint').length > 0);
  const figures = await page.evaluate(() => ({ banner: window.__bench.bannerPainted, fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime }));
  await context.close();
  return figures;
}

/** Runs in the page before anything else: records long tasks, layout shifts and when the banner paints. */
function observe() {
  window.__bench = { longTasks: [], shift: 0, bannerPainted: undefined };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const watch = () => {
    const banner = document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner');
    // The frame that first has the banner paints after this callback: the next one starts after it.
    if (banner) requestAnimationFrame((time) => (window.__bench.bannerPainted = time));
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

async function load(browser, path, waitUntil = 'load', traced = false) {
  const { context } = await newContext(browser, { viewport: { width: 1280, height: 800 } });
  await context.addInitScript(observe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const trace = traced ? await traceScriptPerTask(browser, page) : undefined;
  await page.goto(server.origin + path, { waitUntil, timeout: 120_000 });
  await page.waitForTimeout(300);
  // The most script thread time in one task while the page loaded (the widget's: no other script runs).
  const scriptTaskMs = await trace?.stop();
  return { context, page, cdp, scriptTaskMs };
}

async function metrics(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

const server = await startServer({ routes });
// Chromium as readers have it: third-party frames in their own processes (the end-to-end tests
// turn site isolation off, which would put every stub frame on the article's main thread).
const isolation = /site-isolation|IsolateOrigins/;
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs.filter((arg) => !isolation.test(arg)), headless: true });
const results = {};
try {
  const code = readFileSync('dist/consent-gate.js');
  results.size = { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, brotli: brotliCompressSync(code).length };

  for (const rate of [1, 4]) {
    for (const [name, path] of [['scriptTag', '/bench/banner-script-tag.html'], ['manager', '/bench/banner-manager.html']]) {
      const banner = [];
      const fcp = [];
      for (let run = 0; run < RUNS; run++) {
        const figures = await bannerAgainstFcp(browser, path, rate);
        banner.push(figures.banner);
        fcp.push(figures.fcp);
      }
      results[`banner_${name}_${rate}x`] = { bannerMs: round(median(banner)), fcpMs: round(median(fcp)) };
    }
  }

  for (const count of COUNTS) {
    const runs = { bannerMs: [], initMs: [], scriptTaskMs: [], heapKb: [], longestTaskLoadMs: [], baselineLongestTaskLoadMs: [], cls: [], inViewNextFrame: [], longestTaskAcceptMs: [], blockingAcceptMs: [], allLoadedMs: [], directLongestTaskMs: [] };
    for (let run = 0; run < RUNS; run++) {
      const base = await load(browser, `/bench/${count}-baseline.html`);
      const baseMetrics = await metrics(base.cdp);
      runs.baselineLongestTaskLoadMs.push(longest(await base.page.evaluate(() => window.__bench.longTasks)));
      await base.context.close();

      // A thousand frames can keep the load event away for minutes: the tasks of the first seconds
      // after parsing tell what the embeds cost.
      const direct = await load(browser, `/bench/${count}-direct.html`, 'domcontentloaded');
      await direct.page.waitForTimeout(3000);
      runs.directLongestTaskMs.push(longest(await direct.page.evaluate(() => window.__bench.longTasks)));
      await direct.context.close();

      const { context, page, cdp, scriptTaskMs } = await load(browser, `/bench/${count}.html`, 'load', true);
      runs.scriptTaskMs.push(scriptTaskMs);
      await page.waitForFunction(() => window.__bench.bannerPainted !== undefined);
      const widgetMetrics = await metrics(cdp);
      const timing = await page.evaluate(() => {
        const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/consent-gate.js'));
        return { scriptStart: script.responseEnd, banner: window.__bench.bannerPainted, longTasks: window.__bench.longTasks, shift: window.__bench.shift };
      });
      runs.bannerMs.push(timing.banner - timing.scriptStart);
      // Main-thread time the widget adds: task time on this page minus the same page without it.
      runs.initMs.push((widgetMetrics.TaskDuration - baseMetrics.TaskDuration) * 1000);
      runs.heapKb.push((widgetMetrics.JSHeapUsedSize - baseMetrics.JSHeapUsedSize) / 1024);
      runs.longestTaskLoadMs.push(longest(timing.longTasks));

      // Accept all: how many of the gates in view have their content by the next frame, long tasks after.
      const accept = await page.evaluate(async () => {
        const manager = document.querySelector('consent-manager');
        const button = [...manager.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Accept all');
        const inView = [...document.querySelectorAll('consent-gate')].filter((gate) => {
          const box = gate.getBoundingClientRect();
          return box.bottom > 0 && box.top < innerHeight;
        });
        const before = window.__bench.longTasks.length;
        const start = performance.now();
        button.click();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const loadedInView = inView.filter((gate) => gate.hasAttribute('loaded')).length;
        const all = document.querySelectorAll('consent-gate').length;
        while (document.querySelectorAll('consent-gate[loaded]').length < all) await new Promise((resolve) => setTimeout(resolve, 5));
        const allLoaded = performance.now() - start;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { inView: inView.length, loadedInView, allLoaded, longTasks: window.__bench.longTasks.slice(before), shift: window.__bench.shift };
      });
      runs.inViewNextFrame.push(accept.loadedInView / accept.inView);
      runs.longestTaskAcceptMs.push(longest(accept.longTasks));
      runs.blockingAcceptMs.push(accept.longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0));
      runs.allLoadedMs.push(accept.allLoaded);
      runs.cls.push(accept.shift);
      await context.close();
    }
    results[`gates${count}`] = Object.fromEntries(Object.entries(runs).map(([name, values]) => [name, round(median(values), 2)]));
  }
} finally {
  await browser.close();
  await server.close();
}

const rows = [
  ['dist/consent-gate.js', `${results.size.raw} B raw, ${results.size.gzip} B gzip, ${results.size.brotli} B brotli`, `gzip aim ≤ ${AIM} B (ceiling ${CEILING} B)`],
];
for (const rate of [1, 4]) {
  for (const [name, label, aim] of [['scriptTag', 'script tag alone', 'in the first contentful paint'], ['manager', '<consent-manager> at the end of <body>', 'within 100 ms of FCP']]) {
    const r = results[`banner_${name}_${rate}x`];
    rows.push([`${rate}× CPU, ${label}: banner painted (FCP) after navigation`, `${r.bannerMs} ms (FCP ${r.fcpMs} ms, ${r.bannerMs > r.fcpMs ? '+' : ''}${round(r.bannerMs - r.fcpMs)} ms)`, aim]);
  }
}
for (const count of COUNTS) {
  const r = results[`gates${count}`];
  rows.push(
    [`${count} gates: script start → banner painted`, `${r.bannerMs} ms`, count === 10 ? '< 30 ms' : ''],
    [`${count} gates: main-thread time added by the widget`, `${r.initMs} ms`, 'grows linearly'],
    [`${count} gates: JS heap added by the widget`, `${r.heapKb} KB`, ''],
    [`${count} gates: most widget script in one task at load (thread time)`, `${r.scriptTaskMs} ms`, '≤ 50 ms'],
    [`${count} gates: longest task at load (same page without the widget)`, `${r.longestTaskLoadMs} ms (${r.baselineLongestTaskLoadMs} ms)`, '≤ 50 ms'],
    [`${count} gates: gates in view loaded by the next frame after Accept all`, `${Math.round(r.inViewNextFrame * 100)} %`, '100 %'],
    [`${count} gates: longest task after Accept all (the embeds alone, no widget)`, `${r.longestTaskAcceptMs} ms (${r.directLongestTaskMs} ms)`, '≤ 50 ms'],
    [`${count} gates: total blocking time after Accept all`, `${r.blockingAcceptMs} ms`, '0'],
    [`${count} gates: every gate loaded after Accept all`, `${r.allLoadedMs} ms`, ''],
    [`${count} gates: layout shift (CLS)`, `${r.cls}`, '0'],
  );
}
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`consent-gate benchmark: medians of ${RUNS} runs, headless Chromium, ${new Date().toISOString().slice(0, 10)}\n`);
for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(44)}  ${target}`);
if (process.env.BENCH_GATES) {
  console.log('\nbench/results.json is written by full runs only (without BENCH_GATES)');
} else {
  writeFileSync('bench/results.json', `${JSON.stringify({ runs: RUNS, ...results }, null, 2)}\n`);
  console.log('\nwritten to bench/results.json');
}

// The transform (Node only): throughput and peak memory on a 10 MB article, in a process of its own.
execFileSync(process.execPath, [fileURLToPath(new URL('./transform.mjs', import.meta.url))], { stdio: 'inherit' });
// The consent log (Node only): sustained receipts/s and p50/p99 latency on each storage.
execFileSync(process.execPath, [fileURLToPath(new URL('./log.mjs', import.meta.url))], { stdio: 'inherit' });
