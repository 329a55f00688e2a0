import { slices } from '../dom/slices.js';
import { registeredGates, type GateSubscriber } from '../consent/registry.js';

/** How far a box is from the viewport (0 when in it). */
const distance = (box: DOMRect): number => Math.max(0, box.top - innerHeight, -box.bottom);

const syncs = slices((gate: GateSubscriber) => gate.isConnected && gate.sync(), 'a gate could not follow the choice');

/**
 * Brings every gate in line with the choice: at once the gates in the viewport and those of
 * withdrawn vendors; the others a slice at a time, the nearest first, so that a page of a thousand
 * embeds loads them without a long task (creating a frame takes the browser 2–15 ms).
 */
export function syncGates(withdrawn: ReadonlySet<string>): void {
  // Every position is read before any gate changes the page: one layout, not one per gate.
  const gates = [...registeredGates].map((gate) => ({ gate, away: distance(gate.getBoundingClientRect()) }));
  const later: typeof gates = [];
  for (const entry of gates) {
    if (withdrawn.has(entry.gate.vendor) || !entry.away) entry.gate.sync(withdrawn);
    else later.push(entry);
  }
  syncs.queue = later.sort((a, b) => a.away - b.away).map(({ gate }) => gate);
  syncs.start();
}
