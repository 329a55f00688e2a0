import { parseArgs } from 'node:util';
import { openLog } from './storage.js';
import { createLogService } from './service.js';
import { registerWidgetTexts } from './texts.js';

const USAGE = `usage: consent-gate log serve [--port 8787] [--host 127.0.0.1] --origin https://example.ie … [--db DIR] [--retain-days 1095]
                         [--rate-limit 120] [--trust-proxy]
       consent-gate log verify [--db DIR]
       consent-gate log texts [--db DIR] [--lang-dir DIR]
       consent-gate log purge [--db DIR] [--retain-days 1095]
Storage: PostgreSQL when DATABASE_URL is set, else the embedded database in --db (default ./consent-log).
The read side (GET /receipts/:consentId, /export, /stats, /verify, the dashboard at /) needs
CONSENT_LOG_TOKEN (at least 32 characters).`;

const OPTIONS = {
  port: { type: 'string', default: '8787' },
  host: { type: 'string', default: '127.0.0.1' },
  origin: { type: 'string', multiple: true, default: [] as string[] },
  db: { type: 'string', default: 'consent-log' },
  'retain-days': { type: 'string', default: '1095' },
  'rate-limit': { type: 'string', default: '120' },
  'trust-proxy': { type: 'boolean', default: false },
  'lang-dir': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

const whole = (text: string, name: string, min: number): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}, not "${text}"`);
  return value;
};

const say = (line: string) => process.stdout.write(`consent-gate log: ${line}\n`);

/** `consent-gate log …`: returns the exit code (serve returns once it was stopped). */
export async function logCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  const [command] = positionals;
  if (values.help || !command || !['serve', 'verify', 'texts', 'purge'].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const retainDays = whole(values['retain-days'], 'retain-days', 1);
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const log = await openLog({ databaseUrl, dataDir: values.db });
  const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${values.db}`;
  try {
    if (command === 'verify') {
      const verdict = await log.verify();
      if (!verdict.ok) {
        process.stderr.write(`consent-gate log: the chain is broken: ${verdict.message}\n`);
        return 1;
      }
      say(`the chain verifies: rows ${verdict.startSeq + 1} to ${verdict.headSeq} (${verdict.rows} receipts), head ${verdict.headHash}`);
      return 0;
    }
    if (command === 'texts') {
      for (const { language, hash } of await registerWidgetTexts(log, values['lang-dir'])) say(`texts ${hash} (${language}) registered`);
      return 0;
    }
    if (command === 'purge') {
      const { deleted, startSeq } = await log.purge(retainDays);
      say(`${deleted} receipt(s) older than ${retainDays} days deleted; the chain now starts after row ${startSeq}`);
      return 0;
    }
    return await serve(log, { ...values, retainDays, where });
  } finally {
    await log.close();
  }
}

async function serve(
  log: Awaited<ReturnType<typeof openLog>>,
  options: { port: string; host: string; origin: string[]; 'rate-limit': string; 'trust-proxy': boolean; retainDays: number; where: string },
): Promise<number> {
  if (!options.origin.length) throw new Error('serve needs at least one --origin (the site whose pages send receipts)');
  const token = process.env.CONSENT_LOG_TOKEN || undefined;
  const app = await createLogService({
    log,
    origins: options.origin,
    token,
    ratePerMinute: whole(options['rate-limit'], 'rate-limit', 1),
    trustProxy: options['trust-proxy'],
  });
  // The widget's own wording is known from the start; a publisher's overrides are registered with `texts`.
  await registerWidgetTexts(log);
  const purge = async () => {
    const { deleted } = await log.purge(options.retainDays).catch(() => ({ deleted: 0 }));
    if (deleted) say(`${deleted} receipt(s) older than ${options.retainDays} days purged`);
  };
  await purge();
  const daily = setInterval(purge, 86_400_000);
  const address = await app.listen({ port: whole(options.port, 'port', 0), host: options.host });
  say(`listening on ${address} (${options.where}); receipts from ${options.origin.join(', ')}; read side ${token ? 'on' : 'off (no CONSENT_LOG_TOKEN)'}`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  clearInterval(daily);
  await app.close();
  return 0;
}
