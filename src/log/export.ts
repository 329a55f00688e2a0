import type { StoredReceipt } from './consent-log.js';

const COLUMNS = [
  'seq', 'receivedAt', 'origin', 'consentId', 'timestamp', 'revision', 'method', 'gpc', 'language', 'textsHash',
  'vendorsGranted', 'vendorsRefused', 'purposesGranted', 'purposesRefused', 'hash',
];

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (value: string | number | boolean): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const answered = (answers: Record<string, boolean>, granted: boolean) =>
  Object.keys(answers).filter((id) => answers[id] === granted).sort().join(' ');

export const csvHeader = (): string => `${COLUMNS.join(',')}\r\n`;

/** One receipt as a CSV line (vendor and purpose ids space-separated per answer). */
export function csvLine({ seq, receivedAt, origin, receipt, hash }: StoredReceipt): string {
  const { consentId, timestamp, revision, method, gpc, language, textsHash, vendors, purposes } = receipt;
  return `${[
    seq, receivedAt, origin, consentId, timestamp, revision, method, gpc, language, textsHash,
    answered(vendors, true), answered(vendors, false), answered(purposes, true), answered(purposes, false), hash,
  ].map(field).join(',')}\r\n`;
}
