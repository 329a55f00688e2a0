// The transform's throughput and peak memory on a 10 MB article: `node bench/transform.mjs` after
// `npm run build` (npm run bench runs it too). BENCH_TRANSFORM_MB sets the size, BENCH_RUNS the runs.
import { gateEmbeds } from '../dist/transform.mjs';

const MEGABYTES = Number(process.env.BENCH_TRANSFORM_MB ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** A long article: paragraphs with links and images, WordPress block comments, and an embed in every 12 blocks. */
function article(bytes) {
  const embeds = [
    '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper"><iframe width="560" height="315" src="https://www.youtube.com/embed/ID" title="YouTube video player" allowfullscreen></iframe></div></figure>',
    '<blockquote class="twitter-tweet"><p lang="en">A post</p>&mdash; Someone (@someone) <a href="https://twitter.com/someone/status/1">May 1, 2026</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
    '<iframe src="https://player.vimeo.com/video/1" width="640" height="360" allow="autoplay; fullscreen"></iframe>',
    '<iframe src="https://datawrapper.dwcdn.net/abc/1/" scrolling="no" frameborder="0" style="width: 0; min-width: 100% !important; border: none;" height="400"></iframe><script type="text/javascript">!function(){"use strict";window.addEventListener("message",function(a){})}();</script>',
  ];
  const block = (i) =>
    i % 12 === 11
      ? `${embeds[(i / 12) % embeds.length | 0]}\n`
      : `<!-- wp:paragraph -->\n<p>Paragraph ${i} of the story, with <a href="/news/${i}">a link</a>, <em>emphasis</em> and an image <img src="/images/${i}.jpg" alt="Photo ${i}" width="640" height="360" loading="lazy">.</p>\n<!-- /wp:paragraph -->\n`;
  const parts = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = block(i);
    parts.push(part);
    length += part.length;
  }
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body><main>\n${parts.join('')}</main></body></html>\n`;
}

const html = article(MEGABYTES * 1e6);
const megabytes = Buffer.byteLength(html) / 1e6;
const rssBefore = process.memoryUsage().rss;
const times = [];
const cpuTimes = [];
let gates = 0;
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  gates = gateEmbeds(html).gated.length;
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  times.push(performance.now() - start);
}
const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const median = middle(times);
// CPU time too: on a shared machine the wall clock also counts other processes' turns.
const cpuMedian = middle(cpuTimes);
const peakMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
console.log(
  `transform: ${megabytes.toFixed(1)} MB article, ${gates} gates: ${(megabytes / (median / 1000)).toFixed(1)} MB/s ` +
    `(median of ${RUNS}: ${Math.round(median)} ms; ${(megabytes / (cpuMedian / 1000)).toFixed(1)} MB/s of CPU time), peak memory ${Math.round(peakMb)} MB RSS (${Math.round(peakMb - rssBefore / 1e6)} MB above the article in memory)`,
);
