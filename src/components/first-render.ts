import { slices } from '../dom/slices.js';

/** A gate waiting for its first render; `boxReserved` when its box already has its final size. */
type FirstRender = [gate: Element & { readonly boxReserved: boolean }, update: () => void];

const firstRenders = slices(([, update]: FirstRender) => update(), 'a gate could not render');
let frameRequested = false;

/**
 * Before each frame is painted while gates wait. A gate in view whose box is reserved (its
 * content's width and height are known) moves to the front of the slices: its placeholder appears
 * a frame later inside that box, and the frame, the banner in it, is not held up. A gate whose
 * size comes from its text renders now if it is in view or down to two screens below, so that
 * nothing moves where the reader looks. Gates above the viewport wait for their slice: the
 * browser's scroll anchoring keeps the view still as they grow.
 */
function renderInView(): void {
  try {
    // Read before any render: a gate not rendered yet is only higher up than it will be. The queue
    // is in document order: the first one two screens below ends the search. Hidden gates (no
    // box at all) wait for their slice.
    const reserved: FirstRender[] = [];
    const unsized: FirstRender[] = [];
    for (const item of firstRenders.queue) {
      // Measuring forces a layout of the page, every frame while gates wait: skipped where the
      // queue's order is already the view's (at the top of the page, for gates with a reserved box).
      if (!scrollY && item[0].boxReserved) continue;
      const box = item[0].getBoundingClientRect();
      if (box.top >= 2 * innerHeight) break;
      if (box.bottom >= 0 && item[0].getClientRects().length) (item[0].boxReserved ? reserved : unsized).push(item);
    }
    firstRenders.queue = [...reserved, ...firstRenders.queue.filter((item) => !reserved.includes(item))];
    const end = performance.now() + 40;
    for (const [gate] of unsized) {
      renderNow(gate);
      // Rendered, it pushes the ones after it down: stop at the first one below.
      if (performance.now() > end || gate.getBoundingClientRect().top > 2 * innerHeight) break;
    }
  } finally {
    frameRequested = firstRenders.queue.length > 0;
    if (frameRequested) requestAnimationFrame(renderInView);
  }
}

/** Renders a queued gate now. */
export function renderNow(gate: Element): void {
  const index = firstRenders.queue.findIndex(([queued]) => queued === gate);
  if (index >= 0) firstRenders.queue.splice(index, 1)[0][1]();
}

/**
 * A gate renders first outside the task that created it: a page of a thousand embeds made the
 * parser's task (or the upgrade of the gates by a deferred script) a long one. The gates in view
 * come first (renderInView); the others follow in slices.
 */
export function queueFirstRender(gate: FirstRender[0], update: () => void): void {
  firstRenders.queue.push([gate, update]);
  firstRenders.start();
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(renderInView);
}
