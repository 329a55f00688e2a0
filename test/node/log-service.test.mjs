// The consent log service on each storage: what it takes, what it refuses, what it gives back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { createLogService, widgetTexts } from '../../dist/log.mjs';
import { ORIGIN, TOKEN, receipt, storages } from './log-storages.mjs';

const cli = (args, env) => promisify(execFile)(process.execPath, ['bin/consent-gate.mjs', 'log', ...args], { env: { ...process.env, ...env } }).then(
  ({ stdout }) => ({ code: 0, output: stdout }),
  (error) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
);

for (const storage of storages) {
  describe(`consent log on ${storage.name}`, () => {
    let db, app, base;
    const post = (body, headers = {}) =>
      fetch(`${base}/receipts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const read = (path, token = TOKEN) => fetch(`${base}${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const count = async () => Number((await db.query('SELECT count(*)::int AS n FROM receipts'))[0].n);

    before(async () => {
      db = await storage.fresh();
      app = await createLogService({ log: db.log, origins: [ORIGIN], token: TOKEN, ratePerMinute: 1_000_000, requestTimeout: 1500 });
      base = await app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await app?.close();
      await db?.log.close();
      await db?.drop();
    });

    it('stores a receipt once however often it is sent, and gives it back with the texts shown', async () => {
      const [english] = await widgetTexts();
      const hash = await db.log.registerTexts(english.language, english.texts);
      const sent = receipt({ textsHash: hash });
      const first = await post(sent, { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) Secret/1.0' });
      assert.equal(first.status, 201);
      for (let i = 0; i < 3; i++) assert.equal((await post(sent)).status, 200, 'a retry is acknowledged, not stored again');
      const history = await (await read(`/receipts/${sent.consentId}`)).json();
      assert.equal(history.receipts.length, 1);
      assert.deepEqual(history.receipts[0].receipt, sent);
      assert.equal(history.receipts[0].origin, ORIGIN);
      assert.equal(history.receipts[0].texts.length, 1);
      assert.equal(history.receipts[0].texts[0].texts.bannerTitle, 'Your privacy on this site');
      const everything = JSON.stringify(await db.query('SELECT * FROM receipts'));
      assert.doesNotMatch(everything, /127\.0\.0\.1|Secret\/1\.0|Mozilla/, 'no IP address, no user agent');
    });

    it('answers CORS preflights for the configured origins only, and refuses receipts from another site', async () => {
      const preflight = (origin) =>
        fetch(`${base}/receipts`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
      const ours = await preflight(ORIGIN);
      assert.equal(ours.status, 204);
      assert.equal(ours.headers.get('access-control-allow-origin'), ORIGIN);
      assert.equal((await preflight('https://evil.example')).headers.get('access-control-allow-origin'), null);
      const before = await count();
      assert.equal((await post(receipt(), { Origin: 'https://evil.example' })).status, 403);
      assert.equal((await post(receipt(), { Origin: '' })).status, 403);
      assert.equal(await count(), before);
    });

    it('refuses a wrong content type, a 1 MB body and broken JSON with a 4xx, and keeps answering', async () => {
      const before = await count();
      assert.equal((await post(JSON.stringify(receipt()), { 'Content-Type': 'text/plain' })).status, 415);
      assert.equal((await post(JSON.stringify(receipt()), { 'Content-Type': 'application/x-www-form-urlencoded' })).status, 415);
      const huge = receipt({ vendors: Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`vendor-${i}`, true])) });
      assert.equal((await post(huge).catch(() => ({ status: 413 }))).status, 413);
      assert.equal((await post('{"consentId": ')).status, 400);
      assert.equal(await count(), before);
      assert.equal((await post(receipt())).status, 201, 'still answering');
    });

    it('cuts off a slow body (slowloris) and answers others meanwhile', async () => {
      const socket = connect(new URL(base).port, '127.0.0.1');
      const closed = new Promise((resolve) => socket.on('close', resolve));
      socket.on('error', () => {});
      socket.write(`POST /receipts HTTP/1.1\r\nHost: x\r\nOrigin: ${ORIGIN}\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{`);
      const drip = setInterval(() => socket.write(' '), 200);
      const started = Date.now();
      assert.equal((await post(receipt())).status, 201, 'another reader is answered meanwhile');
      await closed;
      clearInterval(drip);
      assert.ok(Date.now() - started < 5000, `cut off after ${Date.now() - started} ms`);
      assert.equal((await post(receipt())).status, 201);
    });

    it('refuses every malformed field with a 4xx naming it, stores nothing, never answers 5xx', async () => {
      const before = await count();
      const vendorId = /^[a-z0-9-]{1,64}$/;
      const bad = {
        consentId: fc.oneof(fc.string().filter((s) => !/^[0-9A-Za-z_-]{8,64}$/.test(s)), fc.integer(), fc.constant(null)),
        timestamp: fc.oneof(fc.string().filter((s) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(s)), fc.constant('2999-01-01T00:00:00.000Z'), fc.constant('2026-13-45T99:99:99.000Z'), fc.date({ noInvalidDate: true }).map(Number)),
        revision: fc.oneof(fc.double().filter((n) => !Number.isInteger(n) || n < 0), fc.integer({ max: -1 }), fc.constant(2 ** 31), fc.string()),
        vendors: fc.oneof(
          fc.dictionary(fc.string().filter((id) => !vendorId.test(id) && id !== '__proto__'), fc.boolean(), { minKeys: 1 }),
          fc.dictionary(fc.stringMatching(vendorId), fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { minKeys: 1 }),
          fc.constant(Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`v${i}`, true]))),
          fc.array(fc.boolean()),
          fc.string(),
        ),
        purposes: fc.oneof(fc.dictionary(fc.string().filter((p) => p !== '__proto__' && !['necessary', 'functional', 'analytics', 'advertising', 'embeds'].includes(p)), fc.boolean(), { minKeys: 1 }), fc.constant({ embeds: 'yes' }), fc.constant(null)),
        method: fc.oneof(fc.string().filter((m) => !['banner', 'dialog', 'placeholder', 'api'].includes(m)), fc.boolean()),
        gpc: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        language: fc.oneof(fc.string().filter((l) => !/^[a-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/.test(l)), fc.integer()),
        textsHash: fc.oneof(fc.string().filter((h) => !/^[0-9a-f]{8}$/.test(h)), fc.integer()),
      };
      for (const [field, values] of Object.entries(bad)) {
        await fc.assert(
          fc.asyncProperty(values, async (value) => {
            const response = await post({ ...receipt(), [field]: value });
            assert.ok(response.status >= 400 && response.status < 500, `${field}=${JSON.stringify(value)}: ${response.status}`);
            assert.match((await response.json()).field, new RegExp(`^${field}`), `the error names ${field}`);
          }),
          { numRuns: 40 },
        );
        const missing = receipt();
        delete missing[field];
        assert.equal((await post(missing)).status, 400, `without ${field}`);
      }
      await fc.assert(
        fc.asyncProperty(fc.string().filter((key) => !(key in receipt()) && key !== '__proto__'), fc.jsonValue(), async (key, value) => {
          const response = await post({ ...receipt(), [key]: value });
          assert.equal(response.status, 400);
        }),
        { numRuns: 40 },
      );
      // A "__proto__" key is refused by the JSON parser itself, before the schema.
      assert.equal((await post(JSON.stringify(receipt()).replace('"youtube"', '"__proto__"'))).status, 400);
      assert.equal(await count(), before, 'nothing stored');
    });

    it('keeps the read side for the bearer of the token', async () => {
      const sent = receipt();
      await post(sent);
      for (const path of [`/receipts/${sent.consentId}`, '/export', '/stats', '/verify']) {
        assert.equal((await read(path, '')).status, 401, path);
        assert.equal((await read(path, `${TOKEN.slice(0, -1)}x`)).status, 401, path);
        assert.equal((await read(path)).status, 200, path);
      }
      await assert.rejects(createLogService({ log: db.log, origins: [ORIGIN], token: 'short-token' }), /at least 32 characters/);
    });

    it('exports every receipt as NDJSON and CSV, and counts them in /stats', async () => {
      const rows = await count();
      const ndjson = (await (await read('/export')).text()).trim().split('\n').map((line) => JSON.parse(line));
      assert.equal(ndjson.length, rows);
      assert.deepEqual(ndjson.map((row) => row.seq), [...ndjson.map((row) => row.seq)].sort((a, b) => a - b));
      const csv = (await (await read('/export?format=csv')).text()).trim().split('\r\n');
      assert.equal(csv.length, rows + 1);
      assert.match(csv[0], /^seq,receivedAt,origin,consentId,/);
      const stats = await (await read('/stats?bucket=day')).json();
      assert.equal(stats.totals.receipts, rows);
      assert.equal(stats.totals.acceptAll + stats.totals.rejectAll + stats.totals.custom, rows);
      assert.deepEqual(stats.vendors.map((vendor) => vendor.id), ['x', 'youtube']);
      assert.equal(stats.vendors.find((vendor) => vendor.id === 'youtube').rate, 1);
      assert.equal((await read('/stats?bucket=year')).status, 400);
    });

    it('rate-limits one address (429, which the widget retries later)', async () => {
      const limited = await createLogService({ log: db.log, origins: [ORIGIN], ratePerMinute: 3 });
      const url = await limited.listen({ port: 0, host: '127.0.0.1' });
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await fetch(`${url}/receipts`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify(receipt()) })).status);
      }
      await limited.close();
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
    });

    it('verify passes on an untouched log and names the row after an UPDATE, a DELETE and an INSERT', async () => {
      const own = await storage.fresh();
      for (let i = 0; i < 5; i++) await own.log.append(receipt(), ORIGIN);
      // The embedded database has one user at a time: the test lets go of it while the CLI runs.
      const embedded = Boolean(own.dataDir);
      const verify = async () => {
        if (embedded) await own.log.close();
        const result = await cli(embedded ? ['verify', '--db', own.dataDir] : ['verify'], own.env);
        if (embedded) own.log = await own.open();
        return result;
      };
      const tamper = (text, params) => own.log.db.query(text, params);
      try {
        const untouched = await verify();
        assert.equal(untouched.code, 0, untouched.output);
        assert.match(untouched.output, /the chain verifies: rows 1 to 5/);

        const [row] = await tamper(`SELECT seq::int AS seq, body FROM receipts WHERE seq = 2`);
        await tamper(`UPDATE receipts SET body = jsonb_set(body, '{vendors,x}', 'true') WHERE seq = 2`);
        const updated = await verify();
        assert.equal(updated.code, 1);
        assert.match(updated.output, /row 2 .*was altered/);
        await tamper(`UPDATE receipts SET body = $1::text::jsonb WHERE seq = 2`, [JSON.stringify(row.body)]);
        assert.equal((await own.log.verify()).ok, true, 'restored');

        const [saved] = await tamper(`SELECT * FROM receipts WHERE seq = 3`);
        await tamper(`DELETE FROM receipts WHERE seq = 3`);
        const deleted = await verify();
        assert.equal(deleted.code, 1);
        assert.match(deleted.output, /row 3 was deleted/);
        await tamper(`INSERT INTO receipts SELECT * FROM json_populate_record(null::receipts, $1::text::json)`, [JSON.stringify(saved)]);
        assert.equal((await own.log.verify()).ok, true, 'restored');

        const forged = receipt();
        await tamper(
          `INSERT INTO receipts (seq, received_at, origin, consent_id, kind, body, hash) VALUES (6, now(), $1, $2, 'custom', $3::text::jsonb, $4)`,
          [ORIGIN, forged.consentId, JSON.stringify(forged), 'f'.repeat(64)],
        );
        const inserted = await verify();
        assert.equal(inserted.code, 1);
        assert.match(inserted.output, /row 6 .*was inserted/);
      } finally {
        await own.log.close();
        await own.drop();
      }
    });

    it('purges old receipts and the rest of the chain still verifies', async () => {
      const before = await count();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const cutoff = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (let i = 0; i < 3; i++) assert.equal((await post(receipt())).status, 201);
      const { deleted, startSeq } = await db.log.purge(1, new Date(cutoff + 86_400_000));
      assert.equal(deleted, before);
      assert.equal(await count(), 3);
      const verdict = await db.log.verify();
      assert.equal(verdict.ok, true, verdict.message);
      assert.equal(verdict.startSeq, startSeq);
      assert.equal(verdict.rows, 3);
    });
  });
}
