import { html, nothing } from 'lit/html.js';
import { vendorCatalog } from '../../core/catalog.js';
import { report } from '../../core/report.js';
import { safeHttpUrl } from '../../core/safe-url.js';
import { isSameSite } from '../../core/same-site.js';
import { cssRatio } from '../../core/box-size.js';
import type { Vendor } from '../../core/vendor.js';
import { makeScriptsRunnable } from '../../dom/run-scripts.js';
import { sharedStyles } from '../../styles/shared.js';
import { attributeAccessors, ConsentElement, type AttributeProperties } from '../consent-element.js';
import { direction } from '../../translations/languages.js';
import { vendorDescription } from '../../translations/vendor-description.js';
import { consentAuthority, consentStore, registeredGates, type GateSubscriber } from '../../consent/registry.js';
import { whenParsed } from '../../dom/when-parsed.js';
import { queueFirstRender, renderNow, reservesEarly } from '../first-render.js';
import { styles } from './consent-gate.styles.js';
import { embedSkeleton } from '../../dom/embed-skeleton.js';
import { adoptStyles } from '../../styles/css.js';


/** The gate's attributes (docs/embeds.md): name → default. */
const gateAttributes = {
  /** The id of the vendor whose consent this content needs. */
  vendor: '',
  /** A publisher-hosted image shown in the placeholder (this site only). */
  poster: '',
  /** The box's ratio (`16/9`, `16:9` or `1.78`) when the content has no width and height. */
  'aspect-ratio': '',
  /** `light`, `dark` or `auto`: this placeholder's theme, over the manager's. */
  theme: '',
};
/** The names childWatch watches on a gate that follows the choice. */
const attributeNames = Object.keys(gateAttributes);

/**
 * Watches each gate's children and, once it follows the choice, its attributes: in place of the
 * attribute callback, which the parser would call for every gate, and of most of the connected
 * one, as the parser delivers this watch's records once per gate anyway (at the next gate, or
 * before a script runs). Its first records tell a gate it is in place (settle). Content added
 * outside the <template> is blocked before the parser runs it, whatever `slot` it names
 * (slotchange tells only of the default slot's).
 */
const childWatch = new MutationObserver(watched);
function watched(records: MutationRecord[]): void {
  // Loops, not arrays: while a page is parsed this runs at every gate.
  for (const record of records) {
    const gate = record.target as ConsentGate;
    gate.settle();
    if (record.attributeName) gate.requestUpdate(record.attributeName);
    for (const node of record.addedNodes) if (isLoose(node)) gate.blockLooseContent();
  }
}
/** A child of a gate that is neither its <template> nor white space. */
const isLoose = (node: Node) => (node instanceof Element ? !(node instanceof HTMLTemplateElement) : node instanceof Text && !!node.data.trim());

/**
 * One blocked embed: its `<template>` content is put in place only once its vendor is granted
 * (or the reader loads it once). Until then a placeholder of the same size explains why.
 *
 * @summary A consent-first facade for a third-party embed.
 * @csspart base - The box that keeps the embed's size.
 * @csspart placeholder - The message shown while the content is blocked.
 * @csspart poster - The publisher's image behind the placeholder.
 * @csspart button - Every placeholder button.
 * @csspart accept-button - Grants the vendor and loads the content.
 * @csspart load-once-button - Loads this embed for this page view only.
 * @csspart preferences-button - Opens the Manage Preferences dialog at this vendor.
 * @cssproperty --consent-placeholder-background - Placeholder background.
 */
export class ConsentGate extends ConsentElement implements GateSubscriber {
  static override attributes = gateAttributes;

