import { slices } from '../dom/slices.js';

/** A gate waiting for its first render; the early ones have their box already (reservesEarly). */
type FirstRender = [gate: Element, update: () => void];

const firstRenders = slices(([, update]: FirstRender) => update(), 'a gate could not render');
/** Early reservations in this task: at most a dozen at the top and a dozen after the anchor. */
let top = 0;
let afterAnchor = 0;
/** The id the URL's fragment names, read once a task (' ' where the browser restores a scroll position). */
let anchor = '';

/**
 * Whether a gate being created reserves its box now, in the task that creates it: the first dozen
 * of a task (the top of the page, an article added by script), and on a page opened at an anchor
 * every gate before the element the URL's fragment names and the dozen after it, where the reader
 * looks when the page is first painted. The others reserve theirs at their first render, in
 * slices: a page of a thousand gates made the parser's task a long task of the widget's script.
 * Where the browser puts the reader further down, gates above are not left to slices: one growing
 * after the load event moved the view (the browser keeps a fragment's target, or a restored
 * position, only until then). A reload or a step back restores a position not known while the page
 * is parsed: there every gate reserves its box at once.
 */
export function reservesEarly(): boolean {
  if (!top++) {
    // A reload or a step back or forward (1, 2 in Navigation Timing's first version, in every
    // browser; the second's getEntriesByType('navigation') cost 30 bytes more): no element has the
    // id ' ', so every gate is before it.
    anchor = performance.navigation.type ? ' ' : location.hash.slice(1);
    setTimeout(() => (top = afterAnchor = 0));
  }
  return top <= 12 || (!!anchor && afterAnchor < 12 && (!document.getElementById(anchor) || !!++afterAnchor));
}

/** Renders a queued gate now. */
export function renderNow(gate: Element): void {
  const index = firstRenders.queue.findIndex(([queued]) => queued === gate);
  if (index >= 0) firstRenders.queue.splice(index, 1)[0][1]();
}

/**
 * A gate renders first outside the task that created it, in slices, in the document's order (an
 * early one's box is already reserved: its text, when its turn comes, moves nothing).
 */
export function queueFirstRender(gate: Element, update: () => void): void {
  firstRenders.queue.push([gate, update]);
  firstRenders.start();
}
