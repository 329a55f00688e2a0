import { html, nothing } from 'lit/html.js';
import { eraseCookies, readCookies, removeCookie, writeCookie } from '../../browser/cookies.js';
import { vendorCatalog } from '../../core/catalog.js';
import {
  encodeConsentCookie,
  newConsentId,
  parseConsentCookie,
  type StoredChoice,
} from '../../core/cookie-codec.js';
import {
  allVendors,
  askable,
  checkValidity,
  choiceInForce,
  diffGrants,
  effectiveGrants,
  parseMaxAgeDays,
  parseRevision,
  purposeGrants,
  type ConsentConfig,
  type ConsentSnapshot,
  type Validity,
} from '../../core/consent-state.js';
import type { PurposeId } from '../../core/purposes.js';
import { report as error } from '../../core/report.js';
import { safeHttpUrl } from '../../core/safe-url.js';
import { isVendorId, words, type Vendor } from '../../core/vendor.js';
import { BlockedElements } from '../../dom/blocked-elements.js';
import { loadAutoBlock } from '../../dom/load-auto-block.js';
import { whenParsed } from '../../dom/when-parsed.js';
import { ConsentChangeEvent } from '../../events/consent-change.js';
import { ConsentReadyEvent } from '../../events/consent-ready.js';
import { sharedStyles } from '../../styles/shared.js';
import { en, type Translation } from '../../translations/en.js';
import { chooseLanguage, direction, languageFile, loadTexts, type LanguageSwitch } from '../../translations/languages.js';
import { withOverrides } from '../../translations/overrides.js';
import { consentContext, type ConsentAuthority } from '../../consent/registry.js';
import type { ConsentVendor } from '../consent-vendor/consent-vendor.js';
import { ConsentElement, type AttributeProperties } from '../consent-element.js';
import { syncGates } from '../sync-gates.js';
import { signalConsentDefault, signalConsentUpdate } from '../../standards/consent-mode.js';
import { sendReceipt } from '../../standards/load-receipts.js';
import type { ConsentMethod } from '../../standards/receipts.js';
import { syncTabs } from '../../standards/tab-sync.js';
import { renderBanner } from './banner.js';
import { renderPreferencesDialog } from './preferences-dialog.js';
import { styles } from './consent-manager.styles.js';

type QueuedFunction = (manager: ConsentManager) => void;

const CONFIG_ATTRIBUTES = ['vendors', 'revision', 'max-age-days', 'cookie-name', 'cookie-domain', 'cookie-path'];

/** The manager's attributes (docs/attributes.md): name → default. */
const managerAttributes = {
  /** Space-separated ids of the vendors to ask about: the built-in catalog's or `<consent-vendor>` children's. */
  vendors: '',
  /** The publisher's privacy and cookie policy (http/https only). */
  'policy-url': '',
  /** The publisher's configuration version, a positive whole number; raising it asks every reader again. */
  revision: '1',
  /** Name of the cookie that stores the choice. */
  'cookie-name': 'consent',
  /** Domain of that cookie (default: the current host). */
  'cookie-domain': '',
  /** Path of that cookie. */
  'cookie-path': '/',
  /** Days a choice stays valid (at most 395). */
  'max-age-days': '180',
  /** `light`, `dark` or `auto` (follows the reader's system), for the banner, the dialog and the placeholders. */
  theme: 'auto',
  /** `false` ignores the browser's Global Privacy Control signal. */
  'respect-gpc': '',
  /** Drives Google Consent Mode v2 when present; may hold region codes and `url_passthrough`, `ads_data_redaction`. */
  'google-consent-mode': null,
  /** URL that receives a consent receipt on every change (http/https only). */
  'log-endpoint': '',
  /** Stops raw third-party embeds of configured vendors as they are inserted. */
  'auto-block': false,
  /** The language of the texts (the page's `<html lang>` when absent; docs/languages.md). */
  lang: '',
  /** The site's languages (`ga en`): with more than one, the dialog lets the reader switch between them (docs/languages.md). */
  languages: '',
};

