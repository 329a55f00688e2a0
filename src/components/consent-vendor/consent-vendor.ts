import { isPurpose } from '../../core/purposes.js';
import { report } from '../../core/report.js';
import { safeHttpUrl } from '../../core/safe-url.js';
import { isVendorId, words, type Vendor } from '../../core/vendor.js';
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
  /** Host patterns its content loads from: `example.com` or `*.example.com`. */
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
    const id = this.getAttribute('id') ?? '';
    const problem = (what: string) => {
      report(`<consent-vendor id="${id}"> ignored: ${what}`);
      return undefined;
    };
    if (!isVendorId(id)) return problem('id must be a-z, 0-9 and -');
    const purpose = this.getAttribute('purpose') ?? catalogEntry?.purpose;
    if (!purpose || !isPurpose(purpose)) return problem(`unknown purpose "${purpose ?? ''}"`);
    const policyAttr = this.getAttribute('policy-url');
    const policyUrl = policyAttr === null ? catalogEntry?.policyUrl : safeHttpUrl(policyAttr);
    if (policyAttr !== null && !policyUrl) {
      report(`<consent-vendor id="${id}">: policy-url "${policyAttr}" is not http(s)`);
    }
    const consentMode = this.hasAttribute('consent-mode') ? words(this.getAttribute('consent-mode')) : catalogEntry?.consentMode;
    const unknownSignal = consentMode?.find((signal) => !(CONSENT_SIGNALS as readonly string[]).includes(signal));
    if (unknownSignal) return problem(`consent-mode "${unknownSignal}" is not a Consent Mode signal`);
    const list = (name: string, fallback: string[] = []) => (this.hasAttribute(name) ? words(this.getAttribute(name)) : fallback);
    return {
      id,
      name: this.getAttribute('name')?.trim() || catalogEntry?.name || id,
      purpose,
      kind: catalogEntry?.kind,
      description: this.getAttribute('description') ?? catalogEntry?.description,
      policyUrl,
      hosts: list('hosts', catalogEntry?.hosts),
      cookies: list('cookies', catalogEntry?.cookies),
      consentMode,
    };
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
