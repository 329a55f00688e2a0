import type { DefaultTreeAdapterMap } from 'parse5';
import type { EmbedTree } from '../core/embed-tree.js';

type Element = DefaultTreeAdapterMap['element'];

const isElement = (node: unknown): node is Element => !!node && typeof node === 'object' && 'tagName' in node;

/** A parse5 tree as an embed tree (the transform). */
export const parse5Tree: EmbedTree<Element> = {
  tag: (element) => element.tagName,
  attribute: (element, name) => element.attrs.find((attr) => attr.name === name)?.value,
  parent: (element) => (isElement(element.parentNode) ? element.parentNode : undefined),
  children: (element) => element.childNodes.filter(isElement),
  hasText: (element) => element.childNodes.some((node) => node.nodeName === '#text' && 'value' in node && !!node.value.trim()),
};
