import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { ConsentReceipt } from '../standards/receipts.js';
import type { Bucket, ConsentLog } from './consent-log.js';
import { csvHeader, csvLine } from './export.js';
import { receiptSchema } from './receipt-schema.js';

export interface LogServiceOptions {
  log: ConsentLog;
  /** The origins whose pages may send receipts (`https://example.ie`). */
  origins: string[];
  /** The publisher's bearer token for the read side (≥ 32 characters); without it every read answers 401. */
  token?: string;
  /** Receipts one IP address may send per minute (429 beyond: the widget sends it again later). */
  ratePerMinute?: number;
  /** Milliseconds a client has to send a whole request (a slow body is cut off after it). */
  requestTimeout?: number;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy you run). */
  trustProxy?: boolean;
}

/** The shortest read token accepted. */
export const MIN_TOKEN_LENGTH = 32;
const BODY_LIMIT = 8 * 1024;
const DAY = 86_400_000;

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** The dashboard's files, served from this package (no CDN), and uPlot's from its own. */
const dashboardDir = new URL(/* @vite-ignore */ './log-dashboard/', import.meta.url);
const requireHere = createRequire(import.meta.url);
const DASHBOARD_FILES: Record<string, [() => string | URL, string]> = {
  '/': [() => new URL('index.html', dashboardDir), 'text/html; charset=utf-8'],
  '/dashboard.js': [() => new URL('dashboard.js', dashboardDir), 'text/javascript; charset=utf-8'],
  '/dashboard.css': [() => new URL('dashboard.css', dashboardDir), 'text/css; charset=utf-8'],
  '/uPlot.esm.js': [() => requireHere.resolve('uplot/dist/uPlot.esm.js'), 'text/javascript; charset=utf-8'],
  '/uPlot.min.css': [() => requireHere.resolve('uplot/dist/uPlot.min.css'), 'text/css; charset=utf-8'],
};
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** `from`/`to` query dates; without them the last 31 days (`days`), or everything (`all`). */
function range(query: { from?: string; to?: string }, days: number | 'all' = 31): [Date, Date] {
  const to = query.to ? new Date(query.to) : new Date(Date.now() + DAY);
  const from = query.from ? new Date(query.from) : new Date(days === 'all' ? 0 : to.getTime() - days * DAY);
  return [from, to];
}
const dateQuery = { type: 'string', format: 'date-time' } as const;
const rangeQuery = { from: { anyOf: [dateQuery, { type: 'string', format: 'date' }] }, to: { anyOf: [dateQuery, { type: 'string', format: 'date' }] } };

