/**
 * The little of an element tree that embed recognition reads, so that one pure function serves
 * both the transform (a parse5 tree, in Node) and auto-block (the page's DOM).
 */
export interface EmbedTree<N> {
  /** The lower-case tag name. */
  tag(node: N): string;
  attribute(node: N, name: string): string | null | undefined;
  parent(node: N): N | null | undefined;
  /** The element children, in order. */
  children(node: N): readonly N[];
  /** True when the element has a text child other than whitespace. */
  hasText(node: N): boolean;
}
