// The transform against input built to get past it (issue 15, items 2, 5, 6 and 11): whatever it
// cannot gate it reports, it takes linear time, it survives any nesting depth, and the CLI never
// leaves a half-written file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFragment } from 'parse5';
import { gateEmbeds } from '../../dist/transform.mjs';

const bin = fileURLToPath(new URL('../../bin/consent-gate.mjs', import.meta.url));
const transform = fileURLToPath(new URL('../../dist/transform.mjs', import.meta.url));
const cli = (args, input) => spawnSync(process.execPath, [bin, 'gate', ...args], { input, timeout: 60_000 });

/** The elements under a consent-gate's template in parse5's reading of the output, by tag name. */
function gatedTags(html) {
  const tags = [];
  const stack = [parseFragment(html)];
  while (stack.length) {
    const node = stack.pop();
    if (node.tagName === 'consent-gate') {
      const template = node.childNodes.find((child) => child.tagName === 'template');
      const inner = [template.content];
      while (inner.length) {
        const child = inner.pop();
        if (child.tagName) tags.push(child.tagName);
        inner.push(...(child.childNodes ?? []), ...(child.content ? [child.content] : []));
      }
      continue;
    }
    stack.push(...(node.childNodes ?? []), ...(node.content ? [node.content] : []));
  }
  return tags;
}