/** Where in the request a validation error points (`/vendors/Foo`, `textsHash`, …). */
function fieldOf(error: FastifyError): string {
  const [first] = error.validation ?? [];
  if (!first) return '';
  const params = first.params as { additionalProperty?: string; missingProperty?: string };
  // A bad vendor id is reported on the property name itself (Ajv's `propertyNames`).
  const extra = params.additionalProperty ?? params.missingProperty ?? (first as { propertyName?: string }).propertyName;
  const path = first.instancePath.replace(/^\//, '');
  return [path, extra].filter(Boolean).join('/') || String(error.validationContext ?? '');
}

/**
 * The consent log's HTTP service: `POST /receipts` for the widget; `GET /receipts/:consentId`,
 * `/export`, `/stats`, `/verify` and the dashboard at `/` for the publisher (bearer token).
 */
export async function createLogService(options: LogServiceOptions): Promise<FastifyInstance> {
  const { log, origins, token } = options;
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new Error(`CONSENT_LOG_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters: the read side does not start with a guessable token`);
  }
  const requestTimeout = options.requestTimeout ?? 10_000;
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    // Node's own limits on slow clients (slowloris): the whole request within requestTimeout.
    serverFactory: (handler) =>
      createServer({ requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout), keepAliveTimeout: 5000 }, handler),
    // Strict: no type coercion, no silently dropped fields, no defaults filled in.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.validation) return reply.code(400).send({ error: `invalid ${error.validationContext ?? 'request'}: ${error.message}`, field: fieldOf(error) });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ error: error.message });
    app.log.error(error);
    // The database is away (or failed): the widget keeps the receipt and sends it again later.
    return reply.code(503).header('Retry-After', '5').send({ error: 'the consent log cannot store or read right now' });
  });

  // JSON only: Fastify also parses text/plain by default, which is the one type a page of another
  // site could send without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  const allowed = new Set(origins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['POST'],
    allowedHeaders: ['Content-Type'],
    maxAge: 86400,
  });
  await app.register(rateLimit, { global: false });

  app.post<{ Body: ConsentReceipt }>(
    '/receipts',
    {
      schema: { body: receiptSchema },
      config: { rateLimit: { max: options.ratePerMinute ?? 120, timeWindow: 60_000 } },
      // Before the body is read: a page of another site is refused whatever it sends.
      onRequest: async (request, reply) => {
        const origin = request.headers.origin;
        if (!origin || !allowed.has(origin)) return reply.code(403).send({ error: `origin ${origin ?? '(none)'} may not send receipts here` });
      },
    },
    async (request, reply) => {
      const receipt = request.body;
      const time = Date.parse(receipt.timestamp);
      if (!(time <= Date.now() + DAY)) return reply.code(400).send({ error: 'invalid body: timestamp is not a past date', field: 'timestamp' });
      const { stored } = await log.append(receipt, request.headers.origin!);
      return reply.code(stored ? 201 : 200).send({ stored, consentId: receipt.consentId });
    },
  );

  app.get('/health', async (_request, reply) =>
    (await log.healthy()) ? { ok: true, storage: log.db.kind } : reply.code(503).send({ ok: false, storage: log.db.kind }),
  );

  // The read side: the publisher only.
  const expected = token ? digest(token) : undefined;
  const authorized = async (request: FastifyRequest, reply: FastifyReply) => {
    const [scheme, given] = (request.headers.authorization ?? '').split(' ');
    // Both sides hashed to the same length first: timingSafeEqual then takes the same time whatever matches.
    if (!expected || scheme !== 'Bearer' || !given || !timingSafeEqual(digest(given), expected)) {
      return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'a valid bearer token (CONSENT_LOG_TOKEN) is required' });
    }
  };

  app.get<{ Params: { consentId: string } }>(
    '/receipts/:consentId',
    { onRequest: authorized, schema: { params: { type: 'object', properties: { consentId: receiptSchema.properties.consentId } } } },
    async (request) => ({ consentId: request.params.consentId, receipts: await log.history(request.params.consentId) }),
  );

  app.get<{ Querystring: { from?: string; to?: string; format?: 'ndjson' | 'csv' } }>(
    '/export',
    {
      onRequest: authorized,
      schema: { querystring: { type: 'object', additionalProperties: false, properties: { ...rangeQuery, format: { enum: ['ndjson', 'csv'] } } } },
    },
    async (request, reply) => {
      const [from, to] = range(request.query, 'all');
      const csv = request.query.format === 'csv';
      const rows = log.receipts(from, to);
      async function* lines() {
        if (csv) yield csvHeader();
        for await (const row of rows) yield csv ? csvLine(row) : `${JSON.stringify(row)}\n`;
      }
      const name = `consent-log-${from.toISOString().slice(0, 10)}-${to.toISOString().slice(0, 10)}.${csv ? 'csv' : 'ndjson'}`;
      return reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson')
        .header('Content-Disposition', `attachment; filename="${name}"`)
        .send(Readable.from(lines()));
    },
  );

  app.get<{ Querystring: { from?: string; to?: string; bucket?: Bucket } }>(
    '/stats',
    {
      onRequest: authorized,
      schema: { querystring: { type: 'object', additionalProperties: false, properties: { ...rangeQuery, bucket: { enum: ['day', 'week', 'month'] } } } },
    },
    async (request) => log.stats(...range(request.query), request.query.bucket ?? 'day'),
  );

  app.get('/verify', { onRequest: authorized }, async () => log.verify());

  for (const [path, [file, type]] of Object.entries(DASHBOARD_FILES)) {
    app.get(path, async (_request, reply) => reply.type(type).headers(SECURITY_HEADERS).send(await readFile(file())));
  }
  return app;
}
