import { ConsentLog } from './consent-log.js';
import { openEmbedded } from './pglite.js';
import { openPostgres } from './postgres.js';

/** The log on PostgreSQL when `databaseUrl` is given, else on the embedded database in `dataDir`. */
export async function openLog({ databaseUrl, dataDir }: { databaseUrl?: string; dataDir: string }): Promise<ConsentLog> {
  return ConsentLog.open(databaseUrl ? await openPostgres(databaseUrl) : await openEmbedded(dataDir));
}