describe('the transform gates or reports what browsers run (item 2)', () => {
  const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-1';
  const types = [
    'text/javascript', 'application/javascript', 'application/ecmascript', 'application/x-ecmascript', 'application/x-javascript',
    'text/ecmascript', 'text/jscript', 'text/livescript', 'text/x-ecmascript', 'text/x-javascript', 'TEXT/JavaScript1.5',
    ...['1.0', '1.1', '1.2', '1.3', '1.4'].map((version) => `text/javascript${version}`), ' text/javascript ', '', 'module',
  ];

  it('every script type the HTML standard treats as JavaScript, the language attribute, and modules are blocked', () => {
    const cases = [...types.map((type) => `<script type="${type}" src="${GTAG}"></script>`), ...['javascript', 'livescript', 'jscript', 'javascript1.5'].map((language) => `<script language="${language}" src="${GTAG}"></script>`)];
    for (const input of cases) {
      const { html, blocked, ungated } = gateEmbeds(input);
      assert.deepEqual(blocked, ['google-analytics'], input);
      assert.deepEqual(ungated, [], input);
      assert.match(html, /^<script type="text\/plain" data-consent="google-analytics"/, input);
    }
  });

  it('import maps and speculation rules that name a vendor are gated, other ones reported', () => {
    for (const type of ['importmap', 'speculationrules']) {
      const body = type === 'importmap' ? '{"imports":{"yt":"https://www.youtube.com/iframe_api"}}' : '{"prefetch":[{"urls":["https://www.youtube.com/embed/x"]}]}';
      assert.deepEqual(gateEmbeds(`<script type="${type}">${body}</script>`).gated, ['youtube'], type);
      const other = gateEmbeds(`<script type="${type}">${body.replace('www.youtube.com', 'cdn.example.net')}</script>`);
      assert.deepEqual(other.unknown, [type === 'importmap' ? 'https://cdn.example.net/iframe_api' : 'https://cdn.example.net/embed/x'], type);
    }
  });

  it('data blocks (JSON-LD, templates, text/plain) are left alone and not reported', () => {
    const input = '<script type="application/ld+json">{"embedUrl":"https://www.youtube.com/embed/x"}</script><script type="text/x-template"><iframe src="https://www.youtube.com/embed/x"></iframe></script>';
    assert.deepEqual(gateEmbeds(input), { html: input, gated: [], blocked: [], removed: [], ungated: [], unknown: [] });
  });

  it('an SVG script loading from its href or xlink:href is gated with its <svg>', () => {
    for (const attr of ['href', 'xlink:href']) {
      const input = `<p>Chart</p><svg width="10" height="10"><circle r="5"/><script ${attr}="https://platform.twitter.com/widgets.js"></script></svg>`;
      const { html, gated, ungated } = gateEmbeds(input);
      assert.deepEqual(gated, ['x'], attr);
      assert.deepEqual(ungated, [], attr);
      assert.equal(html, `<p>Chart</p><consent-gate vendor="x"><template>${input.slice('<p>Chart</p>'.length)}</template></consent-gate>`);
    }
  });

  it('URLs are read as the browser reads them: backslashes, tabs and newlines, scheme-relative backslashes', () => {
    for (const src of ['https:\\\\www.youtube.com\\embed\\ID', '\\\\www.youtube.com/embed/ID', '/\\www.youtube.com/embed/ID', 'ht&#9;tps://www.youtube.com/embed/ID', 'https://www.you&#10;tube.com/embed/ID', ' \thttps://WWW.YOUTUBE.COM/embed/ID', 'HTTPS://www.youtube.com./embed/ID'.replace('.com.', '.com')]) {
      const { gated, ungated } = gateEmbeds(`<iframe src="${src}" width="560" height="315"></iframe>`);
      assert.deepEqual(gated, ['youtube'], src);
      assert.deepEqual(ungated, [], src);
    }
  });

  it('an embed in a declarative shadow root (<template shadowrootmode>) is gated where it is', () => {
    for (const mode of ['open', 'closed', 'OPEN']) {
      const input = `<div><template shadowrootmode="${mode}"><iframe src="https://www.youtube.com/embed/ID"></iframe></template></div>`;
      const { gated, ungated } = gateEmbeds(input);
      assert.deepEqual(gated, ['youtube'], mode);
      assert.deepEqual(ungated, [], mode);
    }
    const unknown = gateEmbeds('<div><template shadowrootmode="open"><img src="https://pixel.example.net/p.gif"></template></div>');
    assert.deepEqual(unknown.unknown, ['https://pixel.example.net/p.gif']);
  });

  it('an iframe inside <select> (parse5 drops it, Chromium keeps it) is reported with its vendor', () => {
    const { html, gated, ungated } = gateEmbeds('<select><option>A</option><iframe src="https://www.youtube.com/embed/ID"></iframe></select>');
    assert.deepEqual(gated, []);
    assert.equal(html.includes('<iframe'), true);
    assert.equal(ungated.length, 1);
    assert.match(ungated[0].what, /parse5 drops/);
    assert.equal(ungated[0].vendor, 'youtube');
    assert.equal(ungated[0].url, 'https://www.youtube.com/embed/ID');
  });

  it('loose content in an existing <consent-gate> (outside its template) is reported', () => {
    const input = '<consent-gate vendor="youtube"><template><iframe src="https://www.youtube.com/embed/a"></iframe></template><script slot="x">fetch("https://collect.example.net/")</script><iframe slot="x" src="https://www.youtube.com/embed/b"></iframe><template shadowrootmode="open"><img src="https://pixel.example.net/p.gif"></template></consent-gate>';
    const { html, ungated } = gateEmbeds(input);
    assert.equal(html, input, 'the gate is kept as written');
    const reported = ungated.map(({ what, url }) => `${what} ${url ?? ''}`.trim());
    assert.ok(reported.includes('inline script https://collect.example.net/'), reported.join('\n'));
    assert.ok(reported.includes('inline script'));
    assert.ok(reported.includes('iframe https://www.youtube.com/embed/b'));
    assert.ok(reported.includes('img https://pixel.example.net/p.gif'));
  });

  it('a stray </template> in an embed cannot close the gate early', () => {
    const post = '<blockquote class="twitter-tweet"><p>Post</p></template><a href="https://twitter.com/a/status/1">link</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js"></script>';
    const { html, gated, ungated } = gateEmbeds(`<p>Before</p>${post}<p>After</p>`);
    assert.deepEqual(gated, ['x']);
    assert.deepEqual(ungated, []);
    assert.deepEqual(gatedTags(html).sort(), ['a', 'blockquote', 'p', 'script']);
    assert.ok(html.endsWith('</template></consent-gate><p>After</p>'));
  });

  it('inline code, handlers, data: and javascript: frames, third-party images, styles and <base> are reported', () => {
    const cases = {
      '<script>var s=document.createElement("script");s.src="https://cdn.example.net/x.js"</script>': 'inline script',
      '<img src="/own.png" onerror="alert(1)">': 'inline event handler onerror',
      '<iframe src="javascript:alert(1)"></iframe>': 'iframe with a javascript: URL',
      '<script src="data:text/javascript,alert(1)"></script>': 'script with a data: URL',
      '<img src="https://pixel.example.net/p.gif">': 'img',
      '<video poster="https://cdn.example.net/p.jpg"></video>': 'video',
      '<p style="background:url(https://cdn.example.net/b.png)">x</p>': 'style attribute',
      '<p style="background:u\\72l(https://cdn.example.net/b.png)">x</p>': 'style attribute with CSS escapes (not read)',
      '<style>@import "https://cdn.example.net/s.css";</style>': 'style element',
      '<link rel="preconnect" href="https://cdn.example.net">': 'link rel="preconnect"',
      '<meta http-equiv="refresh" content="0; url=https://example.net/">': 'meta refresh',
      '<base href="https://cdn.example.net/"><script src="/x.js"></script>': 'base href: relative URLs load from another host',
      '<iframe srcdoc="<script src=https://cdn.example.net/x.js></script>"></iframe>': 'in srcdoc: script',
    };
    for (const [input, what] of Object.entries(cases)) {
      const { html, ungated } = gateEmbeds(input);
      assert.equal(html, input);
      assert.ok(ungated.some((finding) => finding.what === what), `${input}: ${JSON.stringify(ungated)}`);
    }
  });
});