  // Fields without initial values (booleans start undefined): the constructor, run by the parser
  // for every gate, assigns nothing.
  /** The box that keeps the embed's size; the template renders inside it (made in renderTarget). */
  private baseBox!: HTMLDivElement;
  /** The inert copy of the embed code's boxes that gives the placeholder its size. */
  private skeletonBox!: HTMLDivElement;
  /** The <template> the box was last reserved for. */
  private boxFor?: HTMLTemplateElement | null;
  /** The box is reserved in the task that creates the gate (reservesEarly). */
  private early?: boolean;
  /** In place with its attributes (settle). */
  private settled?: boolean;
  /**
   * The content's state: blocked (none: the placeholder shows), or in place for this page view
   * only (`once`) or as granted (`loaded`).
   */
  private contentState?: 'once' | 'loaded';
  /** Watches a <template> that the parser is still filling. */
  private templateWatch?: MutationObserver;
  /** The vendor whose content is in place (a gate switched to another is blocked again). */
  private contentVendor?: string;
  private reportedUnknown?: boolean;
  private reportedRatio?: boolean;
  /** The markup says `loaded`: a copy of a page the widget had already changed (a CMS saving the live DOM). */
  private savedCopy?: boolean;
  private focusOnLoad?: boolean;

  /** The embed's inert content (missing while it is still being parsed); the publisher's, written last. */
  private get templateElement(): HTMLTemplateElement | null {
    let found: HTMLTemplateElement | null = null;
    for (const child of this.children) if (child instanceof HTMLTemplateElement) found = child;
    return found;
  }

  /** Resolves once it has rendered every change so far, an attribute set just now included. */
  override get updateComplete(): Promise<boolean> {
    watched(childWatch.takeRecords());
    return super.updateComplete;
  }

  /** True once this gate has put the content in place (it then has the `loaded` attribute). */
  get loaded(): boolean {
    return !!this.contentState;
  }

  /** None: its attributes are watched with its children (childWatch). Their accessors are made here. */
  static override get observedAttributes(): string[] {
    attributeAccessors(this, gateAttributes);
    return [];
  }

  constructor() {
    super();
    // Here, not with its first content: adopted then, the styles changed the style of a thousand
    // gates after the parser's task, for no less script in it.
    adoptStyles(this.renderRoot, [sharedStyles, styles]);
    childWatch.observe(this, { childList: true });
    // A copy of a loaded gate (cloneNode, importNode) is upgraded with the loaded content in it,
    // before it is in the page: the content goes before it can make a request.
    if (this.hasAttribute('loaded')) this.removeContent();
    this.requestUpdate();
    // Upgraded (the module build, a copy, a template's clone), it has its attributes and children
    // (the parser's has neither yet).
    if (this.parentNode || this.firstChild) {
      this.settle();
      this.blockLooseContent();
    }
  }

  /** The box, made at the first render or follow (not in the parser's task: reservesEarly). */
  protected override get renderTarget(): HTMLElement {
    if (!this.baseBox) {
      const base = (this.baseBox = document.createElement('div'));
      base.className = 'base';
      base.setAttribute('part', 'base');
      base.append((this.skeletonBox = document.createElement('div')));
      this.skeletonBox.className = 'skeleton';
      // While blocked, the light DOM goes to a hidden slot (a slot in the box takes it once loaded):
      // its slotchange says the <template> has changed (parsed at last, or replaced).
      const hidden = document.createElement('div');
      hidden.hidden = true;
      hidden.append(document.createElement('slot'));
      hidden.onslotchange = () => this.onSlotChange();
      this.renderRoot.append(base, hidden);
    }
    return this.baseBox;
  }

  /**
   * Back in the page after its first render: it follows the choice again, as it is now. (The
   * parser calls this for every gate, before its first render: it does no more than one test.)
   */
  connectedCallback(): void {
    if (this.hasUpdated) this.followManager();
  }

  /** Out of the page, it follows nothing (registeredGates): back in, it catches up. */
  disconnectedCallback(): void {
    registeredGates.delete(this);
  }

