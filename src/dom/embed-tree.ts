import type { EmbedTree } from '../core/embed-tree.js';

/** The page's DOM as an embed tree (auto-block, the gate's box). */
export const domTree: EmbedTree<Element> = {
  tag: (element) => element.localName,
  attribute: (element, name) => element.getAttribute(name),
  parent: (element) => element.parentElement,
  children: (element) => Array.from(element.children),
  hasText: (element) => Array.from(element.childNodes).some((node) => node instanceof Text && !!node.data.trim()),
};