/**
 * The page's one consent authority: reads and stores the reader's choice, shows the banner and
 * the Manage Preferences dialog, and loads or re-blocks gated content.
 *
 * @summary The consent manager of the page.
 * @fires consent-ready - The stored choice (or none) is known. Bubbles and is composed: listeners on `document` hear it.
 * @fires consent-change - The reader or the API changed the choice. Bubbles and is composed: listeners on `document` hear it.
 * @csspart banner - The first-layer banner.
 * @csspart banner-title - The banner's heading.
 * @csspart banner-body - The banner's text.
 * @csspart banner-actions - The banner's buttons.
 * @csspart dialog - The Manage Preferences dialog.
 * @csspart dialog-actions - The dialog's buttons.
 * @csspart purpose - A purpose group in the dialog.
 * @csspart vendor - A vendor row in the dialog.
 * @csspart switch - Every switch.
 * @csspart button - Every button.
 * @csspart accept-all-button - Accept all (banner and dialog).
 * @csspart reject-all-button - Reject all (banner and dialog).
 * @csspart manage-button - The banner's Manage Preferences button.
 * @csspart save-button - The dialog's Save button.
 * @csspart close-button - The dialog's close button.
 * @csspart policy-link - The link to the publisher's policy.
 * @csspart notice - The notice after a choice (reload to complete it, or it could not be stored).
 * @csspart reload-button - The notice's Reload page button.
 * @csspart status - The visually hidden live region.
 * @cssproperty --consent-accent - Button and switch colour.
 * @cssproperty --consent-on-accent - Text on the accent colour.
 * @cssproperty --consent-color - Text colour.
 * @cssproperty --consent-background - Background of banner, dialog and placeholders.
 * @cssproperty --consent-muted-color - Secondary text colour.
 * @cssproperty --consent-border-color - Borders and switch tracks.
 * @cssproperty --consent-focus-color - Focus ring.
 * @cssproperty --consent-radius - Corner radius.
 * @cssproperty --consent-spacing - Base spacing.
 * @cssproperty --consent-font-family - Font (the page's by default).
 * @cssproperty --consent-z-index - Stacking order of the banner.
 */
export class ConsentManager extends ConsentElement implements ConsentAuthority {
  static override styles = [sharedStyles, styles];
  static override attributes = managerAttributes;

  private started = false;
  private config: ConsentConfig = { revision: 1, maxAgeDays: 180, vendors: [] };
  private vendorsById = new Map<string, Vendor>();
  private stored: StoredChoice | null = null;
  private grants: Record<string, boolean> = {};
  private decided = false;
  private askingNewVendorsOnly = false;
  private validity: Validity = { kind: 'none' };
  private answeredThisView = false;
  private readonly blocked = new BlockedElements(
    (id) => this.hasConsent(id),
    (id) => this.scriptRan(id),
  );
  private readonly waiting = new Map<string, Array<() => void>>();
  private reconfigurePending = false;
  private configuredWith = '';
  private starting = false;
  private translation: Translation = en;
  /** The language's own texts, before the publisher's <consent-text> overrides. */
  private languageTexts: Translation = en;
  /** The dialog's language switch (dist/lang/switch.js), once loaded. */
  private languageSwitch?: LanguageSwitch;
  /** @internal The language of the texts shown (`en` when another could not be loaded). */
  language = 'en';
  private tabs?: ReturnType<typeof syncTabs>;
  /** Vendors whose scripts have run in this page: withdrawing them takes full effect on reload. */
  private readonly ran = new Set<string>();
  /** A message for the reader after a choice: reload to complete it, or it could not be stored. */
  private notice?: 'reload' | 'unsaved';

  /**
   * While the banner (or notice) shows: room at the end of the page as tall as it, so that the
   * end of the article, often its "Cookie settings" link, can be scrolled above it; and as much
   * scroll padding, so that the browser scrolls what the keyboard focuses out from behind it
   * (WCAG 2.4.11, technique C43), inside placeholders too.
   */
  private readonly spacer = document.createElement('consent-spacer');
  private readonly onBannerResize = new ResizeObserver(([entry]) => {
    const height = entry.target.getBoundingClientRect().height;
    this.spacer.style.height = `${height}px`;
    document.documentElement.style.scrollPaddingBottom = `${height + 8}px`;
  });
  /** The page's own inline scroll-padding-bottom, put back when the banner goes. */
  private pagePadding?: string;
  private bannerShown?: Element | null;
  /** True while the manager moves itself (see moveFirst). */
  private moving = false;
  /** Where the page wrote the manager, while it sits at the start of <body>. */
  private home?: Comment;
  private readonly homeWatch = new MutationObserver(() => this.leaveIfHomeless());
  /** The element of the page that last had focus, and the element around it in the page (a gate). */
  private pageFocus?: [element: HTMLElement, host: HTMLElement];

