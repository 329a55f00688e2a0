import { fnv1a } from '../core/fingerprint.js';
import type { ConsentReceipt } from '../standards/receipts.js';
import { GENESIS, chainHash, choiceKind, type LogRow } from './chain.js';
import { SCHEMA, monthPartition, type Database, type Queryable } from './database.js';

/** A stored receipt as the read side returns it. */
export interface StoredReceipt extends LogRow {
  hash: string;
}

/** The wording registered for a `textsHash`. */
export interface RegisteredTexts {
  language: string;
  registeredAt: string;
  /** The texts as the widget hashed them (JSON: every text, sentences with `{vendor}` and `2`). */
  texts: unknown;
}

export type Verdict =
  | { ok: true; rows: number; startSeq: number; headSeq: number; headHash: string }
  | { ok: false; seq: number; problem: 'altered' | 'deleted' | 'inserted'; message: string };

export type Bucket = 'day' | 'week' | 'month';

interface Pending {
  receipt: ConsentReceipt;
  origin: string;
  resolve: (result: { stored: boolean }) => void;
  reject: (cause: unknown) => void;
}

interface RowRecord {
  seq: string;
  received_at: Date | string;
  origin: string;
  body: ConsentReceipt;
  hash: string;
  consent_id?: string;
  kind?: string;
}

// JSON parameters are passed as text and cast in SQL (`$1::text::json`): typed as json, the
// PostgreSQL client would encode the already-encoded string a second time.

/** Receipts committed together at most (one transaction, one hash-chain lock). */
const BATCH = 256;
/** Rows read at a time by the export and the verification: memory stays flat for any log size. */
const PAGE = 1000;

const iso = (value: Date | string): string => new Date(value).toISOString();
const toRow = (record: RowRecord): StoredReceipt => ({
  seq: Number(record.seq),
  receivedAt: iso(record.received_at),
  origin: record.origin,
  receipt: record.body,
  hash: record.hash,
});

/**
 * The consent log on one database: appends receipts to a hash chain (receipts arriving together
 * share a transaction, each acknowledged only once it is committed), and reads them back.
 */
export class ConsentLog {
  private readonly pending: Pending[] = [];
  private writing = false;
  private readonly partitions = new Set<string>();
  private lastReceived = 0;

  private constructor(readonly db: Database) {}

  static async open(db: Database): Promise<ConsentLog> {
    await db.exec(SCHEMA);
    await db.query(
      `INSERT INTO chain (id, head_seq, head_hash, start_seq, start_hash) VALUES (1, 0, $1, 0, $1) ON CONFLICT (id) DO NOTHING`,
      [GENESIS],
    );
    return new ConsentLog(db);
  }

  /**
   * Stores a receipt once: `stored` is false when the same consentId and timestamp were stored
   * before (a retry). Resolves only after the commit; rejects when the database fails.
   */
  append(receipt: ConsentReceipt, origin: string): Promise<{ stored: boolean }> {
    return new Promise((resolve, reject) => {
      this.pending.push({ receipt, origin, resolve, reject });
      if (!this.writing) void this.write();
    });
  }

  private async write(): Promise<void> {
    this.writing = true;
    while (this.pending.length) {
      // Let the requests that have arrived meanwhile join this commit. (The embedded database runs
      // on this thread: without the pause each commit would carry one receipt.)
      await new Promise((resolve) => setImmediate(resolve));
      const batch = this.pending.splice(0, BATCH);
      try {
        const results = await this.commit(batch);
        batch.forEach((entry, i) => entry.resolve(results[i]!));
      } catch (cause) {
        for (const entry of batch) entry.reject(cause);
      }
    }
    this.writing = false;
  }

  private async ensurePartition(date: Date): Promise<void> {
    const { name, create } = monthPartition(date);
    if (this.partitions.has(name)) return;
    try {
      await this.db.exec(create);
    } catch {
      // Another process created it meanwhile, or the default partition already holds rows of that
      // month: the rows go there, nothing is lost.
    }
    this.partitions.add(name);
  }

