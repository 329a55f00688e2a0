// The gate's pure sizing and same-site rules (src/core), compiled for Node as they are (no DOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSync } from 'esbuild';

const load = async (entry) => {
  const { outputFiles } = buildSync({ entryPoints: [entry], bundle: true, format: 'esm', write: false });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
};
const { cssRatio, frameDimension } = await load('src/core/box-size.ts');
const { isSameSite } = await load('src/core/same-site.ts');

test('aspect-ratio attribute: written ratios become CSS, anything else is none', () => {
  assert.equal(cssRatio('16/9'), '16 / 9');
  assert.equal(cssRatio(' 16 : 9 '), '16 / 9');
  assert.equal(cssRatio('1.78'), '1.78 / 1');
  assert.equal(cssRatio('4.5/3'), '4.5 / 3');
  for (const bad of ['', '0/9', '16/0', '-16/9', '16/9/3', 'wide', '16 by 9', '16/', '/9', '1e3']) assert.equal(cssRatio(bad), '', bad);
  // A long hostile value is refused in linear time (no nested quantifier).
  const started = performance.now();
  assert.equal(cssRatio(`${'1'.repeat(50_000)}/x`), '');
  assert.ok(performance.now() - started < 50);
});

test('frame width and height attributes read as the browser maps them', () => {
  assert.equal(frameDimension('560'), '560px');
  assert.equal(frameDimension('560px'), '560px');
  assert.equal(frameDimension(' 315 '), '315px');
  assert.equal(frameDimension('100%'), '100%');
  assert.equal(frameDimension('99.5%'), '99.5%');
  assert.equal(frameDimension('0'), '0px');
  for (const none of [null, '', 'auto', '%', 'px', '-20']) assert.equal(frameDimension(none), '', String(none));
});

test('a poster is on the page’s site: its origin, or a sibling of a www. host', () => {
  const page = { origin: 'https://www.example.ie', hostname: 'www.example.ie' };
  assert.equal(isSameSite('https://www.example.ie/p.jpg', page), true);
  assert.equal(isSameSite('https://img.example.ie/p.jpg', page), true);
  assert.equal(isSameSite('https://example.ie/p.jpg', page), true);
  assert.equal(isSameSite('https://evil-example.ie/p.jpg', page), false);
  assert.equal(isSameSite('https://example.ie.evil.com/p.jpg', page), false);
  assert.equal(isSameSite('https://cdn.other.com/p.jpg', page), false);
  // Without www., only the origin itself: a sibling host could be anyone's (a shared suffix).
  const bare = { origin: 'https://news.example.ie', hostname: 'news.example.ie' };
  assert.equal(isSameSite('https://news.example.ie/p.jpg', bare), true);
  assert.equal(isSameSite('https://img.example.ie/p.jpg', bare), false);
  assert.equal(isSameSite('http://news.example.ie/p.jpg', bare), false, 'another scheme is another origin');
});
