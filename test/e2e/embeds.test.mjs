import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gateEmbeds } from '../../dist/transform.mjs';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const fixturesDir = fileURLToPath(new URL('../../../shared/fixtures/embeds/', import.meta.url));
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

const routes = {
  '/pages/transformed.html': (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(page(fixtures.map((html) => gateEmbeds(html).html).join('\n'))),
};

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
});
