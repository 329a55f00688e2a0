import { html, nothing } from 'lit/html.js';
import { PURPOSES, type PurposeId } from '../../core/purposes.js';
import { vendorDescription } from '../../translations/vendor-description.js';
import { safeHttpUrl } from '../../core/safe-url.js';
import type { Vendor } from '../../core/vendor.js';
import type { Translation } from '../../translations/en.js';

export interface DialogView {
  texts: Translation;
  vendors: readonly Vendor[];
  /** The toggles as shown, not yet saved. */
  draft: Record<string, boolean>;
  policyUrl?: string;
  /** The reader's consent ID, shown so they can cite it (it is in every receipt of the log). */
  consentId?: string;
  /** The language switch, on a site in more than one language. */
  languageSwitch?: Node;
  onToggleVendor(id: string): void;
  onTogglePurpose(purpose: PurposeId): void;
  onSave(): void;
  onAcceptAll(): void;
  onRejectAll(): void;
  onClose(): void;
  onDialogClick(event: MouseEvent): void;
  onDialogKeydown(event: KeyboardEvent): void;
}

function renderSwitch(checked: boolean, labelId: string, onToggle: () => void, describedBy?: string) {
  return html`<button
    type="button"
    role="switch"
    part="switch"
    aria-checked=${checked ? 'true' : 'false'}
    aria-labelledby=${labelId}
    aria-describedby=${describedBy ?? nothing}
    @click=${onToggle}
  ></button>`;
}

function renderVendor(view: DialogView, vendor: Vendor) {
  const t = view.texts;
  const policy = safeHttpUrl(vendor.policyUrl);
  const nameId = `vendor-name-${vendor.id}`;
  const descriptionId = `vendor-description-${vendor.id}`;
  const description = vendorDescription(vendor, t);
  return html`
    <li class="row" part="vendor" id="vendor-${vendor.id}">
      <div class="text">
        <b id=${nameId}>${vendor.name}</b>
        ${description ? html`<span class="muted" id=${descriptionId}>${description}</span>` : nothing}
        ${policy ? html`<a href=${policy} target="_blank" rel="noopener noreferrer">${t.vendorPolicy(vendor.name)}</a>` : nothing}
      </div>
      ${vendor.purpose === 'necessary'
        ? html`<span class="always">${t.alwaysOn}</span>`
        : renderSwitch(view.draft[vendor.id] === true, nameId, () => view.onToggleVendor(vendor.id), description ? descriptionId : undefined)}
    </li>
  `;
}

function renderPurpose(view: DialogView, purpose: PurposeId) {
  const t = view.texts;
  const members = view.vendors.filter((v) => v.purpose === purpose);
  if (purpose !== 'necessary' && members.length === 0) return nothing;
  const allOn = members.every((v) => view.draft[v.id] === true);
  return html`
    <section part="purpose" aria-labelledby="purpose-${purpose}">
      <div class="row">
        <div class="text">
          <h3 id="purpose-${purpose}">${t.purposeNames[purpose]}</h3>
          <p class="muted" id="purpose-description-${purpose}">${t.purposeDescriptions[purpose]}</p>
        </div>
        ${purpose === 'necessary'
          ? html`<span class="always">${t.alwaysOn}</span>`
          : renderSwitch(allOn, `purpose-${purpose}`, () => view.onTogglePurpose(purpose), `purpose-description-${purpose}`)}
      </div>
      ${members.length ? html`<ul>${members.map((v) => renderVendor(view, v))}</ul>` : nothing}
    </section>
  `;
}

/** "Manage Preferences": a modal dialog of purposes, each with its vendors, each a switch. */
export function renderPreferencesDialog(view: DialogView) {
  const t = view.texts;
  return html`
    <dialog
      part="dialog"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-body"
      @click=${view.onDialogClick}
      @keydown=${view.onDialogKeydown}
    >
        <div class="row">
          <h2 id="dialog-title" tabindex="-1" autofocus>${t.dialogTitle}</h2>
          <button type="button" class="close secondary" part="button close-button" aria-label=${t.close} @click=${view.onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <div class="scroll">
          ${view.languageSwitch}
          <p id="dialog-body">
            ${t.dialogBody}
            ${view.policyUrl ? html`<a href=${view.policyUrl} part="policy-link">${t.policyLink}</a>` : nothing}
          </p>
          ${PURPOSES.map((purpose) => renderPurpose(view, purpose))}
          ${view.consentId ? html`<p part="consent-id">ID ${view.consentId}</p>` : nothing}
        </div>
        <div class="actions dialog-actions" part="dialog-actions">
          <button type="button" part="button save-button" @click=${view.onSave}>${t.save}</button>
          <button type="button" part="button reject-all-button" @click=${view.onRejectAll}>${t.rejectAll}</button>
          <button type="button" part="button accept-all-button" @click=${view.onAcceptAll}>${t.acceptAll}</button>
        </div>
    </dialog>
  `;
}
