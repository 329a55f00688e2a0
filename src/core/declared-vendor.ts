import { isPurpose } from './purposes.js';
import { safeHttpUrl } from './safe-url.js';
import { isVendorId, words, type Vendor } from './vendor.js';

/**
 * The vendor a `<consent-vendor>` declaration's attributes describe, merged over the catalog entry
 * of its id; undefined when invalid. Each problem goes to `problem` (a console error in the page,
 * a line on stderr in the CLI). Shared by the element and the Node transform's `--vendors-file`.
 */
export function declaredVendor(
  attribute: (name: string) => string | null,
  catalogEntry: Vendor | undefined,
  signals: readonly string[],
  problem: (message: string) => void,
): Vendor | undefined {
  const id = attribute('id') ?? '';
  const ignored = (what: string) => void problem(`<consent-vendor id="${id}"> ignored: ${what}`);
  if (!isVendorId(id)) return ignored('id must be a-z, 0-9 and -');
  const purpose = attribute('purpose') ?? catalogEntry?.purpose;
  if (!purpose || !isPurpose(purpose)) return ignored(`unknown purpose "${purpose ?? ''}"`);
  const policyAttr = attribute('policy-url');
  const policyUrl = policyAttr === null ? catalogEntry?.policyUrl : safeHttpUrl(policyAttr);
  if (policyAttr !== null && !policyUrl) problem(`<consent-vendor id="${id}">: policy-url "${policyAttr}" is not http(s)`);
  const list = (name: string, fallback: string[] = []) => (attribute(name) === null ? fallback : words(attribute(name)));
  const consentMode = attribute('consent-mode') === null ? catalogEntry?.consentMode : words(attribute('consent-mode'));
  const unknownSignal = consentMode?.find((signal) => !signals.includes(signal));
  if (unknownSignal) return ignored(`consent-mode "${unknownSignal}" is not a Consent Mode signal`);
  return {
    id,
    name: attribute('name')?.trim() || catalogEntry?.name || id,
    purpose,
    kind: catalogEntry?.kind,
    description: attribute('description') ?? catalogEntry?.description,
    policyUrl,
    hosts: list('hosts', catalogEntry?.hosts),
    cookies: list('cookies', catalogEntry?.cookies),
    consentMode,
  };
}
