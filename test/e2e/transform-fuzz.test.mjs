// The transform against Chromium. Random embed codes and hostile markup are gated, then served
// with the built widget and every request intercepted: before consent nothing reaches a third
// party, unless the transform reported that input as not gated. And a differential check: where
// parse5 and Chromium's own parser disagree on what loads, the transform has reported the input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'parse5';
import { gateEmbeds } from '../../dist/transform.mjs';
import { useBrowser } from './harness.mjs';

const CASES = Number(process.env.TRANSFORM_FUZZ_CASES ?? 2000);
const PER_PAGE = 100;
const VENDORS = 'youtube vimeo x instagram facebook tiktok google-maps spotify google-analytics chartbeat meta-pixel jwplayer getty-images';

// ---- the generator: embed codes as services publish them, mangled; and hostile markup around them.
const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,11}$/);
/** The same URL written the ways a browser still reads as that URL. */
const spelled = (url) =>
  fc.constantFrom(
    (u) => u,
    (u) => u.replace('https://', '//'),
    (u) => u.replace('https://', 'https:\\\\').replaceAll('/', '\\'),
    (u) => u.replace('https://', '\\\\'),
    (u) => u.replace('https', 'ht&#9;tps'),
    (u) => u.replace('https', 'h&#10;ttps'),
    (u) => u.replace('https://www.', 'HTTPS://WWW.'),
    (u) => ` \t${u}\n`,
  ).map((spell) => spell(url));
