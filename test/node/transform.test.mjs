import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, parseFragment } from 'parse5';
import { gateEmbeds } from '../../dist/transform.mjs';

const fixturesDir = fileURLToPath(new URL('../fixtures/embeds/', import.meta.url));
const fixtures = readdirSync(fixturesDir).filter((file) => file.endsWith('.html'));

/** The embeds each published snippet must become (one gate per embed). */
const expected = {
  'bluesky.html': ['bluesky'],
  'dailymotion.html': ['dailymotion', 'dailymotion', 'dailymotion'],
  'datawrapper.html': ['datawrapper'],
  'facebook.html': ['facebook', 'facebook'],
  'flourish.html': ['flourish'],
  'google-maps.html': ['google-maps', 'google-maps'],
  'infogram.html': ['infogram'],
  'instagram.html': ['instagram'],
  'reddit.html': ['reddit'],
  'rte-player.html': ['rte-player', 'rte-player'],
  'soundcloud.html': ['soundcloud'],
  'spotify.html': ['spotify'],
  'tiktok.html': ['tiktok'],
  'vimeo.html': ['vimeo'],
  'x-twitter.html': ['x'],
  'youtube.html': ['youtube', 'youtube'],
};

const unwrap = (html) => html.replace(/<consent-gate vendor="[a-z0-9-]+"><template>/g, '').replace(/<\/template><\/consent-gate>/g, '');

