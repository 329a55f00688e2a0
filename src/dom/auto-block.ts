import { withCatalogHosts } from '../core/catalog-hosts.js';
import { report } from '../core/report.js';
import { vendorForUrl } from '../core/host-pattern.js';
import { words, type Vendor } from '../core/vendor.js';
import { consentContext } from '../consent/registry.js';
import { whenParsed } from './when-parsed.js';

/** Where a page script's iframe `src` waits until the iframe is in the page and can become a gate. */
const HELD = 'data-auto-blocked-src';

/** Elements that fetch or run something as soon as they are in the page, and their URL attribute. */
const LOADERS = `iframe[src], iframe[${HELD}], script[src], embed[src], object[data], img[src], video[src], audio[src]`;

let configuredIds: string[] | undefined;

type Claim = Pick<Vendor, 'id' | 'hosts'>;

/**
 * The vendors to block: the manager's (its `vendors` and its `<consent-vendor>` declarations) once
 * it has read them, until then its `vendors` attribute and the declarations parsed so far; and
 * every id auto-blocking was started with (the script tag's `data-vendors`): their union.
 */
function vendorsToBlock(ids: readonly string[]): Claim[] {
  const authority = consentContext.authority;
  const manager = document.querySelector('consent-manager');
  const known: Claim[] = authority?.ready
    ? [...authority.configuredVendors()]
    : Array.from(manager?.querySelectorAll(':scope > consent-vendor') ?? [], (element) => ({ id: element.id, hosts: words(element.getAttribute('hosts')) }));
  // A hand-written manager reads its `vendors` once the page is parsed; its attribute is there before.
  for (const id of [...ids, ...words(authority?.ready ? '' : manager?.getAttribute('vendors'))]) {
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
  return vendor && !consentContext.authority?.hasConsent(vendor.id) ? vendor : undefined;
}

/**
 * Scripts become `type="text/plain" data-consent` blocks (run on consent by BlockedElements);
 * frames, objects and media become gates holding a copy of themselves.
 */
function block(element: Element): void {
  if (element.closest('consent-gate')) return;
  const vendor = blockedVendor(element.getAttribute(element.localName === 'object' ? 'data' : 'src') ?? element.getAttribute(HELD));
  if (!vendor) return;
  if (element instanceof HTMLScriptElement) {
    if (element.type === 'text/plain') return;
    if (element.type) element.dataset.type = element.type;
    element.type = 'text/plain';
    element.dataset.consent = vendor.id;
    return;
  }
  const copy = element.cloneNode(true) as Element;
  const held = copy.getAttribute(HELD);
  if (held) {
    copy.removeAttribute(HELD);
    Element.prototype.setAttribute.call(copy, 'src', held);
  }
  // Dropping the source first cancels a request the element has started.
  element.removeAttribute('src');
  const gate = document.createElement('consent-gate');
  gate.setAttribute('vendor', vendor.id);
  const template = document.createElement('template');
  template.content.append(copy);
  gate.append(template);
  element.replaceWith(gate);
}

/**
 * A type that page code gives a script auto-blocking has held back goes to `data-type`, so that the
 * script stays inert until its vendor is granted (and then runs with that type).
 */
function heldType(element: Element, value: string): boolean {
  if (!(element instanceof HTMLScriptElement) || element.type !== 'text/plain' || !element.hasAttribute('data-consent')) return false;
  if (!blockedVendor(element.getAttribute('src'))) return false;
  element.dataset.type = value;
  return true;
}

/** Intercepts `src` set by page scripts on scripts and iframes, before the element is inserted. */
function guardSource(prototype: HTMLScriptElement | HTMLIFrameElement): void {
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'src')!;
  const guard = (element: HTMLScriptElement | HTMLIFrameElement, value: string): boolean => {
    const vendor = blockedVendor(value);
    if (!vendor) return false;
    if (element instanceof HTMLScriptElement) {
      const type = element.getAttribute('type');
      if (type && type !== 'text/plain') element.dataset.type = type;
      element.dataset.consent = vendor.id;
      Element.prototype.setAttribute.call(element, 'type', 'text/plain');
      return false;
    }
    Element.prototype.setAttribute.call(element, HELD, value);
    return true;
  };
  Object.defineProperty(prototype, 'src', {
    ...descriptor,
    set(this: HTMLScriptElement | HTMLIFrameElement, value: string) {
      if (!guard(this, String(value))) descriptor.set!.call(this, value);
    },
  });
  const setAttribute = Element.prototype.setAttribute;
  Object.defineProperty(prototype, 'setAttribute', {
    configurable: true,
    writable: true,
    value(this: HTMLScriptElement | HTMLIFrameElement, name: string, value: string) {
      const attribute = name.toLowerCase();
      if (attribute === 'src' && guard(this, String(value))) return;
      if (attribute === 'type' && heldType(this, String(value))) return;
      setAttribute.call(this, name, value);
    },
  });
  if (prototype === HTMLScriptElement.prototype) {
    const type = Object.getOwnPropertyDescriptor(prototype, 'type')!;
    Object.defineProperty(prototype, 'type', {
      ...type,
      set(this: HTMLScriptElement, value: string) {
        if (!heldType(this, String(value))) type.set!.call(this, value);
      },
    });
  }
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
        if (node.matches(LOADERS)) block(node);
        for (const element of Array.from(node.querySelectorAll(LOADERS))) block(element);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  // Scripts already in the page have run; what is there of the rest is gated now.
  for (const element of Array.from(document.querySelectorAll(LOADERS))) if (!(element instanceof HTMLScriptElement)) block(element);
  guardSource(HTMLScriptElement.prototype);
  guardSource(HTMLIFrameElement.prototype);
}
