// One vendor declaration used everywhere: the <consent-vendor> markup of the page also drives the
// CLI (--vendors-file) and auto-blocking; shared hosts are told apart by path in the browser.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clickButton, newContext, openPage, useBrowser } from './harness.mjs';

const bin = fileURLToPath(new URL('../../bin/consent-gate.mjs', import.meta.url));

/** A vendor no catalog knows, declared the way a publisher declares it in the page template. */
const declaration = `<consent-vendor id="newsvideo" name="News Video" purpose="embeds"
  policy-url="https://newsvideo.example/privacy" hosts="player.newsvideo.example"></consent-vendor>`;
const embed = '<iframe src="https://player.newsvideo.example/embed/42" width="640" height="360" title="Clip"></iframe>';

const document = (head, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>
${head}</head><body>${body}</body></html>`;

function gateWithVendorsFile(article) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-vendors-'));
  const template = join(dir, 'template.html');
  writeFileSync(template, document('', `<consent-manager>${declaration}</consent-manager><main></main>`));
  const run = spawnSync(process.execPath, [bin, 'gate', '--vendors-file', template], { input: article, timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr.toString());
  return { html: run.stdout.toString(), stderr: run.stderr.toString() };
}

const gated = gateWithVendorsFile(`<p>Before.</p>\n${embed}\n<p>After.</p>`);

const html = (body) => (req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(body);
const autoBlock = (attributes = '') => `<script src="/consent-gate.js" data-auto-block ${attributes}></script>`;
const youtube = '<iframe src="https://www.youtube-nocookie.com/embed/a" width="560" height="315" title="Video"></iframe>';
// Facebook's own embed code (SDK plus post) and Meta's published Pixel snippet, on one page.
const facebookPost = `<div id="fb-root"></div>
<script async defer crossorigin="anonymous" src="https://connect.facebook.net/en_US/sdk.js#xfbml=1&version=v19.0"></script>
<div class="fb-post" data-href="https://www.facebook.com/example/posts/1" data-width="500"></div>`;
const metaPixel = `<script>
!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};
if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;
s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '123456789');fbq('track', 'PageView');
</script>
<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=123456789&ev=PageView&noscript=1"></noscript>`;
const routes = {
  '/pages/cli-declared.html': html(document('<script src="/consent-gate.js"></script>', `<consent-manager>${declaration}</consent-manager>${gated.html}`)),
  '/pages/auto-block-declared.html': html(document(autoBlock(), `<consent-manager>${declaration}</consent-manager><p>Before.</p>${embed}<p>After.</p>`)),
  '/pages/auto-block-manager.html': html(document(autoBlock(), `<consent-manager vendors="youtube"></consent-manager><p>Before.</p>${youtube}<p>After.</p>`)),
  '/pages/auto-block-empty.html': html(document(autoBlock(), `<p>Before.</p>${youtube}<p>After.</p>`)),
  '/pages/auto-block-facebook.html': html(document(`${autoBlock('data-vendors="facebook meta-pixel"')}${metaPixel}`, `<p>Before.</p>${facebookPost}<p>After.</p>`)),
};

/** Opens a page in a fresh context and records its console errors and its third-party requests with their type. */
async function open(env, path) {
  const { context, thirdParty } = await newContext(env.browser);
  const requests = [];
  context.on('request', (request) => new URL(request.url()).hostname !== '127.0.0.1' && requests.push(`${request.resourceType()} ${request.url()}`));
  const consoleErrors = [];
  context.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  const { page: tab, errors } = await openPage(context, env.server.origin + path);
  await tab.waitForLoadState('networkidle');
  return { context, thirdParty, requests, tab, errors, consoleErrors };
}

/**
 * Blocked by auto-blocking: the frame is a gate and nothing third-party rendered or ran. Chromium
 * sends a parser-inserted frame's request before any script can act (README: "Auto-blocking and
 * its limits"); the frame is removed before it renders, so that request is all there may be.
 */
async function assertBlocked(tab, requests, vendor, frameUrl) {
  assert.equal(await tab.locator(`consent-gate[vendor="${vendor}"]:not([loaded]) template`).count(), 1);
  assert.equal(await tab.locator('iframe').count(), 0, 'no frame renders before consent');
  assert.equal(await tab.evaluate(() => window.__thirdPartyScripts), undefined, 'no third-party script ran');
  assert.deepEqual(requests.filter((request) => request !== `document ${frameUrl}`), []);
}

