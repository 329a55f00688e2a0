import { isPurpose } from '../../core/purposes.js';
import { report } from '../../core/report.js';
import { safeHttpUrl } from '../../core/safe-url.js';
import { isVendorId, words, type Vendor } from '../../core/vendor.js';
import { CONSENT_SIGNALS } from '../../standards/consent-mode.js';
import { define } from '../define.js';

/**
 * Declares a vendor that is not in the built-in catalog, or overrides a catalog entry of the same
 * id. Only meaningful as a child of `<consent-manager>`; it renders nothing.
 *
 * @summary A vendor declared by the publisher.
 */
export class ConsentVendor extends HTMLElement {
  static observedAttributes = ['id', 'name', 'purpose', 'description', 'policy-url', 'hosts', 'cookies', 'consent-mode'];

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

  /** The vendor it declares, merged over the catalog entry of the same id; undefined (with a console error) when invalid. */
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
      description: this.getAttribute('description') ?? catalogEntry?.description,
      policyUrl,
      hosts: list('hosts', catalogEntry?.hosts),
      cookies: list('cookies', catalogEntry?.cookies),
      consentMode,
    };
  }
}

define('consent-vendor', ConsentVendor);

declare global {
  interface HTMLElementTagNameMap {
    'consent-vendor': ConsentVendor;
  }
}