  private async commit(batch: Pending[]): Promise<{ stored: boolean }[]> {
    // Never earlier than the previous batch: the chain's order is also the time order.
    this.lastReceived = Math.max(Date.now(), this.lastReceived);
    const receivedAt = new Date(this.lastReceived);
    await this.ensurePartition(receivedAt);
    return this.db.transaction(async (tx) => {
      // The lock on the chain's head orders every writer, in this process and in others; the
      // receipts of this batch stored before (retries) come back with it.
      const [head] = await tx.query<{ seq: string; hash: string; known: { consent_id: string; timestamp: string }[] | null }>(
        `WITH head AS (SELECT head_seq, head_hash FROM chain WHERE id = 1 FOR UPDATE)
         SELECT head_seq::text AS seq, head_hash AS hash,
                (SELECT json_agg(json_build_object('consent_id', consent_id, 'timestamp', body->>'timestamp')) FROM receipts
                 WHERE consent_id IN (SELECT json_array_elements_text($1::text::json))) AS known
         FROM head`,
        [JSON.stringify([...new Set(batch.map((entry) => entry.receipt.consentId))])],
      );
      const seen = new Set((head!.known ?? []).map((row) => `${row.consent_id} ${row.timestamp}`));
      let seq = Number(head!.seq);
      let hash = head!.hash;
      const rows = [];
      const results = [];
      for (const { receipt, origin } of batch) {
        const key = `${receipt.consentId} ${receipt.timestamp}`;
        results.push({ stored: !seen.has(key) });
        if (seen.has(key)) continue;
        seen.add(key);
        const row: LogRow = { seq: ++seq, receivedAt: receivedAt.toISOString(), origin, receipt };
        hash = chainHash(hash, row);
        rows.push({ seq, received_at: row.receivedAt, origin, consent_id: receipt.consentId, kind: choiceKind(receipt), body: receipt, hash });
      }
      if (rows.length) {
        await tx.query(
          `WITH stored AS (
             INSERT INTO receipts (seq, received_at, origin, consent_id, kind, body, hash)
             SELECT seq, received_at, origin, consent_id, kind, body, hash FROM json_to_recordset($1::text::json)
               AS r(seq bigint, received_at timestamptz, origin text, consent_id text, kind text, body jsonb, hash text)
             RETURNING 1)
           UPDATE chain SET head_seq = $2, head_hash = $3 WHERE id = 1 AND (SELECT count(*) FROM stored) = $4`,
          [JSON.stringify(rows), seq, hash, rows.length],
        );
      }
      return results;
    });
  }

