import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSync } from 'esbuild';
import { parseFragment } from 'parse5';

// The pure function from src/core, compiled for Node as it is (no DOM).
const { outputFiles } = buildSync({ entryPoints: ['src/core/embed-wrapper.ts'], bundle: true, format: 'esm', write: false });
const { embedWrapper } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

const isElement = (node) => !!node && 'tagName' in node;
const tree = {
  tag: (element) => element.tagName,
  attribute: (element, name) => element.attrs.find((attr) => attr.name === name)?.value,
  parent: (element) => (isElement(element.parentNode) ? element.parentNode : undefined),
  children: (element) => element.childNodes.filter(isElement),
  hasText: (element) => element.childNodes.some((node) => node.nodeName === '#text' && node.value.trim()),
};
/** The wrapper found for the first iframe of the markup, as its start tag's attributes. */
function wrapperOf(html, vendor = '') {
  const find = (node) => (node.tagName === 'iframe' ? node : (node.childNodes ?? []).map(find).find(Boolean));
  const wrapper = embedWrapper(tree, [find(parseFragment(html))], vendor);
  return wrapper && `${wrapper.tagName} ${wrapper.attrs.map((attr) => attr.value).join(' ')}`;
}

test('climbs through a ratio box and a max-width container (Brightcove) and stops at the figure', () => {
  assert.equal(
    wrapperOf('<figure><div style="position: relative; max-width: 960px;"><div style="padding-top: 56.25%;"><iframe style="position:absolute"></iframe></div></div><figcaption>Caption</figcaption></figure>'),
    'div position: relative; max-width: 960px;',
  );
});

test('a ratio box with its script companion and whitespace is the wrapper; a vendor-named div too', () => {
  assert.equal(wrapperOf('<div style="padding:56.25% 0 0 0;position:relative;">\n <iframe></iframe>\n</div>'), 'div padding:56.25% 0 0 0;position:relative;');
  assert.equal(wrapperOf('<div class="fb-video-wrap"><iframe></iframe><script></script></div>'), 'div fb-video-wrap');
  assert.equal(wrapperOf('<div class="acast-box"><iframe></iframe></div>', 'acast'), 'div acast-box');
});

test('article content is never a wrapper: a paragraph, a container with other content or text, a plain div', () => {
  assert.equal(wrapperOf('<p><iframe></iframe></p>'), undefined);
  assert.equal(wrapperOf('<div style="position:relative"><iframe></iframe><p>More</p></div>'), undefined);
  assert.equal(wrapperOf('<div style="position:relative">Text <iframe></iframe></div>'), undefined);
  assert.equal(wrapperOf('<div class="article-body"><iframe></iframe></div>'), undefined);
  assert.equal(wrapperOf('<section style="max-width:600px"><iframe></iframe></section>'), undefined);
});

test('the climb stops after a few boxes (an embed code nests no deeper), so a deep tree stays linear', () => {
  const html = `${'<div style="position:relative">'.repeat(10)}<iframe></iframe>${'</div>'.repeat(10)}`;
  const wrapper = embedWrapper(tree, [(function find(node) { return node.tagName === 'iframe' ? node : (node.childNodes ?? []).map(find).find(Boolean); })(parseFragment(html))]);
  let depth = 0;
  for (let node = wrapper; node?.tagName === 'div'; node = node.parentNode) depth++;
  assert.equal(depth, 10 - 6 + 1);
});