  /** Vendors the banner asks about; no banner when empty. */
  private bannerVendors: string[] = [];
  private bannerDismissed = false;
  private dialogOpened = false;
  private draft: Record<string, boolean> = {};
  private status = '';

  override connectedCallback(): void {
    if (this.moving) return;
    super.connectedCallback();
    // A view that replaces another in the same task: the old manager goes before this one asks.
    (consentContext.authority as ConsentManager | undefined)?.leaveIfHomeless?.();
    if (consentContext.authority && consentContext.authority !== this) {
      error('a second <consent-manager> is ignored; the first one decides');
      return;
    }
    consentContext.authority = this;
    if (this.autoBlock) loadAutoBlock(this.vendors);
    // Receipts' own file starts loading now, and sends what earlier page views could not.
    const endpoint = this.receiptEndpoint;
    if (endpoint) sendReceipt(endpoint);
    // Before the Google tag that follows this element in the page can run.
    if (this.googleConsentMode != null) signalConsentDefault(this.googleConsentMode);
    // A manager in the page's HTML starts once its <consent-vendor> children are parsed; the one
    // the script tag created has none, and starts at once.
    if (consentContext.created === this) this.start();
    else whenParsed(() => this.start());
  }

  disconnectedCallback(): void {
    if (this.moving || consentContext.authority !== this) return;
    consentContext.authority = undefined;
    this.stop();
  }

  private stop(): void {
    this.started = false;
    this.hideBanner();
    this.bannerShown = undefined;
    this.blocked.stop();
    this.tabs?.close();
    document.removeEventListener('click', this.onDocumentClick);
    document.removeEventListener('focusin', this.onFocusIn);
  }

  /** Where focus goes back to when a choice removes the control that had it. */
  private readonly onFocusIn = (event: FocusEvent): void => {
    if (!this.contains(event.target as Element)) this.pageFocus = [event.composedPath()[0] as HTMLElement, event.target as HTMLElement];
    // Into the banner or dialog from nowhere (after a click on text): no place to go back to.
    else if (!event.relatedTarget) this.pageFocus = undefined;
  };

  /**
   * After a choice: when the control that had focus is gone (the banner, or the placeholder that
   * opened the dialog), focus returns to where the reader was in the page, not to its start.
   */
  private async keepFocus(inside = !!this.renderRoot.activeElement): Promise<void> {
    await this.updateComplete;
    const [element, host] = this.pageFocus ?? [];
    if (!inside || !host?.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    // Back where the reader was, without scrolling there; a placeholder's button replaced by its
    // content: the gate's content instead.
    if (element?.isConnected) element.focus({ preventScroll: true });
    else (host as HTMLElement & { focusContent?(): void }).focusContent?.();
  }

  private readonly onDocumentClick = (event: MouseEvent): void => {
    const opener = (event.target as Element | null)?.closest?.('[data-consent-open]');
    if (!opener) return;
    event.preventDefault();
    this.openPreferences(opener.getAttribute('data-consent-open') || undefined);
  };

  private onBannerKeydown = (event: KeyboardEvent): void => {
    // Escape hides the banner for this page view and records nothing.
    if (event.key === 'Escape') {
      this.bannerDismissed = true;
      this.requestUpdate();
      void this.keepFocus();
    }
  };

  private onDialogClick = (event: MouseEvent): void => {
    // A click on the backdrop lands on the <dialog> itself, outside its box.
    const box = this.dialog!.getBoundingClientRect();
    const { clientX: x, clientY: y } = event;
    if (event.target === this.dialog && (x < box.left || x > box.right || y < box.top || y > box.bottom)) this.closePreferences();
  };

  /** Tab wraps inside the dialog (the native one lets it out to the browser once per round). */
  private onDialogKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const controls = Array.from(this.dialog!.querySelectorAll<HTMLElement>('button, a[href]'));
    const index = controls.indexOf(this.renderRoot.activeElement as HTMLElement);
    const to = event.shiftKey ? (index <= 0 ? controls.length - 1 : -1) : index === controls.length - 1 ? 0 : -1;
    if (to < 0) return;
    event.preventDefault();
    controls[to]!.focus();
  };

