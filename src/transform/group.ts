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
}

const isElement = (node: Node): node is Element => 'tagName' in node;
/** Whitespace between the parts of one embed; a comment or text ends the embed. */
const isBlank = (node: Node) => node.nodeName === '#text' && !('value' in node && node.value.trim());

/**
 * The first and last index in `siblings` of the embed that starts at `siblings[index]`. Siblings
 * already in a gate (`taken`) are not joined. A companion followed by a loader of its own (the next
 * post of the same service) is left to that loader; each frame is an embed of its own.
 */
export function embedExtent(siblings: readonly Node[], index: number, vendor: Vendor, facts: EmbedFacts, taken: ReadonlySet<Node>): [number, number] {
  const nextElement = (from: number): Element | undefined => {
    for (let j = from + 1; j < siblings.length; j++) {
      const sibling = siblings[j]!;
      if (!isBlank(sibling)) return isElement(sibling) ? sibling : undefined;
    }
    return undefined;
  };
  let frameInGroup = facts.hasFrame(siblings[index] as Element, vendor);
  const extend = (step: number): number => {
    let edge = index;
    for (let j = index + step; j >= 0 && j < siblings.length; j += step) {
      const sibling = siblings[j]!;
      if (isBlank(sibling)) continue;
      if (!isElement(sibling) || taken.has(sibling) || sibling.tagName === 'consent-gate' || !facts.belongsTo(sibling, vendor)) break;
      const framed = facts.hasFrame(sibling, vendor);
      if (framed && frameInGroup) break;
      frameInGroup ||= framed;
      if (step > 0 && facts.trigger(sibling) !== vendor) {
        const after = nextElement(j);
        if (after && facts.trigger(after) === vendor) break;
      }
      edge = j;
    }
    return edge;
  };
  return [extend(-1), extend(1)];
}
