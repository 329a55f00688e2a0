import { eraseCookies, readCookies, removeCookie, writeCookie, type CookieLocation } from '../browser/cookies.js';
import { encodeConsentCookie, newConsentId, parseConsentCookie, type StoredChoice } from '../core/cookie-codec.js';
import {
  allVendors,
  askable,
  checkValidity,
  choiceInForce,
  diffGrants,
  effectiveGrants,
  purposeGrants,
  recordAnswers,
  type ConsentSnapshot,
  type Validity,
} from '../core/consent-state.js';
import { report as error } from '../core/report.js';
import { isVendorId, type Vendor } from '../core/vendor.js';

/** How a choice was given. */
export type ConsentMethod = 'banner' | 'dialog' | 'placeholder' | 'api';

/**
 * What a change did: the vendors it granted and withdrew, and how it came: a choice given
 * (`ConsentMethod`), `reset`, or another tab's choice (`tab`); none when the stored choice was read
 * (again) under the configuration.
 */
export interface ConsentChange {
  granted: string[];
  withdrawn: string[];
  method?: ConsentMethod | 'reset' | 'tab';
  /** The choice given could not be stored (cookies disabled): it holds for this page view. */
  unsaved?: boolean;
}

/** The configuration the store reads the stored choice under. */
export interface ConsentSettings {
  vendors: readonly Vendor[];
  revision: number;
  maxAgeDays: number;
  cookie: CookieLocation;
  /** The browser sends Global Privacy Control and the publisher honours it. */
  gpc: boolean;
}

/**
 * The reader's choice, without any DOM: the configuration, the stored choice (the cookie), its
 * validity and the grants in force, and the commands that change them. Every change is told to
 * the subscribers (the page's enforcement, Consent Mode, receipts, the other tabs, the manager's
 * view): none of them is called by hand.
 */
export class ConsentStore {
  /** @internal True once the stored choice (or its absence) is known. */
  started = false;
  /** @internal The configuration (before the first reading: revision 1). */
  settings = { revision: 1 } as ConsentSettings;
  /** The configured vendors. */
  vendors: readonly Vendor[] = [];
  /** @internal The stored choice in force. */
  stored: StoredChoice | null = null;
  /** @internal */
  grants: Record<string, boolean> = {};
  /** @internal The vendors to ask about (none once decided). */
  asked: string[] = [];
  /** @internal Only vendors added since the reader's choice are asked about. */
  askingNewVendorsOnly = false;
  private choiceValidity?: Validity;
  private answeredThisView?: boolean;
  /** Promises of `whenGranted`: each resolves (and goes) once its vendor is granted. */
  private waiters: Array<() => boolean> = [];
  /** @internal Vendors whose scripts have run in this page: withdrawing them takes full effect on reload. */
  readonly scriptsRan = new Set<string>();
  private followers: Array<(change: ConsentChange) => void> = [];

  /** @internal Calls `listener` after every change, until `retire()`. */
  follow(listener: (change: ConsentChange) => void): void {
    this.followers.push(listener);
  }

  /** @internal Not ready any more, and no subscriber. */
  retire(): void {
    this.started = false;
    this.followers = [];
  }

  /** @internal Reads the stored choice (again) under `settings`. */
  readChoice(settings: ConsentSettings, method?: ConsentChange['method']): void {
    this.settings = settings;
    this.vendors = settings.vendors;
    // Several (another path, or a parent domain a sibling subdomain wrote): see choiceInForce.
    const name = settings.cookie.name;
    const cookies = readCookies(name);
    this.stored = choiceInForce(cookies.map(parseConsentCookie), Date.now());
    if (cookies.length && !this.stored) {
      error(`cookie "${name}" does not hold a valid choice; asking again (another tool's? set cookie-name)`);
    }
    this.answeredThisView = false;
    this.started = true;
    this.recompute(method);
  }