describe('tracking pixels in <noscript> (item 11)', () => {
  it("Meta Pixel's published snippet: the script is blocked and the noscript pixel removed and reported", () => {
    const snippet = `<!-- Meta Pixel Code -->
<script>
!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window, document,'script','https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '1234567890');
fbq('track', 'PageView');
</script>
<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=1234567890&ev=PageView&noscript=1"/></noscript>
<!-- End Meta Pixel Code -->`;
    const document = `<!DOCTYPE html><html><head><title>T</title>${snippet}</head><body><p>Text</p></body></html>`;
    const { html, blocked, removed, ungated } = gateEmbeds(document);
    assert.deepEqual(blocked, ['meta-pixel']);
    assert.deepEqual(removed.map(({ vendor, url }) => [vendor, url]), [['meta-pixel', 'https://www.facebook.com/tr?id=1234567890&ev=PageView&noscript=1']]);
    assert.ok(!html.includes('<noscript>'));
    assert.deepEqual(ungated, []);
  });

  it("Google Tag Manager's noscript frame is removed; a noscript with the publisher's own image stays", () => {
    const gtm = '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-XXXX" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>';
    const own = '<noscript><img src="/photo.jpg" alt="Photo"></noscript>';
    const { html, removed } = gateEmbeds(`<p>A</p>${gtm}${own}`);
    assert.equal(html, `<p>A</p>${own}`);
    assert.deepEqual(removed.map(({ vendor }) => vendor), ['google-tag-manager']);
    const unknown = gateEmbeds('<noscript><img src="https://pixel.example.net/p.gif"></noscript>');
    assert.match(unknown.ungated[0].what, /noscript/);
    assert.deepEqual(unknown.unknown, ['https://pixel.example.net/p.gif']);
  });
});

