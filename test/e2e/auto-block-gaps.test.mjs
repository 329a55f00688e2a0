// Ways page code could get round auto-blocking (issue: "auto-block gaps"): changing a held
// script's type or source through other DOM methods and Attr nodes, image beacons, srcdoc frames.
// Each must make no request to the vendor before consent; held scripts still run on consent.
// What stays open is listed in docs/embeds.md ("Auto-blocking in the browser, and its limits").
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clickButton, newContext, useBrowser } from './harness.mjs';

const GA = 'https://www.googletagmanager.com/gtag/js?id=G-';
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Auto-block gaps</title>
<script src="/consent-gate.js" data-vendors="youtube google-analytics meta-pixel" data-auto-block></script>
</head><body><h1>Article</h1>
<iframe srcdoc="<p>Poll</p><script src=&quot;${GA}PARSED-SRCDOC&quot;></script>" title="Poll"></iframe>
<iframe srcdoc="<p>Only text, no vendor</p>" title="Plain" id="plain"></iframe>
</body></html>`;
const routes = { '/gaps.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html) };

/** Each way, run by page code once the page is loaded; the URL it tries carries its name. */
const WAYS = {
  'removeAttribute(type) after src': (url) => {
    const script = document.createElement('script');
    script.src = url;
    script.removeAttribute('type');
    document.head.append(script);
  },
  'the type Attr node set after src': (url) => {
    const script = document.createElement('script');
    script.src = url;
    script.getAttributeNode('type').value = 'text/javascript';
    document.head.append(script);
  },
  'toggleAttribute(type) after src': (url) => {
    const script = document.createElement('script');
    script.src = url;
    script.toggleAttribute('type');
    document.head.append(script);
  },
  'attributes.removeNamedItem(type) after src': (url) => {
    const script = document.createElement('script');
    script.src = url;
    script.attributes.removeNamedItem('type');
    document.head.append(script);
  },
  'a src Attr node': (url) => {
    const script = document.createElement('script');
    const src = document.createAttribute('src');
    src.value = url;
    script.setAttributeNode(src);
    document.head.append(script);
  },
  'setAttributeNS for src': (url) => {
    const script = document.createElement('script');
    script.setAttributeNS(null, 'src', url);
    document.head.append(script);
  },
  'a held script in the page: type removed, then src set again': (url) => {
    const script = document.createElement('script');
    script.src = url;
    document.head.append(script);
    script.removeAttribute('type');
    script.removeAttribute('src');
    script.setAttribute('src', url);
  },
  'new Image().src': (url) => {
    new Image().src = url.replace('https://www.googletagmanager.com/gtag/js?id=G-', 'https://www.facebook.com/tr?ev=');
  },
  'an img given src by setAttribute': (url) => {
    document.createElement('img').setAttribute('src', url.replace('https://www.googletagmanager.com/gtag/js?id=G-', 'https://www.facebook.com/tr?ev='));
  },
  'a frame with srcdoc loading a vendor script': (url) => {
    const frame = document.createElement('iframe');
    frame.srcdoc = `<script src="${url}"></script>`;
    document.body.append(frame);
  },
  'a frame given srcdoc by setAttribute': (url) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('srcdoc', `<script src="${url}"></script>`);
    document.body.append(frame);
  },
};
const tag = (name) => name.replace(/[^a-z]+/gi, '-');

describe('auto-blocking gaps', () => {
  const env = useBrowser({ routes });

  it('no way of setting a blocked source reaches the vendor before consent; held scripts run on Accept all', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    try {
      const tab = await context.newPage();
      const errors = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      await tab.goto(env.server.origin + '/gaps.html');
      await tab.waitForFunction(() => document.querySelector('consent-manager')?.ready === true);
      for (const [name, way] of Object.entries(WAYS)) {
        await tab.evaluate(`(${way})(${JSON.stringify(GA + tag(name))})`);
      }
      await tab.waitForTimeout(500);
      const early = thirdParty.filter((url) => !url.includes('youtube'));
      assert.deepEqual(early, [], `requested before consent:\n${early.join('\n')}`);
      assert.equal(await tab.evaluate(() => window.__thirdPartyScripts), undefined);
      assert.equal(await tab.evaluate(() => document.querySelectorAll('consent-gate iframe[srcdoc]').length), 0);
      assert.equal(await tab.evaluate(() => document.querySelectorAll('iframe[srcdoc]').length), 1, 'only the frame with no vendor in it stays');
      assert.equal(await tab.evaluate(() => document.querySelector('iframe#plain') !== null), true);

      await clickButton(tab, 'Accept all');
      const held = ['removeAttribute(type) after src', 'the type Attr node set after src', 'a src Attr node', 'setAttributeNS for src'];
      await tab.waitForFunction(
        (urls) => urls.every((url) => (window.__thirdPartyScripts ?? []).includes(url)),
        held.map((name) => GA + tag(name)),
        { timeout: 5000 },
      );
      await tab.waitForFunction(() => document.querySelectorAll('consent-gate iframe[srcdoc]').length === 3);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
