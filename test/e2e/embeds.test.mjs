import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFragment } from 'parse5';
import { gateEmbeds } from '../../dist/transform.mjs';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const fixturesDir = fileURLToPath(new URL('../fixtures/embeds/', import.meta.url));
const fixtures = readdirSync(fixturesDir).filter((file) => file.endsWith('.html')).map((file) => readFileSync(fixturesDir + file, 'utf8'));
const vendors = 'rte-player youtube vimeo dailymotion x instagram facebook tiktok bluesky reddit spotify soundcloud google-maps datawrapper flourish infogram';

/** Every host the published snippets load from (the fixtures' README), once their vendors are granted. */
const embedHosts = [
  'connect.facebook.net', 'datawrapper.dwcdn.net', 'e.infogram.com', 'embed.bsky.app', 'embed.reddit.com', 'geo.dailymotion.com',
  'open.spotify.com', 'platform.twitter.com', 'player.vimeo.com', 'public.flourish.studio', 'w.soundcloud.com', 'www.facebook.com',
  'www.google.com', 'www.instagram.com', 'www.rte.ie', 'www.tiktok.com', 'www.youtube-nocookie.com', 'www.youtube.com',
].sort();
const hostsOf = (urls) => [...new Set(urls.map((url) => new URL(url).hostname))].sort();

const page = (body, scriptAttributes = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Article</title>
<script src="/consent-gate.js" data-vendors="${vendors}" ${scriptAttributes}></script>
</head><body><h1>Article with pasted embeds</h1>
${body}
</body></html>`;

/** Brings every frame into view once (some embed codes ask for loading="lazy"). */
async function scrollThrough(tab) {
  await tab.evaluate(async () => {
    for (const frame of document.querySelectorAll('iframe')) {
      frame.scrollIntoView();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  });
  await tab.waitForLoadState('networkidle');
}

const html = (body) => (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(body);
const routes = {
  '/pages/transformed.html': html(page(fixtures.map((fixture) => gateEmbeds(fixture).html).join('\n'))),
  '/pages/auto-block.html': html(page(fixtures.join('\n'), 'data-auto-block')),
  '/pages/page-script.html': html(page(`<p>Page code adds an X script and a YouTube frame.</p>
<script>
  const script = document.createElement('script');
  script.src = 'https://platform.twitter.com/widgets.js';
  document.body.append(script);
  const frame = document.createElement('iframe');
  frame.setAttribute('src', 'https://www.youtube.com/embed/ID');
  frame.width = 560;
  frame.height = 315;
  document.body.append(frame);
  // Page code that sets the type after the source must not unblock the script.
  const late = document.createElement('script');
  late.src = 'https://platform.twitter.com/widgets.js?late';
  late.type = 'text/javascript';
  late.setAttribute('type', 'text/javascript');
  document.body.append(late);
</script>`, 'data-auto-block')),
  '/pages/script-before.html': html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Publisher order</title>
<script src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
<script src="/consent-gate.js" data-vendors="google-analytics" data-auto-block></script>
</head><body><p>A script the publisher placed before the widget has run already.</p></body></html>`),
  '/pages/own-manager.html': html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Own manager</title>