  private toggleVendor = (id: string): void => {
    this.draft = { ...this.draft, [id]: !this.draft[id] };
    this.requestUpdate();
  };

  private togglePurpose = (purpose: PurposeId): void => {
    const members = this.config.vendors.filter((v) => v.purpose === purpose);
    const on = !members.every((v) => this.draft[v.id]);
    this.draft = { ...this.draft, ...Object.fromEntries(members.map((v) => [v.id, on])) };
    this.requestUpdate();
  };

  /** Starts once the texts in the reader's language are there: nothing shows in another language first. */
  private start(): void {
    if (!this.isConnected || consentContext.authority !== this || this.started || this.starting) return;
    const language = this.wantedLanguage;
    if (language === 'en') return this.begin();
    this.starting = true;
    loadTexts(language).then((texts) => {
      this.starting = false;
      this.useTexts(language, texts);
      this.begin();
    });
  }

  private useTexts(language: string, texts: Translation): void {
    this.languageTexts = texts;
    this.language = texts === en ? 'en' : language;
    this.translation = withOverrides(texts, this.language, this);
  }

  private begin(): void {
    if (!this.isConnected || consentContext.authority !== this || this.started) return;
    // Fail closed: whatever goes wrong, only granted content has been loaded, and the host page
    // sees no exception.
    try {
      // Ready before configuring, so that every gate follows the choice (and measures its content,
      // parsed by now) as configure() syncs it.
      this.started = true;
      this.configure();
      document.addEventListener('click', this.onDocumentClick);
      document.addEventListener('focusin', this.onFocusIn);
      this.blocked.start();
      this.tabs = syncTabs(this.followOtherTab);
      if (this.stored && this.validity.kind !== 'none') this.signalConsentMode();
      // A site in more than one language gets the dialog's language switch, a file of its own.
      if (words(this.languages)[1]) {
        languageFile('switch').then((module?: { default: LanguageSwitch }) => {
          this.languageSwitch = module?.default;
          this.requestUpdate();
        });
      }
      // Announced once the page is parsed, so that listeners anywhere in it hear it.
      whenParsed(() => {
        this.dispatchEvent(new ConsentReadyEvent(this.consent));
        this.runQueue();
      });
      // Screen readers announce the banner without focus moving to it: the live region is in the
      // page first, its text arrives a moment later.
      if (this.bannerVendors.length) setTimeout(() => ((this.status ||= this.texts.bannerTitle), this.requestUpdate()), 300);
    } catch (cause) {
      this.stop();
      error('could not start; blocked content stays blocked', cause);
    }
    this.requestUpdate();
  }

  /** Reads the configuration and the stored choice, and brings the page in line with them. */
  private configure(): void {
    this.configuredWith = this.configuration;
    this.translation = withOverrides(this.languageTexts, this.language, this);
    const catalog = vendorCatalog();
    const vendors = new Map<string, Vendor>();
    const notInCatalog: string[] = [];
    for (const id of words(this.vendors)) {
      const entry = catalog.get(id);
      if (entry) vendors.set(id, entry);
      else notInCatalog.push(id);
    }
    const declared = new Set<string>();
    for (const element of Array.from(this.querySelectorAll<ConsentVendor>(':scope > consent-vendor'))) {
      const vendor = element.toVendor?.(catalog.get(element.id));
      if (!vendor) continue;
      if (declared.has(vendor.id)) error(`<consent-vendor id="${vendor.id}"> is declared twice; the first one is used`);
      else vendors.set(vendor.id, vendor);
      declared.add(vendor.id);
    }
    for (const id of notInCatalog) {
      if (!declared.has(id)) error(`vendors: "${id}" is not in the catalog; declare it with <consent-vendor>`);
    }
    if (this.policyUrl && !safeHttpUrl(this.policyUrl, document.baseURI)) {
      error(`policy-url "${this.policyUrl}" is not http(s); no link to it is shown`);
    }
    const revision = parseRevision(this.revision);
    const maxAge = parseMaxAgeDays(this.maxAgeDays);
    for (const problem of [revision.error, maxAge.error]) if (problem) error(problem);
    this.vendorsById = vendors;
    this.config = { revision: revision.revision, maxAgeDays: maxAge.days, vendors: [...vendors.values()] };

    const before = this.grants;
    // Several (another path, or a parent domain a sibling subdomain wrote): see choiceInForce.
    const cookies = readCookies(this.cookieName);
    this.stored = choiceInForce(cookies.map(parseConsentCookie), Date.now());
    if (cookies.length && !this.stored) {
      error(`cookie "${this.cookieName}" does not hold a valid choice; asking again (another tool's? set cookie-name)`);
    }
    this.answeredThisView = false;
    this.evaluate();
    this.applyToPage(before);
  }