  /** Answers whether the database is reachable. */
  async healthy(): Promise<boolean> {
    try {
      await this.db.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Every receipt of one reader, oldest first, each with the texts registered for its hash. */
  async history(consentId: string): Promise<(StoredReceipt & { texts: RegisteredTexts[] })[]> {
    const records = await this.db.query<RowRecord>(
      `SELECT seq::text AS seq, received_at, origin, body, hash FROM receipts WHERE consent_id = $1 ORDER BY receipts.seq`,
      [consentId],
    );
    const rows = records.map(toRow);
    const hashes = [...new Set(rows.map((row) => row.receipt.textsHash))];
    const texts = await this.db.query<{ hash: string; language: string; registered_at: Date | string; texts: string }>(
      `SELECT hash, language, registered_at, texts FROM texts WHERE hash IN (SELECT json_array_elements_text($1::text::json)) ORDER BY registered_at`,
      [JSON.stringify(hashes)],
    );
    return rows.map((row) => ({
      ...row,
      texts: texts
        .filter((entry) => entry.hash === row.receipt.textsHash)
        .map((entry) => ({ language: entry.language, registeredAt: iso(entry.registered_at), texts: JSON.parse(entry.texts) as unknown })),
    }));
  }

  /** The receipts received in [from, to), in chain order, read a page at a time. */
  async *receipts(from?: Date, to?: Date): AsyncGenerator<StoredReceipt> {
    let after = -1;
    for (;;) {
      const page = await this.db.query<RowRecord>(
        `SELECT seq::text AS seq, received_at, origin, body, hash FROM receipts
         WHERE seq > $1 AND received_at >= $2 AND received_at < $3 ORDER BY receipts.seq LIMIT ${PAGE}`,
        [after, (from ?? new Date(0)).toISOString(), (to ?? new Date(8.64e15)).toISOString()],
      );
      for (const record of page) yield toRow(record);
      if (page.length < PAGE) return;
      after = Number(page[page.length - 1]!.seq);
    }
  }

  /** The figures of the dashboard for receipts received in [from, to), per bucket of time. */
  async stats(from: Date, to: Date, bucket: Bucket) {
    const range = [bucket, from.toISOString(), to.toISOString()];
    const day = `to_char(date_trunc($1, received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
    const where = `received_at >= $2 AND received_at < $3`;
    const series = await this.db.query<{ bucket: string; receipts: number; accept_all: number; reject_all: number; custom: number; gpc: number }>(
      `SELECT ${day} AS bucket, count(*)::int AS receipts,
              count(*) FILTER (WHERE kind = 'accept-all')::int AS accept_all,
              count(*) FILTER (WHERE kind = 'reject-all')::int AS reject_all,
              count(*) FILTER (WHERE kind = 'custom')::int AS custom,
              count(*) FILTER (WHERE body->>'gpc' = 'true')::int AS gpc
       FROM receipts WHERE ${where} GROUP BY 1 ORDER BY 1`,
      range,
    );
    const answers = (field: 'vendors' | 'purposes') =>
      this.db.query<{ bucket: string; id: string; granted: number; answered: number }>(
        `SELECT ${day} AS bucket, a.key AS id, count(*) FILTER (WHERE a.value = 'true'::jsonb)::int AS granted, count(*)::int AS answered
         FROM receipts, jsonb_each(body->'${field}') AS a WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
        range,
      );
    const languages = await this.db.query<{ language: string; receipts: number }>(
      `SELECT body->>'language' AS language, count(*)::int AS receipts FROM receipts WHERE received_at >= $1 AND received_at < $2 GROUP BY 1 ORDER BY 2 DESC, 1`,
      range.slice(1),
    );
    const vendorSeries = await answers('vendors');
    const purposeSeries = await answers('purposes');
    const total = (rows: { id: string; granted: number; answered: number }[]) => {
      const sums = new Map<string, { id: string; granted: number; answered: number }>();
      for (const row of rows) {
        const sum = sums.get(row.id) ?? { id: row.id, granted: 0, answered: 0 };
        sum.granted += row.granted;
        sum.answered += row.answered;
        sums.set(row.id, sum);
      }
      return [...sums.values()].map((sum) => ({ ...sum, rate: sum.answered ? sum.granted / sum.answered : 0 }));
    };
    const sum = (key: 'receipts' | 'accept_all' | 'reject_all' | 'custom' | 'gpc') => series.reduce((all, row) => all + row[key], 0);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      bucket,
      totals: { receipts: sum('receipts'), acceptAll: sum('accept_all'), rejectAll: sum('reject_all'), custom: sum('custom'), gpc: sum('gpc') },
      series: series.map((row) => ({ bucket: row.bucket, receipts: row.receipts, acceptAll: row.accept_all, rejectAll: row.reject_all, custom: row.custom, gpc: row.gpc })),
      vendors: total(vendorSeries),
      vendorSeries,
      purposes: total(purposeSeries),
      languages,
    };
  }

