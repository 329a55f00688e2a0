import postgres from 'postgres';
import type { Database, Queryable } from './database.js';

/**
 * A PostgreSQL server (`DATABASE_URL`). Connections are made again on the next query after the
 * server went away, so the service recovers by itself; a query waits at most a few seconds for one.
 */
export async function openPostgres(url: string): Promise<Database> {
  const sql = postgres(url, {
    max: 4,
    connect_timeout: 3,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { TimeZone: 'UTC', application_name: 'consent-gate-log' },
  });
  const queryable = (target: postgres.Sql | postgres.TransactionSql): Queryable => ({
    query: async <Row>(text: string, params: unknown[] = []) =>
      (await target.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as Row[],
  });
  return {
    kind: 'postgresql',
    ...queryable(sql),
    transaction: async (work) => (await sql.begin((tx) => work(queryable(tx)))) as Awaited<ReturnType<typeof work>>,
    exec: async (text) => void (await sql.unsafe(text)),
    close: () => sql.end({ timeout: 5 }),
  };
}