  /** Grants, decision and banner from the stored choice and the configuration. */
  private evaluate(): void {
    // With Global Privacy Control on, advertising vendors are not asked about: they stay denied
    // unless the reader switches one on in the dialog.
    const askedVendors = askable(this.config.vendors).filter((v) => !(this.gpc && v.purpose === 'advertising'));
    const validity = (this.validity = checkValidity(this.stored, { ...this.config, vendors: askedVendors }, Date.now()));
    this.grants = effectiveGrants(this.stored, validity, this.config.vendors);
    const asked = askedVendors.map((v) => v.id);
    this.decided = validity.kind === 'valid' || asked.length === 0;
    this.askingNewVendorsOnly = validity.kind === 'new-vendors' && !this.answeredThisView;
    this.bannerVendors = this.decided ? [] : validity.kind === 'new-vendors' ? validity.vendors : asked;
    this.requestUpdate();
  }

  /** Loads what is granted and re-blocks what was granted `before` and no longer is. */
  private applyToPage(before: Record<string, boolean>): void {
    const { withdrawn } = diffGrants(before, this.grants);
    const withdrawnSet = new Set(withdrawn);
    syncGates(withdrawnSet);
    this.blocked.activate();
    if (withdrawn.length) {
      this.blocked.block();
      const patterns = withdrawn.flatMap((id) => this.vendorsById.get(id)?.cookies ?? []);
      eraseCookies(patterns, this.cookiePath, this.cookieDomain, this.cookieName);
    }
    for (const id of Object.keys(this.grants)) {
      if (!this.grants[id]) continue;
      for (const resolve of this.waiting.get(id) ?? []) resolve();
      this.waiting.delete(id);
    }
  }

  /** Stores the reader's answers (merged over the current ones) and applies them. */
  private commit(answers: Record<string, boolean>, method: ConsentMethod): void {
    try {
      this.record(answers, method);
    } catch (cause) {
      error('could not record the choice', cause);
    }
  }

  private record(answers: Record<string, boolean>, method: ConsentMethod): void {
    if (!this.started) {
      error('not ready yet; use window.consentGateQueue');
      return;
    }
    const before = this.grants;
    // Earlier answers that still count are kept, also for vendors that only other pages of the
    // site configure; a vendor the reader has not answered for stays unanswered (not refused), so
    // the banner goes on asking about it.
    const kind = this.validity.kind;
    const vendors: Record<string, boolean> = this.stored && (kind === 'valid' || kind === 'new-vendors') ? { ...this.stored.vendors } : {};
    const asked = new Set(askable(this.config.vendors).map((vendor) => vendor.id));
    for (const [id, answer] of Object.entries(answers)) {
      if (!asked.has(id) && !(id in vendors)) continue;
      // Moved last: the newest answers are the ones kept when the cookie is full.
      delete vendors[id];
      vendors[id] = answer === true;
    }
    const stored = (this.stored = {
      revision: this.config.revision,
      timestamp: Date.now(),
      consentId: this.stored?.consentId ?? newConsentId(),
      vendors,
    });
    const value = encodeConsentCookie(stored, (left) => error(`cookie full (4,000 characters): ${left} answers kept for this page view only (docs/cookie.md)`));
    if (!writeCookie(this.cookieLocation, value, this.config.maxAgeDays)) {
      error('cookie not stored (cookies disabled?); the choice holds for this page view');
      this.notice = 'unsaved';
    }
    this.answeredThisView = true;
    this.evaluate();
    this.applyToPage(before);
    // The same words again are a change too: a second save is announced as well.
    this.status = this.status === this.texts.saved ? `${this.texts.saved}\u00a0` : this.texts.saved;
    this.announce(before);
    this.tabs?.postMessage(1);
    const endpoint = this.receiptEndpoint;
    if (endpoint) {
      const { consentId, timestamp, revision, vendors: choices } = stored;
      sendReceipt(
        endpoint,
        {
          consentId,
          timestamp: new Date(timestamp).toISOString(),
          revision,
          vendors: { ...choices },
          purposes: this.consent.purposes,
          method,
          gpc: this.gpc,
          language: this.language,
        },
        this.texts,
      );
    }
  }