  /**
   * Registers the wording behind a `textsHash`: `texts` is the JSON the widget hashed. Returns the
   * hash; throws when the text is not JSON.
   */
  async registerTexts(language: string, texts: string): Promise<string> {
    JSON.parse(texts);
    const hash = fnv1a(texts).toString(16).padStart(8, '0');
    await this.db.query(`INSERT INTO texts (hash, language, texts) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [hash, language, texts]);
    return hash;
  }

  /**
   * Recomputes the hash chain from where it starts (after the last purge) to its head and names
   * the first row that was altered, deleted or inserted behind the service's back.
   */
  async verify(): Promise<Verdict> {
    const [chain] = await this.db.query<{ head_seq: string; head_hash: string; start_seq: string; start_hash: string }>(
      `SELECT head_seq::text AS head_seq, head_hash, start_seq::text AS start_seq, start_hash FROM chain WHERE id = 1`,
    );
    const headSeq = Number(chain!.head_seq);
    const startSeq = Number(chain!.start_seq);
    let expected = startSeq + 1;
    let previous = chain!.start_hash;
    let last: [number, string] = [-1, ''];
    for (;;) {
      const page = await this.db.query<RowRecord>(
        `SELECT seq::text AS seq, received_at, origin, body, hash, consent_id, kind FROM receipts
         WHERE (seq, hash) > ($1::bigint, $2::text) ORDER BY receipts.seq, hash LIMIT ${PAGE}`,
        last,
      );
      for (const record of page) {
        const row = toRow(record);
        const who = `row ${row.seq} (consent ID ${String(row.receipt?.consentId ?? record.consent_id)}, received ${row.receivedAt})`;
        if (row.seq < expected) {
          return { ok: false, seq: row.seq, problem: 'inserted', message: `${who} was inserted: ${row.seq <= startSeq ? 'it precedes the start of the chain' : 'its position is taken twice'}` };
        }
        if (row.seq > headSeq) return { ok: false, seq: row.seq, problem: 'inserted', message: `${who} was inserted after the head of the chain (row ${headSeq})` };
        if (row.seq > expected) return { ok: false, seq: expected, problem: 'deleted', message: `row ${expected} was deleted (the chain goes on at row ${row.seq})` };
        const intact =
          record.consent_id === row.receipt?.consentId &&
          record.kind === choiceKind(row.receipt) &&
          chainHash(previous, { seq: row.seq, receivedAt: row.receivedAt, origin: row.origin, receipt: row.receipt }) === row.hash;
        if (!intact) return { ok: false, seq: row.seq, problem: 'altered', message: `${who} was altered: it no longer matches its hash in the chain` };
        previous = row.hash;
        expected++;
      }
      if (page.length < PAGE) break;
      const end = page[page.length - 1]!;
      last = [Number(end.seq), end.hash];
    }
    if (expected <= headSeq) return { ok: false, seq: expected, problem: 'deleted', message: `row ${expected} was deleted (the chain's head is row ${headSeq})` };
    if (previous !== chain!.head_hash) return { ok: false, seq: headSeq, problem: 'altered', message: `row ${headSeq} was altered: it does not match the recorded head of the chain` };
    return { ok: true, rows: headSeq - startSeq, startSeq, headSeq, headHash: previous };
  }

  /**
   * Deletes the receipts received more than `days` days ago. Only a prefix of the chain goes; the
   * last deleted row's hash is recorded as the new start, so the rest still verifies.
   */
  async purge(days: number, now = new Date()): Promise<{ deleted: number; startSeq: number }> {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    return this.db.transaction(async (tx: Queryable) => {
      const [chain] = await tx.query<{ start_seq: string }>(`SELECT start_seq::text AS start_seq FROM chain WHERE id = 1 FOR UPDATE`);
      const [last] = await tx.query<{ seq: string; hash: string }>(
        `SELECT seq::text AS seq, hash FROM receipts WHERE received_at < $1 ORDER BY receipts.seq DESC LIMIT 1`,
        [cutoff],
      );
      if (!last) return { deleted: 0, startSeq: Number(chain!.start_seq) };
      await tx.query(`DELETE FROM receipts WHERE seq <= $1`, [last.seq]);
      await tx.query(`UPDATE chain SET start_seq = $1, start_hash = $2, purged_at = now() WHERE id = 1`, [last.seq, last.hash]);
      return { deleted: Number(last.seq) - Number(chain!.start_seq), startSeq: Number(last.seq) };
    });
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
