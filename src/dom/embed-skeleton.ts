import { frameDimension } from '../core/box-size.js';

/** Their text is code, not content: left out (other elements without content take no room). */
const DROPPED = /^(script|noscript|style)$/;
/**
 * Frames, media and objects: an empty `framebox` stands in for them, sized as a frame is (styles:
 * 300 × 150 by default, the `width` and `height` attributes below the style). Not an empty frame,
 * which creates a browsing context, nor a `video`, which takes half a millisecond to create: a
 * page of a thousand embeds made that most of its parser's work.
 */
const FRAMES = /^(iframe|video|img|object|embed)$/;
/** Wrappers keep their tag (their default display and margins count); other elements become spans. */
const KEPT = /^(div|p|blockquote|figure|center)$/;
/** A size of its own: a height, a ratio (a padding in %), an aspect ratio. */
const SIZING = /(^|;)\s*(height|aspect-ratio)\s*:|padding[^;]*%/i;

/**
 * Fills `into` with an inert copy of an embed code's boxes, laid out hidden in the placeholder so
 * that the browser itself gives the placeholder the box the code would have (style beats
 * attributes, ratio boxes, default frame sizes and borders, percentage heights, attribution
 * lines). Elements are created anew with only their `style` (unless it names a URL) and, for
 * frames, `width`, `height` and border; text is copied as text: nothing is fetched or run.
 * Returns true when the code has a size of its own (a frame, a height, a ratio box); a post sized
 * by its script has not.
 */
export function embedSkeleton(content: DocumentFragment, into: Element): boolean {
  let sized = false;
  // Breadth first, each node with the copy of its parent: a flat walk, no recursion.
  const queue = Array.from(content.childNodes, (node): [Node, Element] => [node, into]);
  for (const [source, parent] of queue) {
    if (source instanceof Text) parent.append(source.data);
    if (!(source instanceof Element) || DROPPED.test(source.localName)) continue;
    const tag = source.localName;
    const frame = FRAMES.test(tag);
    const element = document.createElement(frame ? 'framebox' : KEPT.test(tag) ? tag : 'span');
    const style = source.getAttribute('style') ?? '';
    // Not when it could fetch something (url(), image-set()).
    if (!/url|image/i.test(style)) element.style.cssText = style;
    if (frame) {
      // Below the style: only where it names no width or height.
      for (const name of ['width', 'height'] as const) element.style[name] ||= frameDimension(source.getAttribute(name));
      // A frame's own border: 2 px inset unless its style or `frameborder="0"` says otherwise.
      if (tag === 'iframe' && !element.style.borderTopStyle) element.style.border = source.getAttribute('frameborder') === '0' ? '0' : '2px inset';
    }
    // A hidden frame (Tableau's object, sized by its script) has no size of its own.
    sized ||= frame ? element.style.display != 'none' : SIZING.test(style);
    parent.append(element);
    for (const child of source.childNodes) queue.push([child, element]);
  }
  return sized;
}
