/** Take no room, or load something: left out. */
const DROPPED = /^(script|noscript|style|link|template|meta|source|track)$/;
/**
 * Frames, media and objects: a `video` without a source stands in for them (300 × 150 by default,
 * sized like them; no browsing context to create, unlike an empty frame). Wrappers keep their tag
 * (their default display and margins count); other elements become spans.
 */
const tagFor = (tag: string) => (/^(iframe|video|img|object|embed)$/.test(tag) ? 'video' : /^(div|p|blockquote|figure|center)$/.test(tag) ? tag : 'span');

/**
 * An inert copy of an embed code's boxes, laid out hidden in the placeholder so that the browser
 * itself gives the placeholder the box the code would have (style beats attributes, ratio boxes,
 * default frame sizes and borders, percentage heights). Only sizes are copied: elements are
 * created anew with their `style` (unless it names a URL), `width`, `height` and frame border;
 * no source, text or script, so nothing is fetched or run. Built from the code's first element
 * that shows (a frame, a wrapper, a post); `sized` when it has a size of its own.
 */
export function embedSkeleton(content: DocumentFragment): { root?: HTMLElement; sized: boolean } {
  const first = Array.from(content.children).find((child) => !DROPPED.test(child.localName));
  let root: HTMLElement | undefined;
  let sized = false;
  const stack: Array<[Element, HTMLElement?]> = first ? [[first]] : [];
  while (stack.length) {
    const [source, parent] = stack.pop()!;
    const tag = source.localName;
    if (DROPPED.test(tag)) continue;
    const copy = document.createElement(tagFor(tag));
    const style = source.getAttribute('style') ?? '';
    if (!/url\(|image-set\(/i.test(style)) copy.style.cssText = style;
    // A frame's own border: 2 px inset unless its style or `frameborder="0"` says otherwise.
    if (tag === 'iframe' && !copy.style.borderTopStyle) copy.style.border = source.getAttribute('frameborder') === '0' ? '0' : '2px inset';
    // Size attributes as styles: the element's own style beats them, as in the browser.
    for (const name of ['width', 'height'] as const) {
      const value = source.getAttribute(name)?.trim() ?? '';
      if (!copy.style[name] && /^\d+(\.\d+)?%?$/.test(value)) copy.style[name] = value.endsWith('%') ? value : `${value}px`;
    }
    sized ||= copy.localName === 'video' || /height|padding|aspect-ratio/i.test(style);
    if (parent) parent.append(copy);
    else root = copy;
    for (let i = source.children.length; i--; ) stack.push([source.children[i]!, copy]);
  }
  return { root, sized };
}
