// The consent log's throughput: `consent-gate log serve` in its own process on 127.0.0.1, fed by
// autocannon with fresh receipts for a fixed time; prints sustained receipts/s and p50/p99 latency
// on the embedded database and, when CONSENT_LOG_TEST_DATABASE_URL or DATABASE_URL names one, on
// PostgreSQL. BENCH_LOG_SECONDS sets the time per storage (default 10).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { ORIGIN, serveLog } from '../test/node/log-storages.mjs';

const SECONDS = Number(process.env.BENCH_LOG_SECONDS ?? 10);

const receipt = () =>
  JSON.stringify({
    consentId: randomBytes(8).toString('hex'),
    timestamp: new Date().toISOString(),
    revision: 1,
    vendors: { youtube: true, x: false, 'google-analytics': true, 'rte-player': true },
    purposes: { embeds: true, analytics: true, functional: false },
    method: 'banner',
    gpc: false,
    language: 'en',
    textsHash: '0a1b2c3d',
  });

async function measure(name, env, args) {
  const { child, url } = serveLog(env, args);
  try {
    const base = await url;
    const result = await autocannon({
      url: `${base}/receipts`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      connections: 32,
      duration: SECONDS,
      requests: [{ setupRequest: (request) => ({ ...request, body: receipt() }) }],
    });
    const perSecond = Math.round(result['2xx'] / (result.duration || SECONDS));
    console.log(
      `consent log on ${name}: ${perSecond} receipts/s sustained over ${SECONDS} s; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
    return { receiptsPerSecond: perSecond, p50: result.latency.p50, p99: result.latency.p99 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function benchLog() {
  const results = {};
  const dir = mkdtempSync(join(tmpdir(), 'consent-log-bench-'));
  try {
    results.embedded = await measure('the embedded database (PGlite)', { DATABASE_URL: '' }, ['--db', dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.CONSENT_LOG_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) results.postgresql = await measure('PostgreSQL', { DATABASE_URL: url }, []);
  else console.log('consent log on PostgreSQL: not measured (set CONSENT_LOG_TEST_DATABASE_URL or DATABASE_URL)');
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchLog();
