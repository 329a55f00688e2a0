// The storages the consent log's tests run on: the embedded database always, and PostgreSQL when
// CONSENT_LOG_TEST_DATABASE_URL names a server (.ci/run starts a throwaway cluster and sets it).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import postgres from 'postgres';
import { ConsentLog, openEmbedded, openPostgres } from '../../dist/log.mjs';

const serverUrl = process.env.CONSENT_LOG_TEST_DATABASE_URL;

let template;
/** initdb once per test process, then a copy per log: a fresh embedded log opens in about a second. */
async function embeddedTemplate() {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consent-log-template-'));
    const log = await ConsentLog.open(await openEmbedded(dir));
    await log.close();
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  return template;
}

/**
 * Each storage: `fresh()` makes an empty database and returns `{ log, open, url, dataDir, query, drop }`:
 * `open()` opens another ConsentLog on it, `url`/`dataDir` are what the CLI is given, `query` runs SQL
 * straight on the database (as someone tampering with it would), `drop()` removes it.
 */
export const storages = [
  {
    name: 'embedded (PGlite)',
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), 'consent-log-'));
      cpSync(await embeddedTemplate(), dataDir, { recursive: true });
      const open = async () => ConsentLog.open(await openEmbedded(dataDir));
      const log = await open();
      return {
        log,
        open,
        dataDir,
        env: { DATABASE_URL: '' },
        query: (text, params) => log.db.query(text, params),
        drop: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
  ...(serverUrl
    ? [
        {
          name: 'PostgreSQL',
          async fresh() {
            const name = `consent_log_${randomBytes(6).toString('hex')}`;
            const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
            await admin.unsafe(`CREATE DATABASE ${name}`);
            const url = new URL(serverUrl);
            url.pathname = `/${name}`;
            const open = async () => ConsentLog.open(await openPostgres(url.href));
            const log = await open();
            return {
              log,
              open,
              url: url.href,
              env: { DATABASE_URL: url.href },
              query: (text, params) => log.db.query(text, params),
              drop: async () => {
                await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
                await admin.end();
              },
            };
          },
        },
      ]
    : []),
];

/** A valid receipt as the widget sends it; `overrides` change fields. */
let counter = 0;
export function receipt(overrides = {}) {
  counter += 1;
  return {
    consentId: `${randomBytes(6).toString('hex')}${String(counter).padStart(4, '0')}`,
    timestamp: new Date(Date.now() - 1000).toISOString(),
    revision: 1,
    vendors: { youtube: true, x: false },
    purposes: { embeds: true, functional: false },
    method: 'banner',
    gpc: false,
    language: 'en',
    textsHash: '0a1b2c3d',
    ...overrides,
  };
}

export const TOKEN = 'a-test-read-token-of-forty-characters-00';
export const ORIGIN = 'https://news.example';

/** `consent-gate log serve` in its own process on a free port; `url` resolves once it listens. */
export function serveLog(env, args) {
  const child = spawn(process.execPath, ['bin/consent-gate.mjs', 'log', 'serve', '--port', '0', '--origin', ORIGIN, '--rate-limit', '100000000', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise((resolve, reject) => {
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the log service exited (${code}) before listening: ${output}`)));
  });
  return { child, url };
}
