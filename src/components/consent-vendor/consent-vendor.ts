import { declaredVendor } from '../../core/declared-vendor.js';
import { report } from '../../core/report.js';
import type { Vendor } from '../../core/vendor.js';
import { CONSENT_SIGNALS } from '../../standards/consent-mode.js';
import { attributeAccessors, type AttributeProperties } from '../consent-element.js';

/** A declared vendor's attributes (docs/vendors.md): name → default (the catalog entry's when absent). */
const vendorAttributes = {
  /** The vendor's id, `[a-z0-9-]+`; a catalog id overrides that entry. */
  id: '',
  /** Display name. */
  name: '',
  /** One purpose: `necessary`, `functional`, `analytics`, `advertising` or `embeds`. */
  purpose: '',
  /** Shown in the dialog. */
  description: '',
  /** The vendor's privacy policy (http/https only). */
  'policy-url': '',
  /** Hosts its content loads from (each with its subdomains), optionally with a path: `example.com`, `example.com/embed`. */
  hosts: '',
  /** First-party cookie names or `prefix*` patterns it sets, erased when its consent is withdrawn. */
  cookies: '',
  /** The Google Consent Mode signals it drives, replacing its purpose's. */
  'consent-mode': '',
};

/**
 * Declares a vendor that is not in the built-in catalog, or overrides a catalog entry of the same
 * id. Only meaningful as a child of `<consent-manager>`; it renders nothing.
 *
 * @summary A vendor declared by the publisher.
 */
export class ConsentVendor extends HTMLElement {
  static attributes = vendorAttributes;

  static get observedAttributes(): string[] {
    return attributeAccessors(this, this.attributes);
  }

  connectedCallback(): void {
    this.hidden = true;
    this.notifyManager();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.notifyManager();
  }

  private notifyManager(): void {
    this.closest('consent-manager')?.vendorsChanged?.();
  }

  /** @internal The vendor it declares, merged over the catalog entry of the same id; undefined (with a console error) when invalid. */
  toVendor(catalogEntry?: Vendor): Vendor | undefined {
    return declaredVendor((name) => this.getAttribute(name), catalogEntry, CONSENT_SIGNALS, report);
  }
}

/** The attributes' accessors (see `attributeAccessors`). */
export interface ConsentVendor extends AttributeProperties<typeof vendorAttributes> {}

if (!customElements.get('consent-vendor')) customElements.define('consent-vendor', ConsentVendor);

declare global {
  interface HTMLElementTagNameMap {
    'consent-vendor': ConsentVendor;
  }
}