  private readonly followOtherTab = (): void => {
    const before = this.grants;
    this.configure();
    this.announce(before);
  };

  /** True when the browser sends Global Privacy Control and the publisher honours it. */
  private get gpc(): boolean {
    return this.respectGpc !== 'false' && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  }

  private get receiptEndpoint(): string | undefined {
    if (!this.logEndpoint) return undefined;
    const endpoint = safeHttpUrl(this.logEndpoint, document.baseURI);
    if (!endpoint) error(`log-endpoint "${this.logEndpoint}" is not http(s); no receipts are sent`);
    return endpoint;
  }

  private signalConsentMode(): void {
    if (this.googleConsentMode != null) signalConsentUpdate(this.config.vendors, this.grants);
  }

  /** @internal Records that a vendor's script ran in this page (gates and blocked scripts call it). */
  scriptRan(vendorId: string): void {
    this.ran.add(vendorId);
  }

  /** Tells the page (and Google Consent Mode) what changed since `before`. */
  private announce(before: Record<string, boolean>): void {
    const { granted, withdrawn } = diffGrants(before, this.grants);
    this.signalConsentMode();
    if (withdrawn.some((id) => this.ran.has(id))) {
      this.notice = 'reload';
      this.requestUpdate();
    }
    this.dispatchEvent(new ConsentChangeEvent({ consent: this.consent, granted, withdrawn }));
  }

  private get cookieLocation() {
    return { name: this.cookieName, path: this.cookiePath || '/', domain: this.cookieDomain };
  }

  private runQueue(): void {
    const host = window as unknown as { consentGateQueue?: unknown };
    const run = (fn: unknown) => {
      if (typeof fn !== 'function') return error('consentGateQueue: not a function', fn);
      try {
        (fn as QueuedFunction)(this);
      } catch (cause) {
        error('consentGateQueue: a function threw', cause);
      }
    };
    const queue: unknown[] = Array.isArray(host.consentGateQueue) ? host.consentGateQueue : [];
    const pending = queue.splice(0);
    // Functions pushed from now on run at once.
    queue.push = (...fns: unknown[]) => {
      fns.forEach(run);
      return queue.length;
    };
    host.consentGateQueue = queue;
    pending.forEach(run);
  }

  protected override willUpdate(changed: ReadonlySet<string>): void {
    if (this.started && this.configuration !== this.configuredWith) this.configure();
    if (this.started && changed.has('lang')) {
      const language = this.wantedLanguage;
      loadTexts(language)
        .then((texts) => {
          this.useTexts(language, texts);
          this.requestUpdate();
          syncGates(new Set());
        })
        .catch((cause: unknown) => error('could not switch language', cause));
    }
    if (changed.has('theme')) syncGates(new Set());
  }

  protected override updated(): void {
    const banner = this.started ? this.renderRoot.querySelector('.banner') : null;
    if (banner === this.bannerShown) return;
    this.bannerShown = banner;
    if (!banner) return this.hideBanner();
    this.moveFirst();
    this.onBannerResize.disconnect();
    this.pagePadding ??= document.documentElement.style.scrollPaddingBottom;
    this.spacer.style.display = 'block';
    this.onBannerResize.observe(banner);
    // At the end of the page: while it is still being parsed, once it is whole.
    whenParsed(() => this.bannerShown && document.body.append(this.spacer));
  }

  /**
   * Wherever the page wrote it (often at the end of <body>), the manager moves to the start of
   * <body> while its banner shows: the first Tab reaches the banner's buttons and screen readers
   * meet it first, without focus being taken from anyone. A comment keeps its place in the page:
   * it goes back there once the banner is gone, and goes with it when page code removes that part
   * of the page (a single-page app changing views).
   */
  private moveFirst(): void {
    const body = document.body;
    if (this.home || body.firstElementChild === this || this.parentNode?.getRootNode() !== document) return;
    const home = (this.home = new Comment('consent-manager'));
    this.move(() => {
      this.before(home);
      body.prepend(this);
    });
    this.homeWatch.observe(body, { childList: true, subtree: true });
  }

