// Nothing lost: under load, after a SIGKILL, and (PostgreSQL) while the database is away.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import autocannon from 'autocannon';
import { createLogService } from '../../dist/log.mjs';
import { pgCtl, startCluster, stopCluster } from '../../scripts/test-postgres.mjs';
import { ORIGIN, TOKEN, receipt, serveLog, storages } from './log-storages.mjs';

const headers = { 'Content-Type': 'application/json', Origin: ORIGIN };

const post = (url, body) => fetch(`${url}/receipts`, { method: 'POST', headers, body: JSON.stringify(body) }).then((response) => response.status, () => 0);

/** Every consentId stored, read back through the export. */
async function storedIds(url) {
  const text = await (await fetch(`${url}/export`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
  return new Set(text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line).receipt.consentId));
}

for (const storage of storages) {
  describe(`nothing lost on ${storage.name}`, () => {
    let db;
    before(async () => (db = await storage.fresh()));
    after(async () => {
      await db?.log.close().catch(() => {});
      await db?.drop();
    });

    it('stores exactly the receipts it acknowledged under load', async () => {
      const app = await createLogService({ log: db.log, origins: [ORIGIN], ratePerMinute: 1_000_000 });
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const [{ n: before }] = await db.log.db.query('SELECT count(*)::int AS n FROM receipts');
      const result = await autocannon({
        url: `${url}/receipts`,
        method: 'POST',
        headers,
        connections: 16,
        amount: 1000,
        timeout: 10,
        maxOverallRequests: 1000,
        requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(receipt()) }) }],
      });
      const [{ n: afterwards }] = await db.log.db.query('SELECT count(*)::int AS n FROM receipts');
      await app.close();
      assert.ok(result['2xx'] > 500, `${result['2xx']} acknowledged`);
      assert.equal(afterwards - before, result['2xx']);
      assert.equal((await db.log.verify()).ok, true);
    });

    it('loses no acknowledged receipt when killed mid-load, and retries deliver the rest', async () => {
      await db.log.close();
      const args = db.dataDir ? ['--db', db.dataDir] : [];
      const first = serveLog({ CONSENT_LOG_TOKEN: TOKEN, ...db.env }, args);
      const url = await first.url;
      const all = Array.from({ length: 600 }, () => receipt());
      const acknowledged = [];
      const unacknowledged = [];
      let next = 0;
      const worker = async () => {
        while (next < all.length) {
          const each = all[next++];
          if (acknowledged.length === 150) first.child.kill('SIGKILL');
          ((await post(url, each)) === 201 ? acknowledged : unacknowledged).push(each);
        }
      };
      await Promise.all(Array.from({ length: 12 }, worker));
      assert.ok(acknowledged.length >= 150 && unacknowledged.length > 0, `${acknowledged.length} acknowledged, ${unacknowledged.length} not`);

      const second = serveLog({ CONSENT_LOG_TOKEN: TOKEN, ...db.env }, args);
      const again = await second.url;
      try {
        const stored = await storedIds(again);
        const lost = acknowledged.filter((each) => !stored.has(each.consentId));
        assert.deepEqual(lost, [], 'every acknowledged receipt survived the kill');
        // The widget keeps what was not acknowledged and sends it again: some were committed before the kill.
        for (const each of unacknowledged) assert.ok([200, 201].includes(await post(again, each)));
        const final = await storedIds(again);
        assert.equal(all.filter((each) => final.has(each.consentId)).length, all.length);
        const verdict = await (await fetch(`${again}/verify`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
        assert.equal(verdict.ok, true, verdict.message);
      } finally {
        second.child.kill('SIGTERM');
        await new Promise((resolve) => second.child.once('exit', resolve));
        db.log = await db.open();
      }
    });
  });
}

describe('PostgreSQL going away', { skip: !process.env.CONSENT_LOG_TEST_DATABASE_URL && 'PostgreSQL only (CONSENT_LOG_TEST_DATABASE_URL)' }, () => {
  let cluster, log, app, url;
  before(async () => {
    cluster = await startCluster();
    const { openLog } = await import('../../dist/log.mjs');
    log = await openLog({ databaseUrl: cluster.url, dataDir: '' });
    app = await createLogService({ log, origins: [ORIGIN], ratePerMinute: 1_000_000 });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app?.close();
    await log?.close().catch(() => {});
    if (cluster) stopCluster(cluster.dir);
  });

  it('answers 503 while the database is stopped and recovers by itself when it is back', async () => {
    assert.equal(await post(url, receipt()), 201);
    pgCtl(cluster, 'stop');
    const kept = receipt();
    assert.equal(await post(url, kept), 503, 'the widget keeps the receipt');
    assert.equal((await fetch(`${url}/health`)).status, 503);
    pgCtl(cluster, 'start');
    let status = 0;
    for (let tries = 0; tries < 40 && status !== 201; tries++) {
      status = await post(url, kept);
      if (status !== 201) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.equal(status, 201, 'stored once PostgreSQL is back, without a restart');
    assert.equal((await fetch(`${url}/health`)).status, 200);
    assert.equal((await log.verify()).ok, true);
  });
});