const jsType = fc.constantFrom(
  '', ' type="text/javascript"', ' type="application/javascript"', ' type="text/jscript"', ' type="text/livescript"', ' type="text/javascript1.5"',
  ' type="application/x-javascript"', ' type="text/ecmascript"', ' type="module"', ' type=""', ' language="javascript"', ' language="livescript"', ' type=" TEXT/JavaScript "',
);
const embed = fc.oneof(
  fc.tuple(id, fc.constantFrom('www.youtube.com', 'www.youtube-nocookie.com')).chain(([video, host]) => spelled(`https://${host}/embed/${video}`).map((src) => `<iframe width="560" height="315" src="${src}" title="YouTube video player" frameborder="0" allowfullscreen></iframe>`)),
  id.chain((video) => spelled(`https://player.vimeo.com/video/${video}`).map((src) => `<div style="padding:56.25% 0 0 0;position:relative;"><iframe src="${src}" style="position:absolute;top:0;left:0;width:100%;height:100%;"></iframe></div>`)),
  fc.tuple(jsType, spelled('https://platform.twitter.com/widgets.js')).map(([type, src]) => `<blockquote class="twitter-tweet"><p lang="en">Post</p>&mdash; Someone <a href="https://twitter.com/someone/status/1">May 1</a></blockquote> <script async${type} src="${src}" charset="utf-8"></script>`),
  fc.tuple(jsType, spelled('https://www.instagram.com/embed.js')).map(([type, src]) => `<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/X/"><a href="https://www.instagram.com/p/X/">View</a></blockquote><script async${type} src="${src}"></script>`),
  fc.tuple(jsType, spelled('https://www.googletagmanager.com/gtag/js?id=G-XXXX')).map(([type, src]) => `<script async${type} src="${src}"></script>`),
  spelled('https://static.chartbeat.com/js/chartbeat.js').map((src) => `<script src="${src}"></script>`),
  fc.tuple(jsType, fc.constantFrom('https://connect.facebook.net/en_US/fbevents.js', 'https:\\/\\/connect.facebook.net\\/en_US\\/sdk.js')).map(([type, url]) => `<script${type}>!function(b,e,v){var t=b.createElement(e);t.async=!0;t.src=v;b.head.appendChild(t)}(document,'script','${url}');</script>`),
  id.map((pixel) => `<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=${pixel}&ev=PageView&noscript=1"/></noscript>`),
  // Setup scripts naming the element they fill: JW Player's in-page embed, Getty Images' queueing call.
  fc.tuple(id, spelled('https://cdn.jwplayer.com/libraries/AbCd.js'), fc.constantFrom('"', "'")).map(
    ([player, src, quote]) => `<script src="${src}"></script>\n<div id="botr_${player}_div"></div>\n<script>jwplayer(${quote}botr_${player}_div${quote}).setup({ "playlist": "https://cdn.jwplayer.com/v2/media/${player}" });</script>`,
  ),
  fc.tuple(id, spelled('https://embed-cdn.gettyimages.com/widgets.js')).map(
    ([embedId, src]) =>
      `<a id='${embedId}' class='gie-single' href='http://www.gettyimages.com/detail/1' target='_blank' style='display:inline-block;'>Embed from Getty Images</a><script>window.gie=window.gie||function(c){(gie.q=gie.q||[]).push(c)};gie(function(){gie.widgets.load({id:'${embedId}',sig:'S=',w:'594px',h:'396px',items:'1',caption: true ,tld:'com',is360: false })});</script><script src='${src}' charset='utf-8' async></script>`,
  ),
  spelled('https://www.google.com/maps/embed?pb=1').map((src) => `<iframe src="${src}" width="600" height="450" style="border:0;" loading="eager"></iframe>`),
  spelled('https://open.spotify.com/embed/track/1').map((src) => `<iframe style="border-radius:12px" src="${src}" width="100%" height="152"></iframe>`),
  fc.tuple(jsType, spelled('https://platform.twitter.com/widgets.js')).map(([type, src]) => `<svg width="1" height="1"><script${type.replace('language', 'data-language')} href="${src}"></script></svg>`),
  spelled('https://www.tiktok.com/embed.js').map((src) => `<svg><script xlink:href="${src}"></script></svg>`),
  spelled('https://www.youtube.com/iframe_api').map((src) => `<script type="importmap">{"imports":{"yt":"${src.trim().replaceAll('"', '')}"}}</script>`),
);
/** Markup that third parties or an attacker could write, not claimed by any vendor. */
const hostile = fc.oneof(
  fc.constantFrom(
    '</template>', '</consent-gate>', '<template>', '</template></consent-gate>', '<!--', '-->', '<select>', '</select>', '<table>', '<tr><td>',
    '<math><mi>', '<svg><foreignObject>', '<noscript>', '</noscript>', '<textarea>', '<xmp>', '<title>', '<p>', '</p>', '<div class="embed">', '</div>',
    '<template shadowrootmode="open">', '<consent-gate vendor="youtube">', '<consent-gate vendor="youtube"><template>', '<object>', '<frameset>',
    '<img src="https://pixel.example.net/p.gif">', '<img srcset="https://pixel.example.net/a.gif 1x, /own.png 2x">', '<video poster="https://cdn.example.net/p.jpg"></video>',
    '<iframe src="https://unknown.example.net/frame"></iframe>', '<script src="//cdn.example.org/lib.js"></script>', '<script>fetch("https://collect.example.net/c")</script>',
    '<img src="/own.png" onerror="fetch(\'https://collect.example.net/e\')">', '<p style="background:url(https://cdn.example.net/b.png)">styled</p>',
    '<link rel="stylesheet" href="https://cdn.example.net/s.css">', '<base href="https://cdn.example.net/">', '<script src="/own.js"></script>',
    '<iframe srcdoc="<img src=https://pixel.example.net/srcdoc.gif>"></iframe>', '<input type="image" src="https://cdn.example.net/button.png">',
    '<select><iframe src="https://www.youtube.com/embed/inselect"></iframe></select>', '<select><img src="https://pixel.example.net/select.gif"></select>',
    '<iframe src="data:text/html,<script>fetch(`https://collect.example.net/d`)</script>"></iframe>', '<script type="application/ld+json">{"url":"https://www.youtube.com/x"}</script>',
  ),
  fc.stringMatching(/^[a-z <>/="'!-]{0,12}$/),
);
const piece = fc.oneof({ weight: 3, arbitrary: embed }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: fc.constant('<p>Paragraph of the article.</p>\n') });
const fragment = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Case</title>
<script src="/consent-gate.js" data-vendors="${VENDORS}"></script></head><body>${body}</body></html>`;

/** The URLs and host names a result reports (with whether something without a URL is reported). */
function reportOf(result) {
  const hosts = new Set(result.ungated.filter((finding) => finding.url).map((finding) => new URL(finding.url).hostname));
  return { hosts, anything: result.ungated.length > 0, urlless: result.ungated.some((finding) => !finding.url) };
}

const pages = new Map();
const routes = {};
for (let batch = 0; batch < Math.ceil(CASES / PER_PAGE); batch++) {
  routes[`/fuzz/${batch}.html`] = (req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><title>Batch</title>${Array.from({ length: PER_PAGE }, (_, i) => `<iframe src="/fuzz/case/${batch * PER_PAGE + i}.html" width="300" height="200"></iframe>`).join('')}`,
    );
}
const caseRoute = (req, res) => {
  const index = Number(/\/fuzz\/case\/(\d+)\.html/.exec(req.url)?.[1]);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pages.get(index) ?? 'missing');
};