  /**
   * @internal Once it has its attributes and first children (the watch's first records, or its
   * upgrade): a saved copy is recognised; an early gate follows, once the watch has blocked
   * whatever live content came in with it (the microtask runs right after the watch's).
   */
  settle(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.hasAttribute('loaded') && !this.loaded) {
      this.savedCopy = true;
      this.removeAttribute('loaded');
    }
    if (this.early) queueMicrotask(() => this.followManager());
  }

  /**
   * From now on follows the manager and the <template>, and keeps the box the content's size.
   * Most gates begin in their first render: the task that creates them (the parser's) only queues
   * them, since a page of a thousand gates made it a long task of the widget's script; those
   * where the reader looks first begin at once (reservesEarly says which).
   */
  private followManager(): void {
    // Only in the page: one out of it (a <template>'s inert content that copies are made of, a
    // gate a script is still building) begins once it is in (connectedCallback).
    if (!this.isConnected || registeredGates.has(this)) return;
    registeredGates.add(this);
    // Its attributes too, from now on (read as they are until then): not while the parser
    // creates it, when the watch's one record per gate is its <template>.
    childWatch.observe(this, { childList: true, attributeFilter: attributeNames });
    this.onSlotChange();
    this.sync();
  }

  private acceptVendor(): void {
    this.focusOnLoad = true;
    consentStore()?.record({ [this.vendor]: true }, 'placeholder');
  }

  private loadOnce(): void {
    this.focusOnLoad = true;
    this.load('once');
  }

  private openDialogAtVendor(): void {
    consentAuthority()?.openPreferences(this.vendor);
  }

  /** The first render comes after the task that created the gate (see queueFirstRender). */
  protected override schedule(update: () => void): void {
    if (this.hasUpdated) return super.schedule(update);
    this.early = reservesEarly();
    queueFirstRender(this, () => {
      this.followManager();
      update();
    });
  }

  protected override willUpdate(changed: ReadonlySet<string>): void {
    // A gate reused for another vendor (single-page apps) starts blocked again (sync()).
    if (changed.has('vendor') && registeredGates.has(this)) {
      this.reportedUnknown = false;
      this.sync();
    }
  }

  private onSlotChange(): void {
    const template = this.templateElement;
    // Its slot's first slotchange, after follow() has reserved the box for the same <template>.
    if (template === this.boxFor && !this.templateWatch) return;
    this.boxFor = template;
    this.reserveBox();
    // While the page is parsed, a <template> with nothing after it yet may still be filling up:
    // its content is taken once it is whole.
    if (document.readyState === 'loading' && template && !template.nextSibling && !this.nextSibling) {
      // Its content comes in without another slotchange: watched, so the box is reserved then.
      if (!this.templateWatch) {
        const again = () => this.onSlotChange();
        this.templateWatch = new MutationObserver(again);
        this.templateWatch.observe(template.content, { childList: true, subtree: true });
        whenParsed(again);
      }
      return;
    }
    this.templateWatch?.disconnect();
    // A <template> in at last, or another one: the content follows the choice.
    this.sync();
  }

  protected override updated(): void {
    this.reserveBox();
    const base = this.baseBox;
    // Rendered with its text (or content): from now on skipped while off screen (styles).
    const manager = consentAuthority();
    base.classList.toggle('rendered', !!manager?.ready && !!this.templateElement);
    // The manager's theme, unless this gate has its own.
    const theme = this.theme || manager?.theme;
    // Loaded content inherits nothing of ours: no colour scheme (nor language or direction: styles).
    const language = manager?.language ?? 'en';
    base.style.colorScheme = !this.loaded && (theme === 'light' || theme === 'dark') ? theme : '';
    base.lang = language;
    base.dir = direction(language);
  }

  /**
   * Content written straight into the gate, not in a <template>, is live: the browser has begun
   * to load it. It is moved into a template at once (a script before it runs, a frame while it
   * loads), so that it waits for consent like the rest, and the publisher is told.
   * @internal
   */
  blockLooseContent(): void {
    if (this.loaded || !this.firstChild) return;
    const loose = Array.from(this.childNodes).filter(isLoose);
    if (!loose.length) return;
    // In a saved copy, it is the content loaded from the template: removed, not kept twice.
    if (this.savedCopy) return loose.forEach((node) => node.remove());
    (this.templateElement ?? this.appendChild(document.createElement('template'))).content.append(...loose);
    report(`<consent-gate vendor="${this.vendor}">: its content must be inside <template>; outside, it was live before consent`);
  }

  /**
   * Gives the box the size the embed code would have: the `aspect-ratio` attribute's, else the
   * box the browser gives an inert copy of the code's boxes (laid out hidden under the placeholder).
   */
  private reserveBox(): void {
    const template = this.templateElement;
    const ratio = this.boxRatio();
    const base = this.renderTarget;
    const skeleton = this.skeletonBox;
    skeleton.replaceChildren();
    // Loaded, the content itself is there: no skeleton.
    base.classList.toggle('sized', !this.loaded && !!(ratio || (template && embedSkeleton(template.content, skeleton))));
    // Content without a size so far (a post): its placeholder takes a fixed height (styles).
    base.classList.toggle('post', !!template?.content.firstElementChild);
    // CSSOM, not a style attribute: allowed under a strict CSP.
    base.style.aspectRatio = ratio;
    const root = skeleton.firstElementChild as HTMLElement | null;
    // A code whose first box has a width of its own (a 560 px player, a container of 560 px; not a
    // 100 % one, nor a block as wide as the column): the placeholder is as wide. Only the width
    // and its floor count: a style that caps it (max-width: 100%) leaves the frame its own width;
    // one that stretches it (Datawrapper's width: 0; min-width: 100%) does not.
    const width = root?.style.width ?? '%';
    base.classList.toggle('fit', !(width + root?.style.minWidth).includes('%') && (!!width || root!.localName == 'framebox'));
    // The width limit of the code's first box (a vendor's max-width container) is the placeholder's.
    base.style.maxWidth = root?.style.maxWidth ?? '';
  }

  /** @internal Follows the manager: loads when granted, re-blocks when not. */
  sync(withdrawn?: ReadonlySet<string>): void {
    const manager = consentAuthority();
    if (!manager?.ready) return;
    // Switched to another vendor, even before the attribute's record reached it: blocked again.
    if (this.contentVendor != this.vendor) this.unload();
    const known = manager.vendor(this.vendor);
    if (!known && !this.reportedUnknown) {
      this.reportedUnknown = true;
      report(
        vendorCatalog().has(this.vendor)
          ? `<consent-gate>: vendor "${this.vendor}" is not in the manager's vendors; add it there. The content stays blocked`
          : `<consent-gate>: unknown vendor "${this.vendor}"; the content stays blocked`,
      );
    }
    // Loaded for this page view only: until the vendor is withdrawn.
    const once = this.contentState === 'once' && !withdrawn?.has(this.vendor);
    if (known && (manager.hasConsent(this.vendor) || once)) this.load();
    else this.unload();
    this.requestUpdate();
  }

  /** Puts the content in place (`once`: for this page view only). */
  private load(state: 'once' | 'loaded' = 'loaded'): void {
    if (this.loaded) return;
    const template = this.templateElement;
    if (!template) {
      // Still being parsed: the slot's slotchange brings it back here.
      if (document.readyState !== 'loading') report(`<consent-gate vendor="${this.vendor}"> has no <template>`);
      return;
    }
    const content = document.importNode(template.content, true);
    if (makeScriptsRunnable(content, template.nonce)) consentStore()?.scriptsRan.add(this.vendor);
    this.contentState = state;
    this.contentVendor = this.vendor;
    this.append(content);
    this.toggleAttribute('loaded', true);
    this.requestUpdate();
    // Loaded content shows at once, not when the placeholder's turn would have come.
    if (!this.hasUpdated) renderNow(this);
    if (this.focusOnLoad) {
      this.focusOnLoad = false;
      this.updateComplete.then(() => this.focusContent());
    }
  }

  /**
   * @internal Focuses the loaded content, or its first element when nothing in it can take focus
   * (a post): the loaded gate itself has no box to focus (display: contents).
   */
  focusContent(): void {
    const first = this.querySelector<HTMLElement>(':scope > :not(template, script)');
    first?.focus();
    if (!first || first.contains(document.activeElement)) return;
    first.tabIndex = -1;
    first.focus();
    first.addEventListener('blur', () => first.removeAttribute('tabindex'), { once: true });
  }

  /** Removes everything but the <template>s. */
  private removeContent(): void {
    for (const child of Array.from(this.childNodes)) {
      if (!(child instanceof HTMLTemplateElement)) child.remove();
    }
  }

  private unload(): void {
    if (!this.loaded) return;
    this.removeContent();
    this.contentState = undefined;
    this.toggleAttribute('loaded', false);
    this.requestUpdate();
  }

  /** The `aspect-ratio` attribute as CSS (`16 / 9`), or '' when there is none (or it is not a ratio). */
  private boxRatio(): string {
    const ratio = cssRatio(this.aspectRatio);
    if (!ratio && this.aspectRatio && !this.reportedRatio) {
      this.reportedRatio = true;
      report(`<consent-gate> aspect-ratio "${this.aspectRatio}" is not a ratio such as 16/9; the content's own size is used`);
    }
    return ratio;
  }

  /**
   * The poster, only from the publisher's own site: this page's origin or, on `www.` hosts, a
   * sibling such as `img.` (nothing is fetched from a third party before consent).
   */
  private posterUrl(): string | undefined {
    const poster = safeHttpUrl(this.poster, document.baseURI);
    if (poster && isSameSite(poster, location)) return poster;
    if (this.poster) report(`poster "${this.poster}" is not an http(s) URL on this site; not shown`);
    return undefined;
  }

  private renderPlaceholder(vendor: Vendor | undefined) {
    const manager = consentAuthority();
    // No text before the box is known (the <template> still being parsed): it would move.
    const parsing = document.readyState === 'loading' && !this.templateElement;
    if (!manager?.ready || parsing) return html`<div class="placeholder" part="placeholder"></div>`;
    const t = manager.texts;
    if (!vendor) {
      return html`<div class="placeholder" part="placeholder"><p>${t.gateUnavailable}</p></div>`;
    }
    const name = vendor.name;
    const description = vendorDescription(vendor, t);
    const policy = safeHttpUrl(vendor.policyUrl);
    const poster = this.posterUrl();
    return html`
      <div class="placeholder" part="placeholder" role="group" aria-label=${name}>
        ${poster ? html`<img class="poster" part="poster" src=${poster} alt="" />` : nothing}
        <div class="message">
          <p class="title">${t.gateTitle(name)}</p>
          <p class="body">
            ${description ? `${/[.!?。]$/.test(description) ? description : `${description}.`} ` : nothing}${t.gateBody(name)}
            ${policy
              ? html`<a href=${policy} target="_blank" rel="noopener noreferrer">${t.vendorPolicy(name)}</a>`
              : nothing}
          </p>
          <div class="actions">
            <button type="button" part="button accept-button" @click=${this.acceptVendor}>${t.gateAccept(name)}</button>
            <button type="button" class="secondary" part="button load-once-button" @click=${this.loadOnce}>
              ${t.gateLoadOnce}
            </button>
            <button type="button" class="secondary" part="button preferences-button" @click=${this.openDialogAtVendor}>
              ${t.managePreferences}
            </button>
          </div>
        </div>
      </div>
    `;
  }

  override render() {
    const vendor = consentAuthority()?.vendor(this.vendor);
    return this.loaded ? html`<slot></slot>` : this.renderPlaceholder(vendor);
  }
}

/** The attributes' accessors (see `attributeAccessors`). */
export interface ConsentGate extends AttributeProperties<typeof gateAttributes> {}

if (!customElements.get('consent-gate')) customElements.define('consent-gate', ConsentGate);

declare global {
  interface HTMLElementTagNameMap {
    'consent-gate': ConsentGate;
  }
}
