import { createHash } from 'node:crypto';
import type { ConsentReceipt } from '../standards/receipts.js';

/** The hash before the first row of a log. */
export const GENESIS = '0'.repeat(64);

/** One stored receipt, as the chain covers it. */
export interface LogRow {
  seq: number;
  /** When the service committed it (ISO 8601, the server's clock). */
  receivedAt: string;
  /** The page's origin (the `Origin` header the service accepted). */
  origin: string;
  receipt: ConsentReceipt;
}

/**
 * JSON with the keys of every object sorted: the same row always gives the same text, whatever the
 * order the widget or the database returned its keys in. (The receipt's depth is fixed by the schema.)
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** SHA-256 (hex) over the previous row's hash and this row's canonical JSON. */
export function chainHash(previous: string, row: LogRow): string {
  return createHash('sha256').update(`${previous}\n${canonicalJson(row)}`).digest('hex');
}

/**
 * How the reader answered: every vendor granted, every vendor refused, or a mix. A placeholder's
 * accept answers for its one vendor only (the others stay unanswered): it counts as a mix.
 */
export function choiceKind(receipt: ConsentReceipt): 'accept-all' | 'reject-all' | 'custom' {
  const answers = Object.values(receipt.vendors);
  if (receipt.method === 'placeholder' && answers.some(Boolean)) return 'custom';
  if (answers.length && answers.every(Boolean)) return 'accept-all';
  if (answers.every((answer) => !answer)) return 'reject-all';
  return 'custom';
}
