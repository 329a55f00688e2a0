import { fnv1a } from '../core/fingerprint.js';

/** How a choice was given. */
export type ConsentMethod = 'banner' | 'dialog' | 'placeholder' | 'api';

/** What the publisher's `log-endpoint` receives on every change (README documents each field). */
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

function pendingReceipts(): ConsentReceipt[] {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(kept) ? kept : [];
  } catch {
    return [];
  }
}

function keep(receipts: ConsentReceipt[]): void {
  try {
    if (receipts.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(receipts.slice(-KEPT)));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // No storage: a failed receipt is lost, the reader's choice is not.
  }
}

async function post(endpoint: string, receipt: ConsentReceipt): Promise<boolean> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      // keepalive: the receipt still goes out when the reader navigates away at once.
      keepalive: true,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(receipt),
    });
    return response.ok;
  } catch {
    return false;
  }
}

let sending = Promise.resolve();

/**
 * Sends `receipt` (if any) and every receipt an earlier page view could not deliver. A receipt is
 * kept until the endpoint answers 2xx, and deliveries in a page run one after another: each
 * arrives at least once (twice when the page closes between the answer and the bookkeeping).
 */
export function sendReceipts(endpoint: string, receipt?: ConsentReceipt): Promise<void> {
  sending = sending.then(async () => {
    const queue = [...pendingReceipts(), ...(receipt ? [receipt] : [])].slice(-KEPT);
    if (!queue.length) return;
    keep(queue);
    const delivered = new Set<string>();
    for (const each of queue) if (await post(endpoint, each)) delivered.add(JSON.stringify(each));
    // Other tabs may have kept receipts meanwhile: remove only what was delivered.
    keep(pendingReceipts().filter((each) => !delivered.has(JSON.stringify(each))));
  });
  return sending;
}

/** A short fingerprint of the texts the reader was shown. */
export const textsHash = (text: string): string => fnv1a(text).toString(16).padStart(8, '0');
