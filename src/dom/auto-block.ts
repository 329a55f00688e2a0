import { withCatalogHosts } from '../core/catalog-hosts.js';
import { vendorCatalog } from '../core/catalog.js';
import { report } from '../core/report.js';
import { vendorForUrl } from '../core/host-pattern.js';
import { words, type Vendor } from '../core/vendor.js';
import { consentAuthority, consentStore } from '../consent/registry.js';
import { whenParsed } from './when-parsed.js';
import { embedWrapper } from '../core/embed-wrapper.js';
import { domTree } from './embed-tree.js';
import { namesId } from '../core/setup-script.js';

/**
 * Where a page script's iframe or image `src` waits until the element is in the page and can
 * become a gate (an image never put in the page, a beacon, is never sent).
 */
const HELD = 'data-auto-blocked-src';

/** Elements that fetch or run something as soon as they are in the page, and their URL attribute. */
const LOADERS = `iframe[src], iframe[srcdoc], [${HELD}], script[src], embed[src], object[data], img[src], video[src], audio[src]`;

/** URLs in markup, absolute or scheme-relative (one quantifier: linear in the markup). */
const URLS = /(?:https?:)?\/\/[^\s"'<>\\]+/gi;

let configuredIds: string[] | undefined;

type Claim = Pick<Vendor, 'id' | 'hosts'>;

/**
 * The vendors to block: the manager's (its `vendors` and its `<consent-vendor>` declarations) once
 * it has read them, until then its `vendors` attribute and the declarations parsed so far; and
 * every id auto-blocking was started with (the script tag's `data-vendors`): their union.
 */
function vendorsToBlock(ids: readonly string[]): Claim[] {
  const ready = consentAuthority()?.ready;
  const manager = document.querySelector('consent-manager');
  const known: Claim[] = ready
    ? [...consentStore()!.vendors]
    : Array.from(manager?.querySelectorAll(':scope > consent-vendor') ?? [], (element) => ({ id: element.id, hosts: words(element.getAttribute('hosts')) }));
  // A hand-written manager reads its `vendors` once the page is parsed; its attribute is there before.
  for (const id of [...ids, ...words(ready ? '' : manager?.getAttribute('vendors'))]) {
    if (!known.some((vendor) => vendor.id === id)) known.push({ id, hosts: [] });
  }
  return withCatalogHosts(known);
}

/** The vendor that serves a cross-origin URL and is not granted, if any. */
function blockedVendor(value: string | null | undefined): Claim | undefined {
  if (!value || !configuredIds) return undefined;
  let url: URL;
  try {
    url = new URL(value, document.baseURI);
  } catch {
    return undefined;
  }
  if (url.origin === location.origin) return undefined;
  const vendor = vendorForUrl(url, vendorsToBlock(configuredIds));
  return vendor && !consentAuthority()?.hasConsent(vendor.id) ? vendor : undefined;
}

/**
 * A gate, put where `members` are, holding them (moved into its inert template). A gate of the
 * same vendor that auto-blocking put inside them (around a link's image) gives way to its content.
 */
function gateAround(members: Element[], vendor: Claim): void {
  const gate = document.createElement('consent-gate');
  gate.setAttribute('vendor', vendor.id);
  const template = document.createElement('template');
  gate.append(template);
  members[0]!.before(gate);
  template.content.append(...members);
  for (const inner of template.content.querySelectorAll('consent-gate')) {
    const content = inner.getAttribute('vendor') === vendor.id && inner.querySelector(':scope > template');
    if (content instanceof HTMLTemplateElement) inner.replaceWith(content.content);
  }
}

/** The template of a gate right before `element` that has not loaded, to add to. */
function openGateBefore(element: Element): DocumentFragment | undefined {
  const gate = element.previousElementSibling;
  const template = gate?.localName === 'consent-gate' && !gate.hasAttribute('loaded') && gate.querySelector(':scope > template');
  return template instanceof HTMLTemplateElement ? template.content : undefined;
}

/**
 * The element a script-based embed shows before its script replaces it, just before the script:
 * a post's blockquote, a player's or chart's container named after the vendor, a link to the
 * vendor (Flickr's, Pinterest's), or an empty one (the element a player script fills); or, before
 * a setup call that has already run (Getty Images' queueing call), the element that call names,
 * the link the widget replaces.
 */
function mountOf(script: Element, vendor: Claim): Element | undefined {
  let mount = script.previousElementSibling;
  if (mount instanceof HTMLScriptElement && !mount.src && namesId(mount.text, mount.previousElementSibling?.id)) mount = mount.previousElementSibling;
  else if (!mount || mount.localName === 'script') return undefined;
  if (!mount || mount.closest('consent-gate')) return undefined;
  const named = `${mount.className} ${mount.id}`.toLowerCase().includes(vendor.id);
  const link = mount.localName === 'a' && blockedVendor(mount.getAttribute('href'))?.id === vendor.id;
  return mount.localName === 'blockquote' || named || link || !mount.firstChild || script.previousElementSibling !== mount ? mount : undefined;
}

/** Whether a vendor's scripts are an embed's (they show something), not a tracker's. */
function isEmbed(vendor: Claim): boolean {
  const purpose = (consentAuthority()?.vendor(vendor.id) ?? vendorCatalog().get(vendor.id))?.purpose;
  return !purpose || purpose === 'embeds';
}

/**
 * Whether the parser has just closed `script` and not yet run it: nothing follows it in the page.
 * (A script page code inserts has run by the time auto-blocking sees it, and may be anywhere.)
 */
function parsing(script: Element): boolean {
  if (document.readyState !== 'loading') return false;
  for (let node: Node | null = script; node; node = node.parentNode) if (node.nextSibling) return false;
  return true;
}

/**
 * An inline script the parser is about to run (auto-blocking sees it first), in the article:
 * - one that names the element before it, after an embed's held script (an in-page player: its
 *   library, its container, `jwplayer("id").setup(…)`): one gate holds the three, and once granted
 *   the setup call runs after the library, as without the widget;
 * - one that names an element of the gate just before it (Kaltura's container and library, then
 *   `KalturaPlayer.setup({ targetId })`): it joins that gate;
 * - an embed's loader, naming a vendor's URL right after what it fills (Infogram's container,
 *   Disqus' thread): a gate holds the two, so the reader sees a placeholder there and the loader
 *   runs once granted.
 */
function holdInline(script: HTMLScriptElement): void {
  const before = script.previousElementSibling;
  if (!before || !parsing(script) || script.closest('head') || (script.type && !/javascript|ecmascript/i.test(script.type))) return;
  const library = before.previousElementSibling;
  const gate = openGateBefore(script);
  if (library instanceof HTMLScriptElement && isHeld(library) && !library.closest('consent-gate') && namesId(script.text, before.id)) {
    const vendor = { id: library.dataset.consent!, hosts: [] };
    if (isEmbed(vendor)) gateAround([library, before, script], vendor);
  } else if (gate && Array.from(gate.children).some((element) => namesId(script.text, element.id))) {
    gate.append(script);
  } else {
    // Only after what it fills: other page code naming a vendor's URL runs as it is.
    const vendor = vendorInText(script.text);
    const mount = vendor && isEmbed(vendor) && mountOf(script, vendor);
    if (mount) gateAround([mount, script], vendor);
  }
}

/**
 * Scripts become `type="text/plain" data-consent` blocks (run on consent by BlockedElements);
 * frames, objects and media become gates holding them with the wrappers that exist only for them
 * (ratio boxes, a vendor's own wrapper). An embed's script in the article gets a gate too, with
 * what it would fill (a post's blockquote, a chart's container), so the reader sees a placeholder.
 */
function block(element: Element): void {
  // Not in the page any more: already moved into a gate's template by an earlier record.
  if (!element.isConnected || element.closest('consent-gate')) return;
  const vendor =
    blockedVendor(element.getAttribute(element.localName === 'object' ? 'data' : 'src') ?? element.getAttribute(HELD)) ??
    vendorInText(element.getAttribute('srcdoc'));
  if (!vendor) return;
  if (element instanceof HTMLScriptElement) {
    if (element.type === 'text/plain') return;
    if (element.type) element.dataset.type = element.type;
    element.type = 'text/plain';
    element.dataset.consent = vendor.id;
    // An embed's script in the article (not a tracker's, nor anything in <head>) shows where it would.
    if (!isEmbed(vendor) || element.closest('head')) return;
    const wrapper = embedWrapper(domTree, [element], vendor.id);
    const mount = wrapper ? undefined : mountOf(element, vendor);
    if (wrapper || mount) return gateAround(wrapper ? [wrapper] : [mount!, element], vendor);
    // A companion of the gate before it (Vimeo's player API after its frame) joins that gate; a
    // script that carries its embed's data (Dailymotion's `data-video`, Telegram's
    // `data-telegram-post`) is the embed itself, which puts its content where it stands.
    const gate = openGateBefore(element);
    if (gate && element.previousElementSibling!.getAttribute('vendor') === vendor.id) gate.append(element);
    else if (Array.from(element.attributes).some(({ name }) => name.startsWith('data-') && !/^data-(consent|type)$/.test(name))) gateAround([element], vendor);
    return;
  }
  const source = element.getAttribute(HELD) ?? element.getAttribute('src');
  // Dropping the source first cancels a request the element has started.
  element.removeAttribute('src');
  element.removeAttribute(HELD);
  gateAround([embedWrapper(domTree, [element], vendor.id) ?? element], vendor);
  // In the inert template, the source loads nothing.
  if (source !== null) Element.prototype.setAttribute.call(element, 'src', source);
}

/**
 * The blocked vendor of the first URL that has one in a frame's `srcdoc` (the frame's document is
 * the page's own origin, where auto-blocking does not run, so its scripts and frames would load)
 * or in an inline script's code.
 */
function vendorInText(markup: string | null): Claim | undefined {
  for (const [url] of (markup ?? '').matchAll(URLS)) {
    const vendor = blockedVendor(url);
    if (vendor) return vendor;
  }
  return undefined;
}

/**
 * A script auto-blocking holds back (`type="text/plain" data-consent`, its `src` a vendor's without
 * consent): its type may not change until the vendor is granted.
 */
const isHeld = (element: Element): element is HTMLScriptElement =>
  element instanceof HTMLScriptElement && element.type === 'text/plain' && element.hasAttribute('data-consent') && !!blockedVendor(element.getAttribute('src'));

/**
 * Blocks a source that page code sets on a script, an iframe or an image before it is in the
 * page: a script becomes a held `type="text/plain" data-consent` one (its `src` is set); the URL of
 * a frame or an image waits in HELD instead (true: not set).
 */
function guard(element: Element, value: string): boolean {
  const vendor = blockedVendor(value);
  if (!vendor) return false;
  if (element instanceof HTMLScriptElement) {
    const type = element.getAttribute('type');
    if (type && type !== 'text/plain') element.dataset.type = type;
    element.dataset.consent = vendor.id;
    setAttribute.call(element, 'type', 'text/plain');
    return false;
  }
  setAttribute.call(element, HELD, value);
  return true;
}

/**
 * Takes over a change page code makes to an attribute (`value` null: removed), whichever DOM method
 * it uses, when it would give a script, frame or image a blocked source, or change the type of a
 * held script: that type goes to `data-type`, so the script stays inert until its vendor is
 * granted (and then runs with that type). True when taken over.
 */
function intercept(element: Element | null, name: string, value: string | null, namespace?: string | null): boolean {
  if (!element || namespace) return false;
  const attribute = name.toLowerCase();
  if (attribute === 'type' && isHeld(element)) {
    if (value === null) delete element.dataset.type;
    else element.dataset.type = value;
    return true;
  }
  return attribute === 'src' && value !== null && element.matches('script, iframe, img') && guard(element, value);
}

const setAttribute = Element.prototype.setAttribute;

type Method = (...args: unknown[]) => unknown;

/** Replaces a method of `prototype`; `replacement` gets the original first, then the arguments. */
// `any`: each replacement types its own `this` and arguments.
function patch(prototype: object, name: string, replacement: (this: any, original: Method, ...args: any[]) => unknown): void {
  const original = (prototype as Record<string, Method>)[name];
  Object.defineProperty(prototype, name, {
    configurable: true,
    writable: true,
    value(this: unknown, ...args: unknown[]) {
      return replacement.call(this, original, ...args);
    },
  });
}

/** Replaces the setter of an accessor property of `prototype` (found on it or up its chain). */
// `any`: each setter types its own `this`.
function patchSetter(prototype: object, name: string, set: (this: any, value: unknown) => boolean): void {
  let owner = prototype;
  while (!Object.getOwnPropertyDescriptor(owner, name)) owner = Object.getPrototypeOf(owner);
  const descriptor = Object.getOwnPropertyDescriptor(owner, name)!;
  Object.defineProperty(prototype, name, {
    ...descriptor,
    set(this: unknown, value: unknown) {
      if (!set.call(this, value)) descriptor.set!.call(this, value);
    },
  });
}

/**
 * Intercepts what page scripts set on scripts, iframes and images before they are in the page (and
 * on held scripts in it), through every attribute method and property that sets `src` or `type`.
 */
function guardSources(): void {
  for (const prototype of [HTMLScriptElement.prototype, HTMLIFrameElement.prototype, HTMLImageElement.prototype]) {
    patchSetter(prototype, 'src', function (this: Element, value) {
      return guard(this, String(value));
    });
    patch(prototype, 'setAttribute', function (this: Element, original, name: string, value: string) {
      if (!intercept(this, name, String(value))) original.call(this, name, value);
    });
    patch(prototype, 'setAttributeNS', function (this: Element, original, namespace: string | null, name: string, value: string) {
      if (!intercept(this, name, String(value), namespace)) original.call(this, namespace, name, value);
    });
    patch(prototype, 'removeAttribute', function (this: Element, original, name: string) {
      if (!intercept(this, name, null)) original.call(this, name);
    });
    patch(prototype, 'removeAttributeNS', function (this: Element, original, namespace: string | null, name: string) {
      if (!intercept(this, name, null, namespace)) original.call(this, namespace, name);
    });
    patch(prototype, 'toggleAttribute', function (this: Element, original, name: string, force?: boolean) {
      // A held script keeps its type.
      return (name.toLowerCase() === 'type' && isHeld(this)) || original.call(this, name, force);
    });
    for (const name of ['setAttributeNode', 'setAttributeNodeNS']) {
      patch(prototype, name, function (this: Element, original, attribute: Attr) {
        return intercept(this, attribute.name, attribute.value, attribute.namespaceURI) ? null : original.call(this, attribute);
      });
    }
    patch(prototype, 'removeAttributeNode', function (this: Element, original, attribute: Attr) {
      return intercept(this, attribute.name, null, attribute.namespaceURI) ? attribute : original.call(this, attribute);
    });
  }
  patchSetter(HTMLScriptElement.prototype, 'type', function (this: Element, value) {
    return intercept(this, 'type', String(value));
  });
  // An attribute node's value, set on the node itself or through the element's attribute list.
  for (const name of ['value', 'nodeValue', 'textContent']) {
    patchSetter(Attr.prototype, name, function (this: Attr, value) {
      return intercept(this.ownerElement, this.name, String(value), this.namespaceURI);
    });
  }
  // The list's element is known from an attribute it already has (a new script has none: open).
  const owner = (list: NamedNodeMap) => list[0]?.ownerElement ?? null;
  for (const name of ['setNamedItem', 'setNamedItemNS']) {
    patch(NamedNodeMap.prototype, name, function (this: NamedNodeMap, original, attribute: Attr) {
      return intercept(owner(this), attribute.name, attribute.value, attribute.namespaceURI) ? null : original.call(this, attribute);
    });
  }
  patch(NamedNodeMap.prototype, 'removeNamedItem', function (this: NamedNodeMap, original, name: string) {
    return intercept(owner(this), name, null) ? this.getNamedItem(name) : original.call(this, name);
  });
  patch(NamedNodeMap.prototype, 'removeNamedItemNS', function (this: NamedNodeMap, original, namespace: string | null, name: string) {
    return intercept(owner(this), name, null, namespace) ? this.getNamedItemNS(namespace, name) : original.call(this, namespace, name);
  });
}

/**
 * Auto-blocking (`auto-block`): third-party iframes, scripts, objects and media whose URL belongs
 * to a configured vendor without consent are stopped as the parser or page code inserts them.
 * Started once, as early as possible: from the script tag in `<head>`, or when the manager is
 * parsed. Not a guarantee (README: "Auto-blocking and its limits"): the consent-gate transform is.
 */
export function startAutoBlock(vendorIds: string): void {
  if (configuredIds) return void configuredIds.push(...words(vendorIds));
  const ids = (configuredIds = words(vendorIds));
  whenParsed(() => {
    if (!vendorsToBlock(ids).some((vendor) => vendor.hosts.length)) {
      report('auto-block: no vendors to block (data-vendors, vendors or <consent-vendor hosts>)');
    }
  });
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof Element)) continue;
        if (node instanceof HTMLScriptElement && !node.src) holdInline(node);
        if (node.matches(LOADERS)) block(node);
        for (const element of Array.from(node.querySelectorAll(LOADERS))) block(element);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  // Scripts already in the page have run; what is there of the rest is gated now.
  for (const element of Array.from(document.querySelectorAll(LOADERS))) if (!(element instanceof HTMLScriptElement)) block(element);
  guardSources();
}
