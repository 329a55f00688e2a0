import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/** The embedded database: PostgreSQL compiled to WebAssembly, in a directory on disk (or memory). */
export async function openEmbedded(dataDir: string): Promise<Database> {
  const db = await PGlite.create(dataDir === ':memory:' ? 'memory://' : dataDir);
  await db.exec(`SET TIME ZONE 'UTC'`);
  const queryable = (target: Pick<PGlite, 'query'>): Queryable => ({
    query: async <Row>(text: string, params: unknown[] = []) => (await target.query<Row>(text, params)).rows,
  });
  return {
    kind: 'embedded',
    ...queryable(db),
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    exec: async (text) => void (await db.exec(text)),
    close: () => db.close(),
  };
}
