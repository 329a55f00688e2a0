/** What the log needs of a database: parameterised queries and transactions, nothing more. */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs statements without parameters (the schema). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  /** `embedded` (PGlite) or `postgresql`. */
  readonly kind: 'embedded' | 'postgresql';
}

/**
 * The schema, the same on both storages. Receipts are partitioned by the month they were received
 * (old months are purged whole); `chain` holds the head of the hash chain and where the verified
 * chain starts after a purge; `texts` the wording shown for each `textsHash`.
 */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS receipts (
  seq bigint NOT NULL,
  received_at timestamptz NOT NULL,
  origin text NOT NULL,
  consent_id text NOT NULL,
  kind text NOT NULL,
  body jsonb NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (seq, received_at)
) PARTITION BY RANGE (received_at);
CREATE TABLE IF NOT EXISTS receipts_default PARTITION OF receipts DEFAULT;
CREATE INDEX IF NOT EXISTS receipts_consent_id ON receipts (consent_id);
CREATE INDEX IF NOT EXISTS receipts_received_at ON receipts (received_at);
CREATE TABLE IF NOT EXISTS chain (
  id integer PRIMARY KEY CHECK (id = 1),
  head_seq bigint NOT NULL,
  head_hash text NOT NULL,
  start_seq bigint NOT NULL,
  start_hash text NOT NULL,
  purged_at timestamptz
);
CREATE TABLE IF NOT EXISTS texts (
  hash text NOT NULL,
  language text NOT NULL,
  texts text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now()
);
-- A language's texts are longer than a btree row may be (2,704 B): the index holds their digest.
CREATE UNIQUE INDEX IF NOT EXISTS texts_hash_digest ON texts (hash, md5(texts));
`;

/** The month partition that holds rows received at `date`, and the statement that creates it. */
export function monthPartition(date: Date): { name: string; create: string } {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const from = new Date(Date.UTC(year, month, 1)).toISOString();
  const to = new Date(Date.UTC(year, month + 1, 1)).toISOString();
  // The name is built from two numbers only: nothing from a request reaches this statement.
  const name = `receipts_${year}_${String(month + 1).padStart(2, '0')}`;
  return { name, create: `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF receipts FOR VALUES FROM ('${from}') TO ('${to}')` };
}
