// dist/consent-gate-receipts.js: consent receipts, a file of its own beside the widget's script,
// loaded only by pages whose manager has `log-endpoint` (see load-receipts.ts).
import { fnv1a } from '../core/fingerprint.js';
import { report } from '../core/report.js';
import { shownTexts } from '../core/shown-texts.js';

import type { ConsentMethod } from '../consent/consent-store.js';
import type { StoredChoice } from '../core/cookie-codec.js';

/** What the publisher's `log-endpoint` receives on every change (docs/consent-log.md documents each field). */
export interface ConsentReceipt {
  consentId: string;
  timestamp: string;
  revision: number;
  vendors: Record<string, boolean>;
  purposes: Record<string, boolean>;
  method: ConsentMethod;
  /** True when the browser's Global Privacy Control signal was honoured. */
  gpc: boolean;
  language: string;
  textsHash: string;
}

const STORAGE_KEY = 'consent-gate-receipts';
/** Unacknowledged receipts kept for the next page view; the oldest are dropped first. */
const KEPT = 20;
/** Browsers refuse a `keepalive` body over 64 KiB (for all of a page's pending ones together). */
const KEEPALIVE_LIMIT = 60_000;
/** A request with no answer after this long counts as failed (it stays kept, and is sent again). */
const TIMEOUT = 10_000;
/** Failed attempts in one page view before the rest wait for the next one; waits 1, 2, 4, 8 and 16 s. */
const ATTEMPTS = 6;

/** Receipts that could not be kept in localStorage (none, or full): sent in this page view only. */
let unkept: ConsentReceipt[] = [];

function keptReceipts(): ConsentReceipt[] {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(kept) ? kept : [];
  } catch {
    return [];
  }
}

function keep(receipts: ConsentReceipt[]): boolean {
  try {
    if (receipts.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(receipts.slice(-KEPT)));
    else localStorage.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/** Receipts answered in this page view (as JSON): never sent twice by it, even if storage fails to forget them. */
const done = new Set<string>();
const isDone = (receipt: ConsentReceipt) => done.has(JSON.stringify(receipt));

/** Removes a receipt wherever it is kept (other tabs may have kept more meanwhile). */
function forget(receipt: ConsentReceipt): void {
  done.add(JSON.stringify(receipt));
  unkept = unkept.filter((each) => !isDone(each));
  keep(keptReceipts().filter((each) => !isDone(each)));
}

/**
 * `sent` (2xx), `refused` (a 4xx that sending again cannot change: 400 invalid, 413 too big, …) or
 * `failed` (no answer, 5xx, 408, 429: sent again later). No cookies and no referrer go with it:
 * the receipt is all the endpoint learns.
 */
async function post(endpoint: string, receipt: ConsentReceipt): Promise<'sent' | 'refused' | 'failed'> {
  const body = JSON.stringify(receipt);
  try {
    const { status } = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      // The receipt still goes out when the reader navigates away at once; a bigger one is sent
      // without (the browser would refuse it outright), and is kept until answered like any other.
      keepalive: body.length <= KEEPALIVE_LIMIT,
      signal: AbortSignal.timeout?.(TIMEOUT),
    });
    if (status >= 200 && status < 300) return 'sent';
    return status >= 400 && status < 500 && status !== 408 && status !== 429 ? 'refused' : 'failed';
  } catch {
    return 'failed';
  }
}

const failed = (cause: unknown) => report('a receipt could not be sent', cause);

let endpointUrl = '';
let sending = false;
let failures = 0;
let retry: ReturnType<typeof setTimeout> | undefined;

/** Sends the kept receipts, oldest first, one at a time; after a failure, waits longer each time. */
async function flush(): Promise<void> {
  if (sending || retry || failures >= ATTEMPTS) return;
  sending = true;
  try {
    for (let next; (next = [...keptReceipts(), ...unkept].find((each) => !isDone(each))); ) {
      const outcome = await post(endpointUrl, next);
      if (outcome === 'failed') {
        if (++failures < ATTEMPTS) retry = setTimeout(() => ((retry = undefined), void flush()), 1000 * 2 ** (failures - 1));
        return;
      }
      if (outcome === 'refused') report(`${endpointUrl} refused a receipt; it is not sent again`, next);
      forget(next);
    }
  } finally {
    sending = false;
  }
}

/** A short fingerprint of the texts the reader was shown (see shownTexts). */
const textsHash = (texts: object): string => fnv1a(shownTexts(texts)).toString(16).padStart(8, '0');

/** A receipt before `textsHash` is computed, here, from the texts shown. */
export type UnhashedReceipt = Omit<ConsentReceipt, 'textsHash'>;

/** A choice as the manager had it when it was given: the stored choice, purposes, method, GPC, language and texts shown. */
export type GivenChoice = [stored: StoredChoice, purposes: Record<string, boolean>, method: ConsentMethod, gpc: boolean, language: string, texts: object];

/** The receipt of a given choice (made here, so that the widget's main script does not carry it). */
export function receiptOf([{ consentId, timestamp, revision, vendors }, purposes, method, gpc, language]: GivenChoice): UnhashedReceipt {
  return { consentId, timestamp: new Date(timestamp).toISOString(), revision, vendors: { ...vendors }, purposes, method, gpc, language };
}

/**
 * Keeps `receipt` (if any) in localStorage before anything is sent, then sends every kept receipt,
 * this page view's and those an earlier one could not deliver. A receipt is removed only once the
 * endpoint answered 2xx (or refused it for good): each arrives at least once, twice when the page
 * closes between the answer and the bookkeeping or two tabs send it at once. Never throws, and the
 * reader's choice never waits for it.
 */
export function sendReceipts(endpoint: string, unhashed?: UnhashedReceipt, texts: object = {}): Promise<void> {
  try {
    endpointUrl = endpoint;
    const receipt = unhashed && { ...unhashed, textsHash: textsHash(texts) };
    if (receipt && !keep([...keptReceipts(), receipt])) unkept = [...unkept, receipt].slice(-KEPT);
    return flush().catch(failed);
  } catch (cause) {
    failed(cause);
    return Promise.resolve();
  }
}