/** Loading elements (with a src, or an inline script naming a URL) left outside any gate. */
function ungated(html) {
  const found = [];
  const walk = (node) => {
    for (const child of node.childNodes ?? []) {
      if (child.tagName === 'consent-gate') continue;
      const src = child.attrs?.find((a) => a.name === 'src')?.value;
      const blocked = child.attrs?.some((a) => a.name === 'type' && a.value === 'text/plain');
      if (['iframe', 'script', 'embed', 'object'].includes(child.tagName) && src && /^(https?:)?\/\//.test(src) && !blocked) found.push(src);
      walk(child);
    }
  };
  walk(parseFragment(html));
  return found;
}

test('every published snippet is gated, once per embed, and nothing else changes', () => {
  for (const file of fixtures) {
    const source = readFileSync(fixturesDir + file, 'utf8');
    const { html, gated } = gateEmbeds(source);
    assert.deepEqual(gated, expected[file] ?? ['(no expectation)'], file);
    assert.deepEqual(ungated(html), [], `${file}: nothing loads outside a gate`);
    assert.equal(unwrap(html), source, `${file}: byte-for-byte apart from the gates`);
    assert.equal(gateEmbeds(html).html, html, `${file}: a second run changes nothing`);
  }
});

test('content around the embeds is kept byte-for-byte, whole documents included', () => {
  const around = '<p class=x>Before &amp; “quoted” <b>bold<br></b>\n\t</p><!-- note --><img src="/own.jpg" alt="">';
  const fragment = `${around}${readFileSync(fixturesDir + 'x-twitter.html', 'utf8')}<p>After</p>`;
  const { html } = gateEmbeds(fragment);
  assert.ok(html.startsWith(around));
  assert.ok(html.endsWith('<p>After</p>'));
  const document = `<!DOCTYPE html>\n<html lang="ga"><head><title>T</title></head><body>\n${fragment}\n</body></html>\n`;
  const gatedDocument = gateEmbeds(document).html;
  assert.equal(unwrap(gatedDocument), document);
  assert.match(gatedDocument, /<consent-gate vendor="x"><template><blockquote class="twitter-tweet">/);
});

test('an article paragraph linking to the vendor, and JSON-LD naming it, stay outside the gate', () => {
  const paragraph = '<p>Watch <a href="https://www.youtube.com/watch?v=ID">the interview</a> below.</p>\n';
  const jsonLd = '<script type="application/ld+json">{"embedUrl": "https://www.youtube.com/embed/ID"}</script>\n';
  const frame = '<iframe src="https://www.youtube.com/embed/ID" width="560" height="315"></iframe>';
  const { html, gated } = gateEmbeds(paragraph + jsonLd + frame);
  assert.deepEqual(gated, ['youtube']);
  assert.equal(html, `${paragraph}${jsonLd}<consent-gate vendor="youtube"><template>${frame}</template></consent-gate>`);
});

test('tags in <head> and analytics tags become blocked scripts, not gates, with the vendor their URL names', () => {
  const head = [
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>',
    '<script type="module" src="https://www.googletagmanager.com/gtag/js?id=AW-123"></script>',
    "<script>!function(f,b,e,v){t=b.createElement(e);t.src=v}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');</script>",
  ];
  const document = `<!DOCTYPE html>\n<html><head><title>T</title>\n${head.join('\n')}\n<link rel="stylesheet" href="/site.css"></head><body><p>Text</p>\n<script src="https://static.chartbeat.com/js/chartbeat.js"></script></body></html>`;
  const { html, gated, blocked } = gateEmbeds(document);
  assert.deepEqual(gated, []);
  assert.deepEqual(blocked, ['google-analytics', 'google-ads', 'meta-pixel', 'chartbeat']);
  assert.ok(!html.includes('<consent-gate'), 'no gate in <head>, no placeholder for a tag');
  assert.ok(html.includes('<script type="text/plain" data-consent="google-analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX">'));
  assert.ok(html.includes('<script type="text/plain" data-consent="google-ads" data-type="module" src='));
  assert.ok(html.includes('<script type="text/plain" data-consent="meta-pixel">!function'));
  assert.equal(html.replace(/ type="text\/plain" data-consent="[a-z-]+"/g, '').replace('data-type="module"', 'type="module"'), document);
  assert.equal(gateEmbeds(html).html, html, 'a second run changes nothing');
  const parsed = parse(html);
  const headNode = parsed.childNodes.find((n) => n.tagName === 'html').childNodes.find((n) => n.tagName === 'head');
  assert.deepEqual(headNode.childNodes.filter((n) => n.tagName).map((n) => n.tagName), ['title', 'script', 'script', 'script', 'link']);
});

test('third-party content no vendor claims is reported and left alone', () => {
  const source = '<iframe src="https://maps.example.net/embed?id=1"></iframe><script src="//cdn.example.org/lib.js"></script><script src="/own.js"></script>';
  const { html, gated, unknown } = gateEmbeds(source);
  assert.equal(html, source);
  assert.deepEqual(gated, []);
  assert.deepEqual(unknown, ['https://maps.example.net/embed?id=1', 'https://cdn.example.org/lib.js']);
});

test('the CLI gates stdin to stdout and lists what it could not gate on stderr', () => {
  const input = '<p>Hi</p><iframe src="https://player.vimeo.com/video/1" width="640" height="360"></iframe><iframe src="https://odd.example.net/"></iframe>';
  const bin = fileURLToPath(new URL('../../bin/consent-gate.mjs', import.meta.url));
  const run = spawnSync(process.execPath, [bin, 'gate'], { input });
  assert.equal(run.status, 0);
  assert.equal(run.stdout.toString(), gateEmbeds(input).html);
  assert.match(run.stderr.toString(), /1 embed\(s\) gated \(vimeo\)/);
  assert.match(run.stderr.toString(), /no vendor claims https:\/\/odd\.example\.net\//);
});

/** A fixture's embed code, without its header comment. */
const shape = (file) => readFileSync(`${fixturesDir}shapes/${file}`, 'utf8').replace(/^<!--[\s\S]*?-->\s*/, '').trim();

test('an in-page player is one gate: its library, its container and the setup script naming the container', () => {
  const code = shape('jwplayer-in-page.html');
  const { html, gated, ungated } = gateEmbeds(`<p>Before.</p>\n${code}\n<p>After.</p>`);
  assert.deepEqual(gated, ['jwplayer']);
  assert.equal(html, `<p>Before.</p>\n<consent-gate vendor="jwplayer"><template>${code}</template></consent-gate>\n<p>After.</p>`);
  assert.deepEqual(ungated, []);
});

test("Getty Images' embed code is one gate: the link its widget replaces, the queueing call and the widget script; the figure's caption stays outside", () => {
  const code = shape('getty-images.html');
  const caption = '<figcaption>Caption written by the newsroom.</figcaption>';
  const { html, gated, ungated } = gateEmbeds(`<figure>${code}${caption}</figure><p>After.</p>`);
  assert.deepEqual(gated, ['getty-images']);
  assert.equal(html, `<figure><consent-gate vendor="getty-images"><template>${code}</template></consent-gate>${caption}</figure><p>After.</p>`);
  assert.deepEqual(ungated, []);
});

test('a setup script joins an embed only with the element it names, next to the loader it serves', () => {
  const frame = '<iframe src="https://www.youtube.com/embed/ID" width="560" height="315"></iframe>';
  // The site's own widget after a frame: its script names neither the vendor nor a loader's neighbour.
  const own = '<div id="poll"></div><script>startPoll("poll")</script>';
  assert.equal(gateEmbeds(frame + own).html, `<consent-gate vendor="youtube"><template>${frame}</template></consent-gate>${own}`);
  // A script naming an element that is not next to it.
  const apart = '<div id="far"></div><p>Text.</p><script>jwplayer("far").setup({})</script>';
  const library = '<script src="https://cdn.jwplayer.com/libraries/X.js"></script>';
  const { html } = gateEmbeds(library + apart);
  assert.ok(html.startsWith(`<consent-gate vendor="jwplayer"><template>${library}</template></consent-gate><div id="far"></div><p>Text.</p>`), html);
});

test("the element a vendor's script fills joins its gate: an empty container before it, a link to the vendor; an article's image does not", () => {
  const kaltura = { id: 'kaltura', name: 'Kaltura', purpose: 'embeds', hosts: ['kaltura.com'], cookies: [] };
  const code = shape('kaltura.html');
  assert.equal(gateEmbeds(`<p>Before.</p>\n${code}`, { vendors: [kaltura] }).html, `<p>Before.</p>\n<consent-gate vendor="kaltura"><template>${code}</template></consent-gate>`);
  const imgur = { id: 'imgur', name: 'Imgur', purpose: 'embeds', hosts: ['imgur.com'], cookies: [] };
  const pinterest = { id: 'pinterest', name: 'Pinterest', purpose: 'embeds', hosts: ['pinterest.com'], cookies: [] };
  const pin = shape('pinterest.html');
  assert.equal(gateEmbeds(pin, { vendors: [pinterest] }).html, `<consent-gate vendor="pinterest"><template>${pin}</template></consent-gate>`);
  const photo = '<img src="/photo.jpg" alt="">';
  const script = '<script async src="//s.imgur.com/min/embed.js" charset="utf-8"></script>';
  assert.equal(gateEmbeds(photo + script, { vendors: [imgur] }).html, `${photo}<consent-gate vendor="imgur"><template>${script}</template></consent-gate>`);
});
