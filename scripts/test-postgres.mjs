// A throwaway PostgreSQL cluster for the consent log's tests, from Debian's `postgresql` package:
// initdb in a temporary directory, started on 127.0.0.1 on a free port, trust authentication.
//   node scripts/test-postgres.mjs start   → prints CONSENT_LOG_TEST_DATABASE_URL=… and PGDATA_DIR=…
//   node scripts/test-postgres.mjs stop DIR
// initdb refuses to run as root: as root, the cluster belongs to the `postgres` user.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The newest installed server's bin directory (or PG_BIN), undefined when there is none. */
export function postgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const [newest] = readdirSync(root).filter((version) => existsSync(join(root, version, 'bin/pg_ctl'))).sort((a, b) => b - a);
  return newest && join(root, newest, 'bin');
}

const asRoot = process.getuid?.() === 0;
const run = (tool, args) =>
  asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', join(postgresBin(), tool), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : execFileSync(join(postgresBin(), tool), args, { stdio: ['ignore', 'pipe', 'pipe'] });

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts or stops the server of a cluster made by startCluster (its data survives a stop). */
export function pgCtl(cluster, action) {
  const options = `-p ${cluster.port} -k ${cluster.dir} -c listen_addresses=127.0.0.1 -c max_connections=50`;
  run('pg_ctl', ['-D', join(cluster.dir, 'data'), '-l', join(cluster.dir, 'server.log'), '-w', '-t', '30', '-m', 'fast', '-o', options, action]);
}

export async function startCluster() {
  const dir = mkdtempSync(join(tmpdir(), 'consent-log-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']));
    const gid = Number(execFileSync('id', ['-g', 'postgres']));
    chownSync(dir, uid, gid);
  }
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const cluster = { dir, port: await freePort() };
  pgCtl(cluster, 'start');
  return { ...cluster, url: `postgres://postgres@127.0.0.1:${cluster.port}/postgres` };
}

export function stopCluster(dir) {
  try {
    run('pg_ctl', ['-D', join(dir, 'data'), '-w', '-m', 'immediate', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [action, dir] = process.argv.slice(2);
  if (action === 'start') {
    const cluster = await startCluster();
    process.stdout.write(`CONSENT_LOG_TEST_DATABASE_URL=${cluster.url}\nCONSENT_LOG_TEST_PG_DIR=${cluster.dir}\n`);
  } else if (action === 'stop' && dir) stopCluster(dir);
  else {
    process.stderr.write('usage: node scripts/test-postgres.mjs start | stop DIR\n');
    process.exit(2);
  }
}
