import { report } from '../core/report.js';
import { consentContext, type GateSubscriber } from './consent-context.js';

let pending: GateSubscriber[] = [];

function step(): void {
  // A slice of a few milliseconds, then the browser renders and handles input before the next one.
  // (Measured with npm run bench: one slice per animation frame made more long tasks, not fewer.)
  const end = performance.now() + 6;
  for (let count = 0; pending.length && count < 20 && performance.now() < end; count++) {
    const gate = pending.shift()!;
    try {
      if (gate.isConnected) gate.sync();
    } catch (cause) {
      report('a gate could not follow the choice', cause);
    }
  }
  if (pending.length) setTimeout(step);
}

/**
 * Brings every gate in line with the choice: at once the gates in or near the viewport and those
 * of withdrawn vendors; the others a slice at a time, so that a page of a thousand embeds loads
 * them without a long task.
 */
export function syncGates(withdrawn: ReadonlySet<string>): void {
  const later: GateSubscriber[] = [];
  for (const gate of consentContext.gates) {
    if (withdrawn.has(gate.vendor) || gate.nearView()) gate.sync(withdrawn);
    else later.push(gate);
  }
  const idle = !pending.length;
  pending = later;
  if (idle && later.length) setTimeout(step);
}
