// End-to-end harness: serves the demo and test pages with the built dist/ on 127.0.0.1, drives
// Debian's Chromium with playwright-core, and answers every request to another host itself,
// recording it, so a test can prove what was and was not requested.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium-path.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

/** Where each URL path is read from: the built widget, the demo, and the e2e test pages. */
function fileFor(path) {
  if (path === '/' ) return join(root, 'demo/index.html');
  if (path.startsWith('/dist/')) return join(root, path);
  if (path === '/consent-gate.js' || path === '/consent-gate.mjs' || path === '/consent-gate-auto-block.js' || path === '/consent-gate-receipts.js' || path.startsWith('/lang/')) return join(root, 'dist', path);
  if (path.startsWith('/pages/')) return join(root, 'test/e2e', path);
  return join(root, 'demo/public', path);
}

/**
 * Starts the server; `headers(path)` may add response headers (e.g. a CSP); `routes[path]`, when
 * set, answers that path itself (e.g. a receipt endpoint).
 */
export async function startServer({ headers = () => ({}), routes = {} } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (routes[path]) return routes[path](req, res);
    try {
      const body = await readFile(fileFor(path));
      res.writeHead(200, { 'Content-Type': types[extname(fileFor(path))] ?? 'application/octet-stream', ...headers(path) });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Stand-in responses for third-party URLs: scripts record that they ran, frames show a page. */
function stubFor(url, resourceType) {
  if (resourceType === 'script') {
    return { contentType: 'text/javascript', body: `(window.__thirdPartyScripts ||= []).push(${JSON.stringify(url)});` };
  }
  return { contentType: 'text/html', body: `<!doctype html><title>stub</title><p>Third-party content: ${url}</p>` };
}

export async function launch() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.mjs` or set CHROME_PATH.');
  return chromium.launch({ executablePath, args: chromiumArgs, headless: true });
}

/** Contexts not closed yet: a test that fails before closing its own has it closed after it (useBrowser). */
const openContexts = new Set();

/**
 * A fresh context (no cookies) whose requests to hosts other than 127.0.0.1 are answered by
 * stubs and recorded in `thirdParty` (URLs). Page errors are collected in `errors`.
 */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  const thirdParty = [];
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    thirdParty.push(request.url());
    return route.fulfill({ status: 200, ...stubFor(request.url(), request.resourceType()) });
  });
  return { context, thirdParty };
}

export async function openPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
  return { page, errors };
}

/**
 * Runs `test` with a fresh context's page opened at `path` (manager ready), then closes the
 * context whatever happened: `test({ page, context, thirdParty, errors })`.
 */
export async function withPage(env, path, test, contextOptions = {}) {
  const { context, thirdParty } = await newContext(env.browser, contextOptions);
  try {
    const { page, errors } = await openPage(context, env.server.origin + path);
    return await test({ page, context, thirdParty, errors });
  } finally {
    await context.close();
  }
}

/** Clicks a button by its accessible name inside the widget's shadow roots. */
export const clickButton = (page, name) => page.getByRole('button', { name, exact: true }).first().click();

/** Starts the server and Chromium before the suite's tests and stops them after; fields fill in on start. */
export function useBrowser(serverOptions) {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  afterEach(() => Promise.all([...openContexts].map((context) => context.close())));
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