  /** Grants, decision and the vendors to ask from the stored choice and the configuration; tells the subscribers. */
  private recompute(method?: ConsentChange['method'], unsaved?: boolean): void {
    const { vendors, settings, stored, grants: before } = this;
    // With Global Privacy Control on, advertising vendors are not asked about: they stay denied
    // unless the reader switches one on in the dialog.
    const askedVendors = askable(vendors).filter((v) => !(settings.gpc && v.purpose === 'advertising'));
    const validity = (this.choiceValidity = checkValidity(stored, { ...settings, vendors: askedVendors }, Date.now()));
    const grants = (this.grants = effectiveGrants(stored, validity, vendors));
    const asked = askedVendors.map((v) => v.id);
    this.askingNewVendorsOnly = validity.kind === 'new-vendors' && !this.answeredThisView;
    // Decided: nothing to ask.
    this.asked = validity.kind === 'valid' ? [] : validity.kind === 'new-vendors' ? validity.vendors : asked;
    const change: ConsentChange = { ...diffGrants(before, grants), method, unsaved };
    if (change.withdrawn.length) {
      const { path, domain, name } = settings.cookie;
      eraseCookies(
        change.withdrawn.flatMap((id) => this.vendor(id)?.cookies ?? []),
        path,
        domain,
        name,
      );
    }
    this.waiters = this.waiters.filter((resolved) => !resolved());
    for (const listener of this.followers) listener(change);
  }

  /** A read-only snapshot of the choice in force. */
  get consent(): ConsentSnapshot {
    return Object.freeze({
      decided: !this.asked.length,
      revision: this.settings.revision,
      timestamp: this.stored?.timestamp ?? null,
      vendors: Object.freeze({ ...this.grants }),
      purposes: Object.freeze(purposeGrants(this.grants, this.vendors)),
    });
  }

  /** The configured vendor of that id. */
  vendor(id: string): Vendor | undefined {
    return this.vendors.find((vendor) => vendor.id === id);
  }

  /** True only when that vendor is granted. */
  hasConsent(vendorId: string): boolean {
    // Grants hold the configured vendors only.
    return this.grants[vendorId] === true;
  }

  /** Resolves once the vendor is granted (at once if it is). */
  whenGranted(vendorId: string): Promise<void> {
    return new Promise((resolve) => {
      const resolved = () => this.hasConsent(vendorId) && (resolve(), true);
      if (!resolved()) this.waiters.push(resolved);
    });
  }

  /** @internal Grants (or denies) every vendor asked about and stores the choice. */
  answerAll(granted: boolean, method: ConsentMethod): void {
    const answers = allVendors(this.vendors, granted);
    // Reject all refuses what other pages of the site were granted too.
    if (!granted) for (const id of Object.keys(this.stored?.vendors ?? {})) answers[id] = false;
    this.record(answers, method);
  }

  /** @internal Changes the named vendors (`{vendorId: boolean}`) and stores the choice. */
  setAnswers(changes: Record<string, boolean>): void {
    const answers: Record<string, boolean> = {};
    for (const [id, granted] of Object.entries(changes ?? {})) {
      if (!isVendorId(id) || !this.vendor(id)) error(`setConsent: unknown vendor "${id}"`);
      else if (typeof granted !== 'boolean') error(`setConsent: "${id}" needs true or false`);
      else answers[id] = granted;
    }
    if (Object.keys(answers).length) this.record(answers, 'api');
  }

  /** @internal Stores the reader's answers (merged over the current ones) and applies them. */
  record(answers: Record<string, boolean>, method: ConsentMethod): void {
    if (!this.started) return error('not ready yet; use window.consentGateQueue');
    try {
      const { revision, maxAgeDays, cookie } = this.settings;
      const stored = (this.stored = {
        revision,
        timestamp: Date.now(),
        consentId: this.stored?.consentId ?? newConsentId(),
        vendors: recordAnswers(this.stored, this.choiceValidity!, this.vendors, answers),
      });
      const value = encodeConsentCookie(stored, (left) => error(`cookie full (4,000 characters): ${left} answers kept for this page view only (docs/cookie.md)`));
      const unsaved = !writeCookie(cookie, value, maxAgeDays);
      if (unsaved) error('cookie not stored (cookies disabled?); the choice holds for this page view');
      this.answeredThisView = true;
      this.recompute(method, unsaved);
    } catch (cause) {
      error('could not record the choice', cause);
    }
  }

  /** @internal Forgets the stored choice: everything is asked again. */
  forgetChoice(): void {
    if (!this.started) return error('not ready yet; use window.consentGateQueue');
    removeCookie(this.settings.cookie);
    this.readChoice(this.settings, 'reset');
  }
}
