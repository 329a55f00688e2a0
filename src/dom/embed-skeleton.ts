/** Take no room, or load something: left out. */
const DROPPED = /^(script|noscript|style|link|template|meta|source|track)$/;
/**
 * Frames, media and objects: a `video` without a source stands in for them (300 × 150 by default,
 * sized like them; no browsing context to create, unlike an empty frame). Wrappers keep their tag
 * (their default display and margins count); other elements become spans.
 */
const tagFor = (tag: string) => (/^(iframe|video|img|object|embed)$/.test(tag) ? 'video' : /^(div|p|blockquote|figure|center)$/.test(tag) ? tag : 'span');
/** A size of its own: a height, a ratio (a padding in %), an aspect ratio. */
const SIZING = /(^|;)\s*(height|aspect-ratio)\s*:|padding[^;]*%/i;

/**
 * An inert copy of an embed code's boxes, laid out hidden in the placeholder so that the browser
 * itself gives the placeholder the box the code would have (style beats attributes, ratio boxes,
 * default frame sizes and borders, percentage heights, attribution lines). Elements are created
 * anew with only their `style` (unless it names a URL), `width`, `height` and frame border, and
 * text is copied as text: nothing is fetched or run. `sized` when the code has a size of its own
 * (a frame, a height, a ratio box); a post sized by its script has not.
 */
export function embedSkeleton(content: DocumentFragment): { boxes: Node[]; sized: boolean } {
  const boxes: Node[] = [];
  let sized = false;
  const stack: Array<[Node, Node?]> = Array.from(content.childNodes, (node): [Node] => [node]).reverse();
  while (stack.length) {
    const [source, parent] = stack.pop()!;
    let copy: Node | undefined;
    if (source instanceof Text) copy = new Text(source.data);
    else if (source instanceof Element && !DROPPED.test(source.localName)) {
      const tag = source.localName;
      const element = document.createElement(tagFor(tag));
      const style = source.getAttribute('style') ?? '';
      if (!/url\(|image-set\(/i.test(style)) element.style.cssText = style;
      // A frame's own border: 2 px inset unless its style or `frameborder="0"` says otherwise.
      if (tag === 'iframe' && !element.style.borderTopStyle) element.style.border = source.getAttribute('frameborder') === '0' ? '0' : '2px inset';
      // Size attributes as styles: the element's own style beats them, as in the browser.
      // Read as browsers read them: the leading number (`190px` is 190), a percentage kept.
      for (const name of ['width', 'height'] as const) {
        const [value] = source.getAttribute(name)?.trim().match(/^\d+(\.\d+)?%?/) ?? [];
        if (!element.style[name] && value) element.style[name] = value.endsWith('%') ? value : `${value}px`;
      }
      sized ||= element.localName === 'video' || SIZING.test(style);
      copy = element;
      for (let i = source.childNodes.length; i--; ) stack.push([source.childNodes[i]!, element]);
    }
    if (copy && parent) parent.appendChild(copy);
    else if (copy) boxes.push(copy);
  }
  return { boxes, sized };
}