describe('linear time (item 5)', () => {
  /** Runs the transform in a child process with a time limit: a runaway regular expression cannot be interrupted in-process. */
  function timed(input, limitMs) {
    const file = join(mkdtempSync(join(tmpdir(), 'cg-')), 'in.html');
    writeFileSync(file, input);
    const code = `import { gateEmbeds } from ${JSON.stringify(transform)}; import { readFileSync } from 'node:fs';
      const html = readFileSync(${JSON.stringify(file)}, 'utf8'); const start = performance.now(); gateEmbeds(html); console.log(performance.now() - start);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { timeout: limitMs });
    assert.equal(run.status, 0, `did not finish within ${limitMs} ms`);
    return Number(run.stdout.toString());
  }

  it('WordPress posts of 40 blocks and runs of empty comments finish at once', () => {
    const post = Array.from({ length: 40 }, (_, i) => `<!-- wp:paragraph -->\n<p>Paragraph ${i}</p>\n<!-- /wp:paragraph -->\n\n`).join('');
    timed(post, 20_000);
    timed(`${'<!---->'.repeat(30)}<!`, 20_000);
    timed(`${'<!---->'.repeat(30)}<x`, 20_000);
  });

  it('a megabyte of spaces in a script type, commas in a srcset, url( in a style or // in a script finishes at once', () => {
    const n = 1_000_000;
    timed(`<script type="${' '.repeat(n)}x" src="https://www.youtube.com/x"></script>`, 30_000);
    timed(`<img srcset="${','.repeat(n)}a,">`, 30_000);
    timed(`<meta http-equiv="refresh" content="0;url${' '.repeat(n)}x">`, 30_000);
    timed(`<p style="${'url('.repeat(n / 4)}">x</p><style>${"url('".repeat(n / 5)}</style>`, 30_000);
    timed(`<script>${'//a.bc'.repeat(n / 6)}</script>`, 30_000);
  });

  it('10 MB of an article and of hostile patterns take time in proportion to their size', () => {
    const article = (size) => {
      const parts = [
        '<!-- wp:paragraph --><p>Paragraph with <a href="https://example.org/">a link</a> and <b>bold</b>.</p><!-- /wp:paragraph -->\n',
        '<iframe src="https://www.youtube.com/embed/ID" width="560" height="315"></iframe>\n',
        `<script>var u="//${'a.'.repeat(200)}"+"//x"</script><!---->${'<!---->'.repeat(20)}\n`,
        `<p style="${'url('.repeat(50)}">${'<b>'.repeat(5)}x</p>\n`,
      ];
      let html = '';
      for (let i = 0; html.length < size; i++) html += parts[i % parts.length];
      return html;
    };
    const small = timed(article(1e6), 120_000);
    const large = timed(article(10e6), 240_000);
    assert.ok(large < small * 25, `10 MB took ${Math.round(large)} ms, 1 MB ${Math.round(small)} ms: not linear`);
  });
});

describe('deep nesting and the CLI (item 6)', () => {
  const nested = (depth) => `${'<div>'.repeat(depth)}<iframe src="https://www.youtube.com/embed/ID"></iframe>${'</div>'.repeat(depth)}`;

  it('3,500 and 100,000 nested elements: no stack overflow; an embed deeper than Chromium builds (512) is reported, not gated', () => {
    for (const depth of [3500, 100_000]) {
      const { html, gated, ungated } = gateEmbeds(nested(depth));
      assert.equal(html, nested(depth));
      assert.deepEqual(gated, [], `${depth}`);
      assert.deepEqual(ungated.map(({ url, vendor }) => [url, vendor]), [['https://www.youtube.com/embed/ID', 'youtube']]);
    }
    // Chromium moves what is nested deeper than 512 elements up the tree, out of a <template>.
    const deepGate = `${'<div>'.repeat(600)}<consent-gate vendor="youtube"><template><iframe src="https://www.youtube.com/embed/ID"></iframe></template></consent-gate>`;
    assert.deepEqual(gateEmbeds(deepGate).unknown, [], 'youtube is claimed');
    assert.deepEqual(gateEmbeds(deepGate).ungated.map(({ url }) => url), ['https://www.youtube.com/embed/ID']);
    assert.deepEqual(gateEmbeds(nested(400)).gated, ['youtube']);
  });

  it('the CLI gates a 3,500-deep input to stdout', () => {
    const run = cli([], nested(3500));
    assert.equal(run.status, 0, run.stderr.toString());
    assert.equal(run.stdout.toString(), gateEmbeds(nested(3500)).html);
  });

  it('-o writes the output file whole, through a temporary file in its directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-'));
    const input = '<p>Hi</p><iframe src="https://player.vimeo.com/video/1"></iframe>';
    for (const args of [['-o', join(dir, 'out.html')], [`--output=${join(dir, 'out2.html')}`], ['--output', join(dir, 'out3.html')]]) {
      const run = cli(args, input);
      assert.equal(run.status, 0, run.stderr.toString());
      assert.equal(run.stdout.length, 0);
    }
    for (const name of ['out.html', 'out2.html', 'out3.html']) assert.equal(readFileSync(join(dir, name), 'utf8'), gateEmbeds(input).html);
    assert.deepEqual(readdirSync(dir).sort(), ['out.html', 'out2.html', 'out3.html'], 'no temporary file left');
  });

  it('on failure nothing is written, to the output file or to stdout, and stderr says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-'));
    const out = join(dir, 'gated.html');
    writeFileSync(out, 'the previous version');
    const notUtf8 = Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x74, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]);
    const run = cli(['-o', out], notUtf8);
    assert.equal(run.status, 1);
    assert.match(run.stderr.toString(), /nothing written to .*gated\.html: the input is not valid UTF-8/);
    assert.equal(readFileSync(out, 'utf8'), 'the previous version');
    assert.deepEqual(readdirSync(dir), ['gated.html']);
    const toStdout = cli([], notUtf8);
    assert.equal(toStdout.status, 1);
    assert.equal(toStdout.stdout.length, 0);
    const missingDir = cli(['-o', join(dir, 'no-such-dir', 'x.html')], '<p>x</p>');
    assert.equal(missingDir.status, 1);
    assert.match(missingDir.stderr.toString(), /nothing written .*ENOENT/);
  });
});
