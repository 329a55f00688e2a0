import { report as error } from '../../core/report.js';
import type { ConsentManager } from './consent-manager.js';

/**
 * The page's queue (`window.consentGateQueue`, docs/api.md): the functions the page pushed before
 * the manager was ready run now, each given the manager, in order; those pushed from then on run
 * at once. One that is not a function, or throws, is reported and does not stop the next.
 */
export function runPageQueue(manager: ConsentManager): void {
  const host = window as unknown as { consentGateQueue?: unknown };
  const run = (fn: unknown) => {
    if (typeof fn !== 'function') return error('consentGateQueue: not a function', fn);
    try {
      fn(manager);
    } catch (cause) {
      error('consentGateQueue: a function threw', cause);
    }
  };
  const queue: unknown[] = Array.isArray(host.consentGateQueue) ? host.consentGateQueue : [];
  const pending = queue.splice(0);
  queue.push = (...fns: unknown[]) => {
    fns.forEach(run);
    return queue.length;
  };
  host.consentGateQueue = queue;
  pending.forEach(run);
}
