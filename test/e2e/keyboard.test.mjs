// Keyboard readers: wherever the page writes <consent-manager> (here at the end of <body>, after
// a header of 15 links and an article), the banner's buttons come first in the tab order while it
// shows, and nothing of the page becomes unreachable.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newContext, useBrowser } from './harness.mjs';

const links = Array.from({ length: 15 }, (_, i) => `<a href="/section-${i + 1}">Section ${i + 1}</a>`).join('\n');
const article = (skipLink) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Keyboard</title>
<script src="/consent-gate.js"></script></head><body>
${skipLink ? '<a href="#main" class="skip">Skip to content</a>' : ''}
<header><nav>${links}</nav></header>
<main id="main"><h1>Article</h1><p>Text with <a href="/inline">a link</a>.</p></main>
<footer><a href="/contact">Contact</a></footer>
<consent-manager vendors="youtube x" policy-url="/privacy"></consent-manager>
</body></html>`;
const routes = {
  '/keyboard/plain.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(article(false)),
  '/keyboard/skip.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(article(true)),
};

/** What has focus, through shadow roots: its text or label, and whether it is in the banner. */
const focused = (page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return { name: 'body', inBanner: false };
    const banner = document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner');
    return { name: element.textContent.trim(), tag: element.localName, inBanner: !!banner?.contains(element) };
  });

async function open(env, path) {
  const { context } = await newContext(env.browser);
  const page = await context.newPage();
  await page.goto(env.server.origin + path);
  await page.getByRole('region', { name: 'Your privacy on this site' }).waitFor();
  return { context, page };
}

describe('keyboard first', () => {
  const env = useBrowser({ routes });

  for (const [path, skipLink] of [['/keyboard/plain.html', false], ['/keyboard/skip.html', true]]) {
    it(`manager at the end of a page with 15 header links${skipLink ? ' and a skip link' : ''}: the first Tab reaches a banner button, and every link of the page stays reachable`, async () => {
      const { context, page } = await open(env, path);
      try {
        // No focus is taken on load.
        assert.deepEqual(await focused(page), { name: 'body', inBanner: false });
        // The banner is a labelled region at the start of the page, before its header.
        assert.ok(await page.evaluate(() => !!(document.querySelector('header').compareDocumentPosition(document.querySelector('consent-manager')) & Node.DOCUMENT_POSITION_PRECEDING)));

        await page.keyboard.press('Tab');
        let first = await focused(page);
        if (skipLink && first.name === 'Skip to content') {
          await page.keyboard.press('Tab');
          first = await focused(page);
        }
        assert.equal(first.inBanner, true, `the first Tab${skipLink ? ' (or the second, after the skip link)' : ''} reaches the banner, not ${first.name}`);
        assert.equal(first.tag, 'button');
        assert.equal(first.name, 'Accept all');

        // Shift+Tab from it: out of the page (to the browser) or to the skip link, never past the page's content.
        await page.keyboard.press('Shift+Tab');
        const before = await focused(page);
        assert.ok(before.name === 'body' || (skipLink && before.name === 'Skip to content'), `Shift+Tab went to ${before.name}`);

        // From the top, Tab visits the banner and then every link of the page, in order.
        await page.evaluate(() => document.activeElement?.blur());
        await page.mouse.click(1, 1);
        const visited = [];
        for (let i = 0; i < 30; i++) {
          await page.keyboard.press('Tab');
          visited.push((await focused(page)).name);
        }
        const pageLinks = [...Array.from({ length: 15 }, (_, i) => `Section ${i + 1}`), 'a link', 'Contact'];
        let at = visited.indexOf('Accept all');
        assert.ok(at >= 0 && at <= (skipLink ? 1 : 0), `tab order: ${visited.join(' | ')}`);
        for (const name of pageLinks) {
          const index = visited.indexOf(name);
          assert.ok(index > at, `${name} is reachable after the banner (tab order: ${visited.join(' | ')})`);
          at = index;
        }
      } finally {
        await context.close();
      }
    });
  }

  it('the banner is announced as a labelled region and takes no focus from a reader who is typing', async () => {
    const { context, page } = await open(env, '/keyboard/plain.html');
    try {
      const region = page.getByRole('region', { name: 'Your privacy on this site' });
      assert.equal(await region.count(), 1);
      assert.equal(await page.evaluate(() => document.body.firstElementChild.localName), 'consent-manager');
      assert.deepEqual(await focused(page), { name: 'body', inBanner: false });
    } finally {
      await context.close();
    }
  });
});
