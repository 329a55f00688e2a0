/**
 * The check after the rewrite: parses the output again and lists everything in it that can load or
 * run before consent — outside every `<template>` (a gate's content is inert until consent), and
 * inside `<noscript>` for readers without JavaScript. The transform's report is this list, so
 * nothing live in the output goes unreported, whatever the rewrite did.
 */
import type { Vendor } from '../core/vendor.js';
import { attribute, loadsOf, textOf } from './loads.js';
import { allElements, parseHtml, type Element, type Node, type ParentNode, type StartTag, type Template } from './parse.js';
import { PAGE, isThirdParty, resolveUrl } from './urls.js';
import { vendorForUrl } from '../core/host-pattern.js';

export interface Finding {
  /** What loads or runs: `iframe`, `inline script`, `script with a data: URL`, … */
  what: string;
  /** The third-party URL it fetches, when it fetches one. */
  url?: string;
  /** The vendor that URL belongs to, when the catalog claims it. */
  vendor?: string;
  /** The start tag it is in, as written (cut at 120 characters). */
  tag: string;
}

/** A `<template shadowrootmode>` becomes a shadow root as it is parsed: its content is live. */
export const isShadowTemplate = (element: Element): boolean => element.tagName === 'template' && attribute(element, 'shadowrootmode') !== undefined;

/** Child nodes as the browser makes them live: a declarative shadow root's content, no other template's. */
export function liveChildren(node: Node): Node[] {
  if (!('childNodes' in node)) return [];
  if ('tagName' in node && node.tagName === 'template') return isShadowTemplate(node) ? (node as Template).content.childNodes : [];
  return node.childNodes;
}

/**
 * Chromium's parser builds no deeper than 512 open elements: an element deeper than that goes to
 * an ancestor instead, which may be outside its `<template>` (Blink's
 * kMaximumHTMLParserDOMTreeDepth). Content that deep is never counted as inert; a margin is kept.
 */
export const DEPTH_LIMIT = 500;

/** The depth (open elements, `<html>` and `<body>` included) of the first elements of a tree. */
export const topDepth = (root: ParentNode): number => (root.nodeName === '#document' ? 1 : 3);

/** The live elements in document order: outside templates but shadow ones, and anything too deep to be kept in one. */
function* liveElements(root: ParentNode): Generator<Element> {
  const stack: Array<{ node: Node; depth: number; inert: boolean }> = [{ node: root, depth: topDepth(root) - 1, inert: false }];
  while (stack.length) {
    const { node, depth, inert } = stack.pop()!;
    if ('tagName' in node && (!inert || depth >= DEPTH_LIMIT)) yield node;
    const template = 'tagName' in node && node.tagName === 'template';
    const children = template ? (node as Template).content.childNodes : 'childNodes' in node ? node.childNodes : [];
    const inertBelow = inert || (template && !isShadowTemplate(node as Element));
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: depth + 1, inert: inertBelow });
  }
}

const MAX_SRCDOC_DEPTH = 3;

export function audit(html: string, vendors: readonly Vendor[], depth = 0): Finding[] {
  const { root, dropped } = parseHtml(html);
  const findings: Finding[] = [];
  const tagOf = (start: number | undefined, end: number | undefined) => (start === undefined ? '' : html.slice(start, Math.min(end ?? start, start + 120)));
  // The first <base href> sets the URL relative ones resolve against.
  let base = PAGE;
  const live = [...liveElements(root)];
  const baseElement = live.find((element) => element.tagName === 'base' && attribute(element, 'href') !== undefined);
  if (baseElement) {
    const url = resolveUrl(attribute(baseElement, 'href'), PAGE);
    if (url && isThirdParty(url)) {
      base = url.href;
      findings.push({ what: 'base href: relative URLs load from another host', url: url.href, tag: tagOf(baseElement.sourceCodeLocation?.startTag?.startOffset, baseElement.sourceCodeLocation?.startTag?.endOffset) });
    }
  }
  const report = (element: Element, prefix: string, elementsBase: string, into: Finding[]) => {
    const location = element.sourceCodeLocation?.startTag;
    for (const load of loadsOf(element, elementsBase)) {
      const vendor = load.url && vendorForUrl(load.url, vendors);
      into.push({ what: prefix + load.what, ...(load.url && { url: load.url.href }), ...(vendor && { vendor: vendor.id }), tag: tagOf(location?.startOffset, location?.endOffset) });
    }
  };
  for (const element of live) {
    report(element, '', base, findings);
    if (element.tagName === 'iframe' && attribute(element, 'srcdoc') !== undefined) {
      const tag = tagOf(element.sourceCodeLocation?.startTag?.startOffset, element.sourceCodeLocation?.startTag?.endOffset);
      if (depth >= MAX_SRCDOC_DEPTH) findings.push({ what: 'iframe srcdoc nested too deep to check', tag });
      else for (const inner of audit(attribute(element, 'srcdoc')!, vendors, depth + 1)) findings.push({ ...inner, what: `in srcdoc: ${inner.what}`, tag });
    }
    if (element.tagName === 'noscript') {
      // Without JavaScript a <noscript>'s text is markup, and it loads.
      const prefix = 'in noscript (loads for readers without JavaScript): ';
      const inner = parseHtml(textOf(element), { scripting: false, document: false });
      for (const innerElement of allElements(inner.root)) report(innerElement, prefix, base, findings);
      const tag = tagOf(element.sourceCodeLocation?.startTag?.startOffset, element.sourceCodeLocation?.startTag?.endOffset);
      for (const dropped of droppedOutsideTemplates(inner.root, inner.dropped)) findings.push({ ...droppedFinding(dropped, base, vendors), what: prefix + droppedFinding(dropped, base, vendors).what, tag });
    }
  }
  for (const tag of droppedOutsideTemplates(root, dropped)) findings.push({ ...droppedFinding(tag, base, vendors), tag: tagOf(tag.startOffset, tag.endOffset) });
  return findings;
}

/** A start tag parse5 dropped (inside `<select>`, …) where a browser may make it an element that loads. */
export function droppedFinding(tag: StartTag, base: string, vendors: readonly Vendor[]): Omit<Finding, 'tag'> {
  const src = tag.attrs.find((attr) => ['src', 'data', 'href', 'srcset', 'srcdoc', 'poster'].includes(attr.name))?.value;
  const url = resolveUrl(src, base);
  const vendor = url && vendorForUrl(url, vendors);
  return {
    what: `<${tag.tagName}> that parse5 drops here (inside <select>, …) but a browser may keep`,
    ...(url && isThirdParty(url) && { url: url.href }),
    ...(vendor && { vendor: vendor.id }),
  };
}

/** Dropped start tags, except those inside a template's content (inert however a browser parses it). */
export function droppedOutsideTemplates(root: ParentNode, dropped: StartTag[]): StartTag[] {
  if (!dropped.length) return [];
  const ranges: Array<[number, number]> = [];
  for (const element of allElements(root)) {
    const location = element.sourceCodeLocation;
    if (element.tagName === 'template' && !isShadowTemplate(element) && location?.startTag) {
      ranges.push([location.startTag.endOffset, location.endTag?.startOffset ?? location.endOffset]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const outer: Array<[number, number]> = [];
  for (const range of ranges) if (!outer.length || range[0] >= outer.at(-1)![1]) outer.push(range);
  const inside = (offset: number) => {
    let low = 0;
    let high = outer.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = outer[middle]!;
      if (offset < start) high = middle - 1;
      else if (offset >= end) low = middle + 1;
      else return true;
    }
    return false;
  };
  return dropped.filter((tag) => !inside(tag.startOffset));
}