  /** Page code removed the part of the page where the manager was written: the manager goes too. */
  private leaveIfHomeless(): void {
    if (this.home && !this.home.isConnected) this.remove();
  }

  private moveHome(): void {
    const home = this.home;
    if (!home) return;
    this.home = undefined;
    this.homeWatch.disconnect();
    if (this.isConnected && home.isConnected) this.move(() => home.replaceWith(this));
    else home.remove();
  }

  /** A move is not a removal: connectedCallback and disconnectedCallback leave it alone. */
  private move(place: () => void): void {
    this.moving = true;
    try {
      place();
    } finally {
      this.moving = false;
    }
  }

  private hideBanner(): void {
    this.moveHome();
    this.onBannerResize.disconnect();
    this.spacer.remove();
    if (this.pagePadding === undefined) return;
    document.documentElement.style.scrollPaddingBottom = this.pagePadding;
    this.pagePadding = undefined;
  }

  /** The manager's `lang`, else the page's; English when unsupported. */
  private get wantedLanguage(): string {
    return chooseLanguage(this.lang, document.documentElement.lang);
  }

  /** The configuration attributes' values, to tell whether they changed since `configure()`. */
  private get configuration(): string {
    return CONFIG_ATTRIBUTES.map((name) => this.getAttribute(name)).join('\n');
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** True once the stored choice (or its absence) is known. */
  get ready(): boolean {
    return this.started;
  }

  /** @internal The texts in the reader's language. */
  get texts(): Translation {
    return this.translation;
  }

  /** A read-only snapshot of the choice in force. */
  get consent(): ConsentSnapshot {
    return Object.freeze({
      decided: this.decided,
      revision: this.config.revision,
      timestamp: this.stored?.timestamp ?? null,
      vendors: Object.freeze({ ...this.grants }),
      purposes: Object.freeze(purposeGrants(this.grants, this.config.vendors)),
    });
  }

  /** @internal Every configured vendor. */
  configuredVendors(): readonly Vendor[] {
    return this.config.vendors;
  }

  /** The configured vendor of that id. */
  vendor(id: string): Vendor | undefined {
    return this.vendorsById.get(id);
  }

  /** True only when that vendor is granted. */
  hasConsent(vendorId: string): boolean {
    return this.grants[vendorId] === true && this.vendorsById.has(vendorId);
  }

  /** Resolves once the vendor is granted (at once if it is). */
  whenGranted(vendorId: string): Promise<void> {
    if (this.hasConsent(vendorId)) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.set(vendorId, [...(this.waiting.get(vendorId) ?? []), resolve]);
    });
  }

  /** Grants every vendor and stores the choice. */
  acceptAll(): void {
    this.answerAll(true, 'api');
  }

  /** Denies every vendor and stores the choice. */
  rejectAll(): void {
    this.answerAll(false, 'api');
  }

  private answerAll(granted: boolean, method: ConsentMethod): void {
    const answers = allVendors(this.config.vendors, granted);
    // Reject all refuses what other pages of the site were granted too.
    if (!granted) for (const id of Object.keys(this.stored?.vendors ?? {})) answers[id] = false;
    this.commit(answers, method);
    this.closePreferences();
  }

  /** Changes the named vendors (`{vendorId: boolean}`) and stores the choice. */
  setConsent(changes: Record<string, boolean>): void {
    const answers: Record<string, boolean> = {};
    for (const [id, granted] of Object.entries(changes ?? {})) {
      if (!isVendorId(id) || !this.vendorsById.has(id)) error(`setConsent: unknown vendor "${id}"`);
      else if (typeof granted !== 'boolean') error(`setConsent: "${id}" needs true or false`);
      else answers[id] = granted;
    }
    if (Object.keys(answers).length) this.commit(answers, 'api');
  }

  /** @internal Grants one vendor from its placeholder. */
  grantFromGate(vendorId: string): void {
    this.commit({ [vendorId]: true }, 'placeholder');
  }

  /** Opens the Manage Preferences dialog, optionally scrolled to a vendor. */
  async openPreferences(vendorId?: string): Promise<void> {
    if (!this.started) return;
    try {
      if (!this.dialog?.open) {
        this.draft = { ...this.grants };
        this.dialogOpened = true;
        this.requestUpdate();
        await this.updateComplete;
        this.dialog?.showModal();
      }
      const row = vendorId && this.renderRoot.querySelector(`#vendor-${CSS.escape(vendorId)}`);
      // At a vendor, its switch has focus: the reader came to change that one.
      (row ? row.querySelector<HTMLElement>('[role="switch"]') : this.renderRoot.querySelector<HTMLElement>('#dialog-title'))?.focus();
      if (row) row.scrollIntoView({ block: 'center' });
    } catch (cause) {
      error('could not open the preferences dialog', cause);
    }
  }

  /** Closes the dialog without recording anything. */
  closePreferences(): void {
    const inside = !!this.renderRoot.activeElement;
    if (this.dialog?.open) this.dialog.close();
    void this.keepFocus(inside);
  }

  /** Forgets the stored choice, re-blocks everything and shows the banner again. */
  reset(): void {
    if (!this.started) return error('not ready yet; use window.consentGateQueue');
    removeCookie(this.cookieLocation);
    const before = this.grants;
    this.bannerDismissed = false;
    this.configure();
    this.announce(before);
    this.tabs?.postMessage(1);
  }

  /** @internal Re-reads the `<consent-vendor>` children (called when one is added or changed). */
  vendorsChanged(): void {
    if (!this.started || this.reconfigurePending) return;
    this.reconfigurePending = true;
    queueMicrotask(() => {
      this.reconfigurePending = false;
      if (this.started) this.configure();
    });
  }

  private renderNotice(message: string) {
    return html`<section class="banner" part="notice" role="region" aria-label=${message}>
      <p>${message}</p>
      <div class="actions">
        ${this.notice === 'reload'
          ? html`<button type="button" part="button reload-button" @click=${() => location.reload()}>${this.texts.reload}</button>`
          : nothing}
        <button type="button" class="secondary" part="button" @click=${() => ((this.notice = undefined), this.requestUpdate())}>${this.texts.close}</button>
      </div>
    </section>`;
  }

  override render() {
    if (!this.started) return nothing;
    const texts = this.texts;
    const policyUrl = safeHttpUrl(this.policyUrl, document.baseURI);
    const showBanner = this.bannerVendors.length > 0 && !this.bannerDismissed;
    const partners = this.bannerVendors.map((id) => this.vendorsById.get(id)?.name ?? id);
    const answerBanner = (granted: boolean) => {
      this.commit(Object.fromEntries(this.bannerVendors.map((id) => [id, granted])), 'banner');
      void this.keepFocus();
    };
    return html`<div class="ui" lang=${this.language} dir=${direction(this.language)}>
      ${showBanner
        ? renderBanner({
            texts,
            language: this.language,
            partners,
            newVendorsOnly: this.askingNewVendorsOnly,
            gpc: this.gpc && this.config.vendors.some((v) => v.purpose === 'advertising'),
            policyUrl,
            onAcceptAll: () => answerBanner(true),
            onRejectAll: () => answerBanner(false),
            onManage: () => this.openPreferences(),
            onKeydown: this.onBannerKeydown,
          })
        : nothing}
      ${this.dialogOpened
        ? renderPreferencesDialog({
            texts,
            vendors: this.config.vendors,
            draft: this.draft,
            languageSwitch: this.languageSwitch?.(this, loadTexts),
            policyUrl,
            consentId: this.stored?.consentId,
            onToggleVendor: this.toggleVendor,
            onTogglePurpose: this.togglePurpose,
            onSave: () => {
              this.commit(this.draft, 'dialog');
              this.closePreferences();
            },
            onAcceptAll: () => this.answerAll(true, 'dialog'),
            onRejectAll: () => this.answerAll(false, 'dialog'),
            onClose: () => this.closePreferences(),
            onDialogClick: this.onDialogClick,
            onDialogKeydown: this.onDialogKeydown,
          })
        : nothing}
      ${this.notice ? this.renderNotice(this.notice === 'reload' ? texts.reloadNotice : texts.unsavedNotice) : nothing}
      <div class="status" role="status" part="status">${this.status}</div>
    </div>`;
  }
}

/** The attributes' accessors (see `attributeAccessors`). */
export interface ConsentManager extends AttributeProperties<typeof managerAttributes> {}

if (!customElements.get('consent-manager')) customElements.define('consent-manager', ConsentManager);

declare global {
  interface HTMLElementTagNameMap {
    'consent-manager': ConsentManager;
  }
}
