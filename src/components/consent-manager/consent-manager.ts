import { html, nothing } from 'lit/html.js';
import { vendorCatalog } from '../../core/catalog.js';
import { parseMaxAgeDays, parseRevision, type ConsentSnapshot } from '../../core/consent-state.js';
import { report as error } from '../../core/report.js';
import { safeHttpUrl } from '../../core/safe-url.js';
import type { Vendor } from '../../core/vendor.js';
import { vendorList } from '../../consent/vendor-list.js';
import { BlockedElements } from '../../dom/blocked-elements.js';
import { loadAutoBlock } from '../../dom/load-auto-block.js';
import { whenParsed } from '../../dom/when-parsed.js';
import { ConsentChangeEvent } from '../../events/consent-change.js';
import { ConsentReadyEvent } from '../../events/consent-ready.js';
import { sharedStyles } from '../../styles/shared.js';
import type { Translation } from '../../translations/en.js';
import { direction } from '../../translations/languages.js';
import { consentAuthority, setAuthority, type ConsentAuthority } from '../../consent/registry.js';
import type { ConsentVendor } from '../consent-vendor/consent-vendor.js';
import { ConsentElement, type AttributeProperties } from '../consent-element.js';
import { syncGates } from '../sync-gates.js';
import { ConsentStore, type ConsentChange, type ConsentMethod } from '../../consent/consent-store.js';
import { followConsentMode, signalConsentDefault } from '../../standards/consent-mode.js';
import { sendReceiptsOf } from '../../standards/load-receipts.js';
import { syncTabs } from '../../standards/tab-sync.js';
import { renderBanner, renderNotice } from './banner.js';
import { BannerRoom } from './banner-room.js';
import { FocusReturn } from './focus-return.js';
import { LanguageLoader } from './language-loader.js';
import { runPageQueue } from './page-queue.js';
import { PreferencesDialog } from './preferences-dialog.js';
import { styles } from './consent-manager.styles.js';
import { adoptStyles } from '../../styles/css.js';

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
  static override attributes = managerAttributes;

  /** @internal Created by the script tag (bootstrap.ts): it has no <consent-vendor> children to wait for. */
  createdByScript?: boolean;
  /** @internal The reader's choice and the commands that change it. */
  readonly consentStore = new ConsentStore();
  private readonly pageBlocked = new BlockedElements(this.consentStore);
  /** The configuration attributes' values when last read. */
  private configuredWith?: string;
  /** @internal The texts in the reader's language (set by the language loader before the manager starts). */
  texts!: Translation;
  /** @internal The language of the texts shown (`en` when another could not be loaded). */
  language = 'en';
  private tabChannel?: ReturnType<typeof syncTabs>;
  /** @internal A message for the reader after a choice: reload to complete it, or it could not be stored. */
  notice?: 'reload' | 'unsaved';

  /** @internal */
  readonly bannerRoom = new BannerRoom(this);
  /** @internal */
  readonly focusReturn = new FocusReturn(this);
  private readonly preferencesDialog = new PreferencesDialog(this);
  private readonly languageLoader = new LanguageLoader(this);
  /** @internal Escape hid the banner for this page view. */
  bannerDismissed?: boolean;
  private liveStatus?: string;

  constructor() {
    super();
    adoptStyles(this.renderRoot, [sharedStyles, styles]);
  }

  connectedCallback(): void {
    if (this.bannerRoom.moving) return;
    this.requestUpdate();
    this.tell('hostConnected');
    // A view that replaces another in the same task: the old manager goes before this one asks.
    (consentAuthority() as ConsentManager | undefined)?.bannerRoom.leaveIfHomeless();
    if ((consentAuthority() ?? this) !== this) {
      error('a second <consent-manager> is ignored; the first one decides');
      return;
    }
    setAuthority(this, this.consentStore);
    if (this.autoBlock) loadAutoBlock(this.vendors);
    // Before the Google tag that follows this element in the page can run.
    if (this.googleConsentMode != null) signalConsentDefault(this.googleConsentMode);
    // A manager in the page's HTML starts once its <consent-vendor> children are parsed; the one
    // the script tag created has none, and starts at once.
    const start = () => this.languageLoader.loadLanguage(() => this.begin());
    if (this.createdByScript) start();
    else whenParsed(start);
  }

  disconnectedCallback(): void {
    if (this.bannerRoom.moving) return;
    this.tell('hostDisconnected');
    if (consentAuthority() !== this) return;
    setAuthority();
    this.shutDown();
  }

  private shutDown(): void {
    this.consentStore.retire();
    this.bannerRoom.hide();
    this.pageBlocked.stop();
    this.tabChannel?.close();
  }

  /** Starts once the texts in the reader's language are there (the language loader's), if still the page's authority. */
  private begin(): void {
    // Still connected, the page's authority, and not started yet.
    if (!this.isConnected || consentAuthority() !== this || this.ready) return;
    // Fail closed: whatever goes wrong, only granted content has been loaded, and the host page
    // sees no exception.
    try {
      // Ready as the choice is first read, so that every gate follows it (and measures its content,
      // parsed by now) as the page is brought in line with it.
      const store = this.consentStore;
      if (this.googleConsentMode != null) followConsentMode(store);
      this.tabChannel = syncTabs(store);
      // Receipts' own file starts loading now, and sends what earlier page views could not.
      const endpoint = this.logEndpoint;
      const receiptsTo = endpoint && safeHttpUrl(endpoint, document.baseURI);
      if (receiptsTo) sendReceiptsOf(store, receiptsTo, this);
      else if (endpoint) error(`log-endpoint "${endpoint}" is not http(s); no receipts are sent`);
      // Last: listeners of consent-change find Consent Mode and the other tabs told.
      store.follow(this.onChange);
      this.readConfiguration();
      this.pageBlocked.start();
      // Announced once the page is parsed, so that listeners anywhere in it hear it.
      whenParsed(() => {
        this.dispatchEvent(new ConsentReadyEvent(this.consent));
        runPageQueue(this);
      });
      // Screen readers announce the banner without focus moving to it: the live region is in the
      // page first, its text arrives a moment later.
      if (store.asked.length) setTimeout(() => ((this.liveStatus ||= this.texts.bannerTitle), this.requestUpdate()), 300);
    } catch (cause) {
      this.shutDown();
      error('could not start; blocked content stays blocked', cause);
    }
    this.requestUpdate();
  }

  /** Reads the configuration and the stored choice, and brings the page in line with them. */
  private readConfiguration(): void {
    this.configuredWith = this.configurationKey;
    this.languageLoader.readOverrides();
    if (this.policyUrl && !safeHttpUrl(this.policyUrl, document.baseURI)) {
      error(`policy-url "${this.policyUrl}" is not http(s); no link to it is shown`);
    }
    const revision = parseRevision(this.revision);
    const maxAge = parseMaxAgeDays(this.maxAgeDays);
    for (const problem of [revision.error, maxAge.error]) if (problem) error(problem);
    this.consentStore.readChoice({
      vendors: vendorList(this.vendors, vendorCatalog(), this.querySelectorAll<ConsentVendor>(':scope > consent-vendor'), error),
      revision: revision.revision,
      maxAgeDays: maxAge.days,
      cookie: { name: this.cookieName, path: this.cookiePath || '/', domain: this.cookieDomain },
      // The browser sends Global Privacy Control and the publisher honours it.
      gpc: this.respectGpc !== 'false' && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
    });
  }

  /**
   * Brings the page in line with the choice (loads what is granted, re-blocks what was withdrawn),
   * then tells the reader and the page what a change did.
   */
  private readonly onChange = ({ granted, withdrawn, method, unsaved }: ConsentChange): void => {
    syncGates(new Set(withdrawn));
    this.pageBlocked.activate();
    if (withdrawn.length) this.pageBlocked.block();
    this.requestUpdate();
    if (!method) return;
    if (unsaved) this.notice = 'unsaved';
    if (method !== 'reset' && method !== 'tab') {
      // The same words again are a change too: a second save is announced as well.
      const saved = this.texts.saved;
      this.liveStatus = this.liveStatus === saved ? `${saved}\u00a0` : saved;
    }
    if (withdrawn.some((id) => this.consentStore.scriptsRan.has(id))) this.notice = 'reload';
    this.dispatchEvent(new ConsentChangeEvent({ consent: this.consent, granted, withdrawn }));
  };

  protected override willUpdate(changed: ReadonlySet<string>): void {
    if (this.ready && this.configurationKey !== this.configuredWith) this.readConfiguration();
    if (changed.has('theme')) syncGates(new Set());
  }

  /** The configuration attributes' values, to tell whether they changed since they were read. */
  private get configurationKey(): string {
    return CONFIG_ATTRIBUTES.map((name) => this.getAttribute(name)).join('\n');
  }

  /** True once the stored choice (or its absence) is known. */
  get ready(): boolean {
    return this.consentStore.started;
  }

  /** A read-only snapshot of the choice in force. */
  get consent(): ConsentSnapshot {
    return this.consentStore.consent;
  }

  /** The configured vendor of that id. */
  vendor(id: string): Vendor | undefined {
    return this.consentStore.vendor(id);
  }

  /** True only when that vendor is granted. */
  hasConsent(vendorId: string): boolean {
    return this.consentStore.hasConsent(vendorId);
  }

  /** Resolves once the vendor is granted (at once if it is). */
  whenGranted(vendorId: string): Promise<void> {
    return this.consentStore.whenGranted(vendorId);
  }

  /** Grants every vendor and stores the choice. */
  acceptAll(): void {
    this.answerAll(true, 'api');
  }

  /** Denies every vendor and stores the choice. */
  rejectAll(): void {
    this.answerAll(false, 'api');
  }

  /** @internal */
  answerAll(granted: boolean, method: ConsentMethod): void {
    this.consentStore.answerAll(granted, method);
    this.closePreferences();
  }

  /** Changes the named vendors (`{vendorId: boolean}`) and stores the choice. */
  setConsent(changes: Record<string, boolean>): void {
    this.consentStore.setAnswers(changes);
  }

  /** Opens the Manage Preferences dialog, optionally scrolled to a vendor. */
  async openPreferences(vendorId?: string): Promise<void> {
    if (this.ready) await this.preferencesDialog.open(vendorId);
  }

  /** Closes the dialog without recording anything. */
  closePreferences(): void {
    this.preferencesDialog.close();
  }

  /** Forgets the stored choice, re-blocks everything and shows the banner again. */
  reset(): void {
    this.bannerDismissed = false;
    this.consentStore.forgetChoice();
  }

  /** @internal Re-reads the `<consent-vendor>` children (called when one is added or changed). */
  vendorsChanged(): void {
    // Read again before the next render, once however many changed.
    this.configuredWith = '';
    this.requestUpdate();
  }

  override render() {
    if (!this.ready) return nothing;
    const policyUrl = safeHttpUrl(this.policyUrl, document.baseURI);
    return html`<div class="ui" lang=${this.language} dir=${direction(this.language)}>
      ${this.consentStore.asked.length && !this.bannerDismissed ? renderBanner(this, policyUrl) : nothing}
      ${this.preferencesDialog.render(policyUrl, this.languageLoader.renderSwitch())}
      ${this.notice ? renderNotice(this) : nothing}
      <div class="status" role="status" part="status">${this.liveStatus}</div>
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
