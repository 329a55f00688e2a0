/** Kept as they are: their default display and margins count. */
const KEPT = new Set(['div', 'span', 'p', 'blockquote', 'figure', 'center']);
/** Take no room, or load something. */
const DROPPED = new Set(['script', 'noscript', 'style', 'link', 'template', 'meta', 'source', 'track']);
/**
 * Frames, media and objects: a `video` without a source stands in for them (300 × 150 by default,
 * sized by its attributes like them; no browsing context to create, unlike an empty frame).
 */
const REPLACED = new Set(['iframe', 'video', 'img', 'object', 'embed']);

/**
 * An inert copy of an embed code's boxes, laid out hidden in the placeholder so that the browser
 * itself gives the placeholder the box the code would have (style beats attributes, ratio boxes,
 * default frame sizes and borders, percentage heights). Only sizes are copied: elements are
 * created anew with their `style` (unless it names a URL), `width`, `height` and frame border;
 * no source, text or script, so nothing is fetched or run.
 */
export function embedSkeleton(content: DocumentFragment): { root?: Element; sized: boolean } {
  const skeleton = document.createDocumentFragment();
  let sized = false;
  // The code's first element that shows: a frame, a wrapper, a post (its attribution line and its
  // scripts come after it).
  const first = Array.from(content.children).find((child) => !DROPPED.has(child.localName));
  const stack: Array<[Element, ParentNode]> = first ? [[first, skeleton]] : [];
  while (stack.length) {
    const [source, parent] = stack.pop()!;
    const tag = source.localName;
    if (DROPPED.has(tag)) continue;
    const replaced = REPLACED.has(tag);
    const copy = document.createElement(KEPT.has(tag) ? tag : replaced ? 'video' : 'span');
    const style = source.getAttribute('style') ?? '';
    if (!/url\(|image-set\(/i.test(style)) copy.style.cssText = style;
    // A frame's own border: 2 px inset unless its style or `frameborder="0"` says otherwise.
    if (tag === 'iframe' && !copy.style.borderTopStyle) copy.style.border = source.getAttribute('frameborder') === '0' ? '0' : '2px inset';
    // Size attributes as styles (the element's own style beats them, as it does in the browser).
    for (const name of ['width', 'height'] as const) {
      const value = source.getAttribute(name)?.trim() ?? '';
      if (!copy.style[name] && /^\d+(\.\d+)?%?$/.test(value)) copy.style[name] = value.endsWith('%') ? value : `${value}px`;
    }
    sized ||= replaced || /height|padding|aspect-ratio/i.test(style);
    parent.append(copy);
    for (let i = source.children.length - 1; i >= 0; i--) stack.push([source.children[i]!, copy]);
  }
  return { root: skeleton.firstElementChild ?? undefined, sized };
}
