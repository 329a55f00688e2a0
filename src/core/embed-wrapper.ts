import type { EmbedTree } from './embed-tree.js';

/** Elements that come with an embed code and show nothing of their own. */
const COMPANIONS = new Set(['script', 'noscript', 'style', 'link', 'br']);
/**
 * The only elements that can be an embed's wrapper. Anything else — a paragraph, `figure`,
 * `figcaption`, `blockquote`, `article`, `section`, `main`, `body`, a list item — is the article's.
 */
const WRAPPERS = new Set(['div', 'span', 'center']);
/** Style properties embed codes size or place their wrappers with (ratio boxes, max-width boxes). */
const SIZING = /position|padding|width|height|overflow|aspect-ratio/i;
/** Words in a class or id that name a box made for an embed (responsive boxes, vendors' own wrappers). */
const EMBED_WORDS = /embed|video|player|iframe|responsive|ratio|wrap|media|podcast|audio|chart|map|widget|vjs|jw/;

/** Embed codes nest their frame in at most a few boxes; the climb stops there (linear time on any tree). */
const MAX_DEPTH = 6;

/** True when `parent` exists only for `members`: nothing else in it, and a sign that it was made for them. */
function wrapsOnly<N>(tree: EmbedTree<N>, parent: N, members: readonly N[], vendorId: string): boolean {
  if (!WRAPPERS.has(tree.tag(parent)) || tree.hasText(parent)) return false;
  if (!tree.children(parent).every((child) => members.includes(child) || COMPANIONS.has(tree.tag(child)))) return false;
  if (SIZING.test(tree.attribute(parent, 'style') ?? '')) return true;
  const names = `${tree.attribute(parent, 'class') ?? ''} ${tree.attribute(parent, 'id') ?? ''}`.toLowerCase();
  return EMBED_WORDS.test(names) || (vendorId.length > 2 && names.includes(vendorId));
}

/**
 * The outermost wrapper that exists only for an embed (its `members`: a frame, or a post and its
 * script), climbing through ratio boxes, `max-width` and `position: relative` boxes and a vendor's
 * own wrapper until article content; `undefined` when the members have no wrapper of their own.
 */
export function embedWrapper<N>(tree: EmbedTree<N>, members: readonly N[], vendorId = ''): N | undefined {
  let wrapper: N | undefined;
  let inside = members;
  let parent = tree.parent(members[0]!);
  for (let depth = 0; depth < MAX_DEPTH && parent && wrapsOnly(tree, parent, inside, vendorId); depth++) {
    wrapper = parent;
    inside = [parent];
    parent = tree.parent(parent);
  }
  return wrapper;
}