describe('declared vendors', () => {
  const env = useBrowser({ routes });

  it('the CLI gates a vendor declared only in --vendors-file; it loads after consent', async () => {
    assert.match(gated.stderr, /1 embed\(s\) gated \(newsvideo\)/);
    assert.ok(gated.html.includes('<consent-gate vendor="newsvideo"'), gated.html);
    const { context, thirdParty } = await newContext(env.browser);
    const { page: tab, errors } = await openPage(context, env.server.origin + '/pages/cli-declared.html');
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(thirdParty, []);
    await clickButton(tab, 'Accept all');
    await tab.waitForFunction(() => document.querySelector('consent-gate[vendor="newsvideo"]')?.hasAttribute('loaded'));
    await tab.waitForLoadState('networkidle');
    assert.deepEqual(thirdParty, ['https://player.newsvideo.example/embed/42']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  const blockedThenLoaded = [
    ['auto-blocking blocks a vendor declared only with <consent-vendor> before consent; it loads after', '/pages/auto-block-declared.html', 'newsvideo', 'https://player.newsvideo.example/embed/42'],
    ['data-auto-block on the script tag with a hand-written <consent-manager vendors> blocks a catalog vendor before consent; it loads after', '/pages/auto-block-manager.html', 'youtube', 'https://www.youtube-nocookie.com/embed/a'],
  ];
  for (const [title, path, vendor, frameUrl] of blockedThenLoaded) {
    it(title, async () => {
      const { context, thirdParty, requests, tab, errors, consoleErrors } = await open(env, path);
      await assertBlocked(tab, requests, vendor, frameUrl);
      thirdParty.length = 0;
      await clickButton(tab, 'Accept all');
      await tab.waitForFunction((id) => document.querySelector(`consent-gate[vendor="${id}"]`)?.hasAttribute('loaded'), vendor);
      await tab.waitForLoadState('networkidle');
      assert.deepEqual(thirdParty, [frameUrl]);
      assert.deepEqual([errors, consoleErrors], [[], []]);
      await context.close();
    });
  }

  it('auto-blocking with no vendor to block says so in one console error', async () => {
    const { context, errors, consoleErrors } = await open(env, '/pages/auto-block-empty.html');
    assert.equal(consoleErrors.length, 1, consoleErrors.join('\n'));
    assert.match(consoleErrors[0], /auto-block: no vendors to block/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('Facebook granted, Meta Pixel refused: fbevents.js is neither requested after the choice nor run', async () => {
    const { context, requests, tab, errors, consoleErrors } = await open(env, '/pages/auto-block-facebook.html');
    // Before the choice: the SDK's <script src> may be fetched by the preload scanner (README:
    // "Auto-blocking and its limits"), nothing runs, and the pixel's script is never fetched.
    assert.deepEqual(requests.filter((request) => !request.startsWith('script https://connect.facebook.net/en_US/sdk.js')), []);
    assert.equal(await tab.evaluate(() => window.__thirdPartyScripts), undefined, 'no third-party script ran');
    assert.equal(await tab.evaluate(() => document.querySelector('script[data-consent="meta-pixel"]')?.type), 'text/plain');
    requests.length = 0;
    await clickButton(tab, 'Manage Preferences');
    const dialog = tab.getByRole('dialog');
    await dialog.getByRole('switch', { name: 'Facebook' }).click();
    assert.equal(await dialog.getByRole('switch', { name: 'Meta Pixel' }).getAttribute('aria-checked'), 'false');
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    await tab.waitForFunction(() => window.__thirdPartyScripts?.some((url) => url.includes('/sdk.js')));
    await tab.waitForLoadState('networkidle');
    await tab.waitForTimeout(300);
    assert.deepEqual(requests.filter((request) => request.includes('fbevents') || request.includes('/tr?')), []);
    assert.deepEqual(await tab.evaluate(() => window.__thirdPartyScripts.map((url) => new URL(url).pathname)), ['/en_US/sdk.js']);
    assert.equal(await tab.evaluate(() => typeof window.fbq), 'function', 'the pixel\'s own queue is there, its library is not');
    assert.equal(await tab.evaluate(() => document.querySelector('script[data-consent="meta-pixel"]')?.type), 'text/plain');
    assert.deepEqual([errors, consoleErrors], [[], []]);
    await context.close();
  });
});
