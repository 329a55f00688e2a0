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
const routes = {
  '/pages/cli-declared.html': html(document('<script src="/consent-gate.js"></script>', `<consent-manager>${declaration}</consent-manager>${gated.html}`)),
};

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
});