/** Which case a frame belongs to: the nearest frame (itself or a parent) served from /fuzz/case/. */
function caseOf(frame) {
  for (let current = frame; current; current = current.parentFrame()) {
    const match = /\/fuzz\/case\/(\d+)\.html/.exec(current.url());
    if (match) return Number(match[1]);
  }
  return undefined;
}

describe('the transform in Chromium', () => {
  const env = useBrowser({ routes: new Proxy(routes, { get: (target, path) => (typeof path === 'string' && path.startsWith('/fuzz/case/') ? caseRoute : target[path]) }) });

  /** Serves the pages, loads them in batches of frames, and returns the third-party URLs each case requested. */
  async function requestsOf(documents) {
    pages.clear();
    documents.forEach((document, index) => pages.set(index, document));
    // No interception (it costs a round trip per request): every host but 127.0.0.1 resolves to
    // nothing (scripts/chromium-path.mjs), and each request is seen as it starts.
    const context = await env.browser.newContext();
    const requested = documents.map(() => []);
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return;
      // A frame's own navigation has that frame as its frame: the walk up finds its case too.
      const index = caseOf(request.frame());
      requested[index ?? 0].push(request.url());
    });
    const tab = await context.newPage();
    for (let batch = 0; batch * PER_PAGE < documents.length; batch++) {
      await tab.goto(`${env.server.origin}/fuzz/${batch}.html`, { waitUntil: 'load', timeout: 60_000 });
      // Scripts the cases ran (if any) get a moment to make their requests.
      await tab.waitForTimeout(100);
    }
    await context.close();
    return requested;
  }

  it(`${CASES} random embed codes and hostile markup: no third-party request before consent, unless reported`, { timeout: 600_000 }, async () => {
    const inputs = fc.sample(fragment, { numRuns: CASES, seed: Number(process.env.TRANSFORM_FUZZ_SEED ?? 20261206) });
    const results = inputs.map((input) => gateEmbeds(input));
    const requested = await requestsOf(results.map((result) => page(result.html)));
    const failures = [];
    let gatedCases = 0;
    requested.forEach((urls, index) => {
      const result = results[index];
      if (result.gated.length + result.blocked.length + result.removed.length) gatedCases++;
      const report = reportOf(result);
      const unreported = urls.filter((url) => !report.urlless && !report.hosts.has(new URL(url).hostname));
      if (unreported.length) failures.push({ input: inputs[index], output: result.html, requested: unreported, ungated: result.ungated });
    });
    assert.ok(gatedCases > CASES / 2, `most cases gate something (${gatedCases})`);
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${CASES} cases made unreported third-party requests`);
  });

  it('the harness sees the requests of the same embed codes left raw (the check can fail)', { timeout: 120_000 }, async () => {
    const inputs = fc.sample(embed, { numRuns: PER_PAGE, seed: 7 });
    const requested = await requestsOf(inputs.map(page));
    const seen = requested.filter((urls) => urls.length).length;
    assert.ok(seen > PER_PAGE / 2, `${seen} of ${PER_PAGE} raw embeds requested something`);
  });

  it('parse5 and Chromium read the same elements as live in the output, or the transform reported the input', { timeout: 300_000 }, async () => {
    const inputs = fc.sample(fragment, { numRuns: CASES, seed: 99 });
    const results = inputs.map((input) => gateEmbeds(input));
    const documents = results.map((result) => page(result.html));
    const context = await env.browser.newContext();
    const tab = await context.newPage();
    const chromium = await tab.evaluate(liveLoaders, { documents, browser: true });
    await context.close();
    const differ = [];
    documents.forEach((document, index) => {
      const ours = liveLoaders({ documents: [document], browser: false })[0];
      if (ours.join('\n') !== chromium[index].join('\n') && !results[index].ungated.length) {
        differ.push({ input: inputs[index], parse5: ours, chromium: chromium[index] });
      }
    });
    assert.deepEqual(differ.slice(0, 5), [], `${differ.length} outputs read differently by parse5 and Chromium, unreported`);
  });

  it('the known differences are caught: an iframe in <select>, a stray </template>, a declarative shadow root', { timeout: 120_000 }, async () => {
    const inputs = [
      '<select><iframe src="https://www.youtube.com/embed/a"></iframe></select>',
      '<blockquote class="twitter-tweet"><p>x</p></template><a href="https://twitter.com/a/status/1">x</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>',
      '<div><template shadowrootmode="open"><iframe src="https://www.youtube.com/embed/b"></iframe></template></div>',
      '<consent-gate vendor="youtube"><template></template><iframe src="https://www.youtube.com/embed/c"></iframe></consent-gate>',
      '<svg><script href="https://platform.twitter.com/widgets.js"></script></svg>',
      '<script type="text/jscript" src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>',
      '<iframe src="https:\\\\www.youtube.com\\embed\\d"></iframe><iframe src="\\\\www.youtube.com/embed/e"></iframe><iframe src="ht&#9;tps://www.youtube.com/embed/f"></iframe>',
      '<noscript><img src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1"></noscript>',
      `${'<div>'.repeat(400)}<iframe src="https://www.youtube.com/embed/deep"></iframe>${'</div>'.repeat(400)}`,
      `${'<div>'.repeat(600)}<consent-gate vendor="youtube"><template><iframe src="https://www.youtube.com/embed/deeper"></iframe></template></consent-gate>`,
    ];
    const results = inputs.map((input) => gateEmbeds(input));
    const requested = await requestsOf(results.map((result) => page(result.html)));
    requested.forEach((urls, index) => {
      const report = reportOf(results[index]);
      assert.deepEqual(urls.filter((url) => !report.hosts.has(new URL(url).hostname)), [], inputs[index].slice(0, 200));
    });
    assert.deepEqual(reportOf(results[0]).hosts, new Set(['www.youtube.com']), 'the iframe in <select> is reported');
    const raw = await requestsOf(inputs.map(page));
    assert.ok(raw[0].some((url) => url.includes('/embed/a')), 'Chromium does load an iframe written inside <select>');
    assert.ok(raw[3].some((url) => url.includes('/embed/c')), 'loose content in a gate loads');
    assert.ok(raw[9].some((url) => url.includes('/embed/deeper')), 'a gate nested 600 deep loads its content');
    assert.deepEqual(reportOf(results[9]).hosts, new Set(['www.youtube.com']), 'and the transform reports it');
  });
});

/**
 * The loading elements a parser leaves live, in document order: outside templates (declarative
 * shadow roots are live), as `tag src`. Runs in Chromium on DOMParser's documents and in Node on
 * parse5's (both with scripting off, as DOMParser parses).
 */
function liveLoaders({ documents, browser }) {
  const LOADERS = ['iframe', 'frame', 'script', 'embed', 'object', 'img', 'video', 'audio', 'source', 'input', 'link', 'image', 'use', 'feImage', 'base', 'meta', 'style'];
  const out = [];
  for (const document of documents) {
    const root = browser ? new DOMParser().parseFromString(document, 'text/html') : parse(document, { scriptingEnabled: false });
    const found = [];
    const stack = [root];
    while (stack.length) {
      const node = stack.pop();
      const tag = browser ? node.localName : node.tagName;
      if (tag && LOADERS.includes(tag)) {
        const attr = (name) => (browser ? node.getAttribute(name) : node.attrs.find((a) => a.name === name)?.value) ?? '';
        found.push(`${tag} ${attr('src') || attr('href') || attr('data') || attr('srcset')}`.trim());
      }
      let children = browser ? [...node.childNodes] : node.childNodes ?? [];
      if (tag === 'template') {
        const live = browser ? node.hasAttribute('shadowrootmode') : node.attrs.some((a) => a.name === 'shadowrootmode');
        children = live ? [...(browser ? node.content.childNodes : node.content.childNodes)] : [];
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    out.push(found);
  }
  return out;
}
