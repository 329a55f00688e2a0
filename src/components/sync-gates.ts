import { report } from '../core/report.js';
import { consentContext, type GateSubscriber } from './consent-context.js';

/** Runs queued work a slice of a few milliseconds at a time, the browser rendering in between. */
function slices<T>(run: (item: T) => void): { queue: T[]; start(): void } {
  const work = {
    queue: [] as T[],
    start() {
      if (work.queue.length) setTimeout(step);
    },
  };
  // (Measured with npm run bench: one slice per animation frame made more long tasks, not fewer.)
  function step(): void {
    const end = performance.now() + 6;
    while (work.queue.length && performance.now() < end) {
      try {
        run(work.queue.shift()!);
      } catch (cause) {
        report('a gate could not follow the choice', cause);
      }
    }
    work.start();
  }
  return work;
}

const syncs = slices((gate: GateSubscriber) => gate.isConnected && gate.sync());

/**
 * Brings every gate in line with the choice: at once the gates in the viewport and those of
 * withdrawn vendors; the others a slice at a time, from the top of the page down, so that a page of
 * a thousand embeds loads them without a long task (creating a frame takes the browser 2–15 ms).
 */
export function syncGates(withdrawn: ReadonlySet<string>): void {
  const gates = [...consentContext.gates];
  // Every position is read before any gate changes the page: one layout, not one per gate.
  const now = gates.map((gate) => withdrawn.has(gate.vendor) || gate.inView());
  const idle = !syncs.queue.length;
  syncs.queue = gates.filter((gate, index) => (now[index] ? (gate.sync(withdrawn), false) : true));
  if (idle) syncs.start();
}

type FirstRender = [gate: Element, update: () => void];

const firstRenders = slices(([, update]: FirstRender) => update());

/** Renders the queued gates in or near the viewport (in document order: from the top down). */
function renderInView(): void {
  const end = performance.now() + 40;
  while (firstRenders.queue.length && performance.now() < end) {
    const [gate, update] = firstRenders.queue.shift()!;
    update();
    if (gate.getBoundingClientRect().top > 2 * innerHeight) break;
  }
}

/**
 * A gate parsed with the article renders after the parser's task, not inside it (a page of a
 * thousand embeds made that one task a long one): the frame renders those in view before it is
 * painted, so their boxes never move anything; the others follow in slices.
 */
export function renderAfterParsing(gate: Element, update: () => void): void {
  firstRenders.queue.push([gate, update]);
  if (firstRenders.queue.length > 1) return;
  requestAnimationFrame(renderInView);
  firstRenders.start();
}
