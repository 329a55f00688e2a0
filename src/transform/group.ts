/**
 * Which sibling elements one gate wraps: the element that starts an embed, and the neighbours that
 * belong to the same embed code (a blockquote before its script, a container's attribution after
 * it). This is the one place that decides what a gate goes around.
 */
import type { Vendor } from '../core/vendor.js';
import type { Element, Node } from './parse.js';

/** What the grouping needs to know about the elements (computed once per tree by the transform). */
export interface EmbedFacts {
  /** The vendor this element loads from by itself (a frame's or script's URL). */
  trigger(element: Element): Vendor | undefined;
  /** Whether the element or anything in it is a frame (any loader but a script) of the vendor. */
  hasFrame(element: Element, vendor: Vendor): boolean;
  /**
   * Whether the element is part of the vendor's embed code: classed after the vendor, loading from
   * it or wrapping what does, a blockquote quoting it, or an inline script naming it.
   */
  belongsTo(element: Element, vendor: Vendor): boolean;
  /** Whether the element or anything in it links to or loads from the vendor. */
  linksTo(element: Element, vendor: Vendor): boolean;
  /** Whether `script` is an inline script that names `element`'s id: the element it sets up. */
  setsUp(script: Element, element: Element): boolean;
}

const isElement = (node: Node): node is Element => 'tagName' in node;
/** Whitespace between the parts of one embed; a comment or text ends the embed. */
const isBlank = (node: Node) => node.nodeName === '#text' && !('value' in node && node.value.trim());
/** A container with nothing in it: what a script fills (not an image, a rule or a line break). */
const isEmptyMount = (element: Element) => /^(div|span|a)$/.test(element.tagName) && !element.childNodes.length;

/**
 * The first and last index in `siblings` of the embed that starts at `siblings[index]`. Siblings
 * already in a gate (`taken`) are not joined. A companion followed by a loader of its own (the next
 * post of the same service) is left to that loader; each frame is an embed of its own. A setup
 * script and the element it names join together: after a loader when the script is the vendor's
 * (an in-page player's container and `jwplayer("id").setup(…)`), or just before the vendor's script
 * (the link Getty Images' widget replaces and the call that queues it). An empty container or a
 * link to the vendor right before the vendor's script is the element the script fills (Kaltura's,
 * Typeform's, Disqus' container; X's timeline link); a link after a frame is an attribution line.
 */
export function embedExtent(siblings: readonly Node[], index: number, vendor: Vendor, facts: EmbedFacts, taken: ReadonlySet<Node>): [number, number] {
  /** The next sibling that is not blank in the direction of `step`, if it is an element. */
  const neighbour = (from: number, step: number): Element | undefined => {
    for (let j = from + step; j >= 0 && j < siblings.length; j += step) {
      const sibling = siblings[j]!;
      if (!isBlank(sibling)) return isElement(sibling) ? sibling : undefined;
    }
    return undefined;
  };
  const isLoader = (element: Element) => element.tagName === 'script' && facts.trigger(element) === vendor;
  /** What a script right after it fills: an empty container, or a link to the vendor (X's timeline). */
  const isMount = (element: Element) => isEmptyMount(element) || (element.tagName === 'a' && facts.linksTo(element, vendor));
  let frameInGroup = facts.hasFrame(siblings[index] as Element, vendor);
  const extend = (step: number): number => {
    let edge = index;
    for (let j = index + step; j >= 0 && j < siblings.length; j += step) {
      const sibling = siblings[j]!;
      if (isBlank(sibling)) continue;
      if (!isElement(sibling) || taken.has(sibling) || sibling.tagName === 'consent-gate') break;
      const joined = siblings[edge] as Element;
      const next = neighbour(j, 1);
      const setUp =
        step > 0
          ? !!next && facts.setsUp(next, sibling) && facts.belongsTo(next, vendor)
          : facts.setsUp(joined, sibling) || (isLoader(joined) && (isMount(sibling) || (!!neighbour(j, -1) && facts.setsUp(sibling, neighbour(j, -1)!))));
      if (!setUp && !facts.belongsTo(sibling, vendor)) break;
      const framed = facts.hasFrame(sibling, vendor);
      if (framed && frameInGroup) break;
      frameInGroup ||= framed;
      if (step > 0 && !setUp && facts.trigger(sibling) !== vendor && next && facts.trigger(next) === vendor) break;
      edge = j;
    }
    return edge;
  };
  return [extend(-1), extend(1)];
}