<script src="/consent-gate.js" data-google-consent-mode data-auto-block></script>
</head><body><consent-manager vendors="youtube" cookie-name="own-choice" auto-block></consent-manager>
<consent-gate vendor="youtube"><template><iframe src="https://www.youtube.com/embed/ID" width="560" height="315"></iframe></template></consent-gate>
</body></html>`),
};

/**
 * What Chromium still requests with auto-blocking (README: "Auto-blocking and its limits"):
 * - the \`<script src>\` elements further down the page, fetched by the preload scanner while the
 *   widget's own script loads; they never run;
 * - the frames the parser inserts: Chromium sends the frame's request as the element is inserted,
 *   before any script can act; the frame is removed before it renders, so nothing in it runs.
 */
const parserFrameUrls = new Set();
let parserFrames = 0;
const collectFrames = (node) => {
  for (const child of node.childNodes ?? []) {
    const src = child.tagName === 'iframe' && child.attrs.find((a) => a.name === 'src')?.value;
    if (src) parserFrames++;
    if (src) parserFrameUrls.add(new URL(src.replace(/\s+/g, ''), 'https://x.invalid/').href);
    collectFrames(child);
  }
};
fixtures.forEach((fixture) => collectFrames(parseFragment(fixture)));
const PRELOADED_SCRIPT_HOSTS = ['connect.facebook.net', 'embed.bsky.app', 'embed.reddit.com', 'geo.dailymotion.com', 'platform.twitter.com', 'player.vimeo.com', 'public.flourish.studio', 'www.instagram.com', 'www.tiktok.com'];

describe('pasted embed codes', () => {
  const env = useBrowser({ routes });

  it('gated by the transform: nothing loads before consent, every embed loads after Accept all', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    const { page: tab, errors } = await openPage(context, env.server.origin + '/pages/transformed.html');
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(thirdParty, []);
    const gates = await tab.locator('consent-gate').count();
    assert.equal(gates, fixtures.reduce((count, html) => count + gateEmbeds(html).gated.length, 0));
    await clickButton(tab, 'Accept all');
    await tab.waitForFunction((count) => document.querySelectorAll('consent-gate[loaded]').length === count, gates);
    await scrollThrough(tab);
    assert.deepEqual(hostsOf(thirdParty), embedHosts);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('pasted raw with auto-block: no frame loads and no script runs before consent; all work after Accept all', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    const requests = [];
    context.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
    const { page: tab, errors } = await openPage(context, env.server.origin + '/pages/auto-block.html');
    await scrollThrough(tab);
    const early = requests.filter(({ url }) => !url.startsWith(env.server.origin));
    for (const { url, type } of early) {
      const known = type === 'script' ? PRELOADED_SCRIPT_HOSTS.includes(new URL(url).hostname) : type === 'document' && parserFrameUrls.has(url);
      assert.ok(known, `a request beyond the documented limits: ${type} ${url}`);
    }
    assert.equal(await tab.locator('iframe').count(), 0, 'no frame renders before consent');
    assert.equal(await tab.evaluate(() => window.__thirdPartyScripts), undefined, 'no third-party script ran');
    const gates = await tab.locator('consent-gate').count();
    const gatedFrames = await tab.evaluate(() => [...document.querySelectorAll('consent-gate > template')].reduce((count, template) => count + template.content.querySelectorAll('iframe').length, 0));
    assert.equal(gatedFrames, parserFrames, 'every frame is in a gate');
    // A post's blockquote with its script gets a gate too (a placeholder where the post would be).
    assert.equal(await tab.locator('blockquote:is(.twitter-tweet, .instagram-media, .tiktok-embed, .bluesky-embed, .reddit-embed-bq)').count(), 0, 'every post is in a gate');
    assert.ok(gates > parserFrames);

    await clickButton(tab, 'Accept all');
    await tab.waitForFunction((count) => document.querySelectorAll('consent-gate[loaded]').length === count, gates);
    await scrollThrough(tab);
    assert.deepEqual(hostsOf(thirdParty), embedHosts);
    const ran = await tab.evaluate(() => window.__thirdPartyScripts.map((url) => new URL(url).hostname));
    for (const host of [...PRELOADED_SCRIPT_HOSTS, 'e.infogram.com']) assert.ok(ran.includes(host), `the ${host} script ran`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a script that ran before the widget is not run a second time on consent', async () => {
    const { context } = await newContext(env.browser);
    const { page: tab, errors } = await openPage(context, env.server.origin + '/pages/script-before.html');
    await clickButton(tab, 'Accept all');
    await tab.waitForTimeout(300);
    assert.deepEqual(await tab.evaluate(() => window.__thirdPartyScripts), ['https://www.googletagmanager.com/gtag/js?id=G-1']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('data-google-consent-mode or data-auto-block on the script tag leave the page its own manager', async () => {
    const { context } = await newContext(env.browser);
    const { page: tab, errors } = await openPage(context, env.server.origin + '/pages/own-manager.html');
    assert.equal(await tab.locator('consent-manager').count(), 1);
    await clickButton(tab, 'Accept all');
    await tab.waitForFunction(() => document.querySelector('consent-gate')?.hasAttribute('loaded'));
    assert.deepEqual((await context.cookies()).map((cookie) => cookie.name), ['own-choice']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('auto-block stops a script and a frame that page code creates for a vendor without consent', async () => {
    const { context, thirdParty } = await newContext(env.browser);
    const { page: tab, errors } = await openPage(context, env.server.origin + '/pages/page-script.html');
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(thirdParty, []);
    assert.equal(await tab.evaluate(() => window.__thirdPartyScripts), undefined);
    assert.equal(await tab.locator('consent-gate[vendor="youtube"]').count(), 1, 'the frame is shown as a gate');
    await clickButton(tab, 'Accept all');
    await tab.waitForFunction(() => window.__thirdPartyScripts?.length === 2);
    await tab.waitForFunction(() => document.querySelector('consent-gate[vendor="youtube"]')?.hasAttribute('loaded'));
    assert.deepEqual(hostsOf(thirdParty), ['platform.twitter.com', 'www.youtube.com']);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
