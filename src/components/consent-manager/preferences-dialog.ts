import { html, nothing } from 'lit/html.js';
import { PURPOSES, type PurposeId } from '../../core/purposes.js';
import { report as error } from '../../core/report.js';
import { vendorDescription } from '../../translations/vendor-description.js';
import { safeHttpUrl } from '../../core/safe-url.js';
import type { Vendor } from '../../core/vendor.js';
import type { ReactiveController } from '../consent-element.js';
import type { ConsentManager } from './consent-manager.js';

/** A switch (`aria-checked` is written `true` or `false`, as lit-html writes a boolean in an attribute). */
function renderSwitch(checked: boolean, labelId: string, onToggle: () => void, describedBy?: string) {
  return html`<button
    type="button"
    role="switch"
    part="switch"
    aria-checked=${checked}
    aria-labelledby=${labelId}
    aria-describedby=${describedBy ?? nothing}
    @click=${onToggle}
  ></button>`;
}

/**
 * "Manage Preferences": a modal dialog of purposes, each with its vendors, each a switch. It keeps
 * the toggles as shown (the draft) until Save, and keeps Tab inside while open.
 */
export class PreferencesDialog implements ReactiveController {
  /** The toggles as shown, not yet saved (set as the dialog opens). */
  private draft!: Record<string, boolean>;
  private wasOpened?: boolean;

  constructor(private readonly managerHost: ConsentManager) {
    managerHost.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('click', this.onDocumentClick);
  }

  hostDisconnected(): void {
    document.removeEventListener('click', this.onDocumentClick);
  }

  /** A link or button of the page with `data-consent-open` opens the dialog (at its vendor, if it names one). */
  private readonly onDocumentClick = (event: MouseEvent): void => {
    const opener = (event.target as Element | null)?.closest?.('[data-consent-open]');
    if (!opener || !this.managerHost.ready) return;
    event.preventDefault();
    this.managerHost.openPreferences(opener.getAttribute('data-consent-open') || undefined);
  };

  private get dialogElement(): HTMLDialogElement | null {
    return this.managerHost.renderRoot.querySelector('dialog');
  }

  /** @internal Opens the dialog with the choice in force, optionally scrolled to a vendor. */
  async open(vendorId?: string): Promise<void> {
    const manager = this.managerHost;
    const root = manager.renderRoot;
    try {
      if (!this.dialogElement?.open) {
        this.draft = { ...manager.consentStore.grants };
        this.wasOpened = true;
        manager.requestUpdate();
        await manager.updateComplete;
        this.dialogElement?.showModal();
      }
      const row = vendorId && root.querySelector(`#vendor-${CSS.escape(vendorId)}`);
      // At a vendor, its switch has focus: the reader came to change that one.
      (row ? row.querySelector<HTMLElement>('[role="switch"]') : root.querySelector<HTMLElement>('#dialog-title'))?.focus();
      if (row) row.scrollIntoView({ block: 'center' });
    } catch (cause) {
      error('could not open the preferences dialog', cause);
    }
  }

  /** @internal Closes the dialog without recording anything; focus returns to the page. */
  close(): void {
    const inside = !!this.managerHost.renderRoot.activeElement;
    // Closing a closed dialog does nothing.
    this.dialogElement?.close();
    void this.managerHost.focusReturn.keepFocus(inside);
  }

  private readonly onClick = (event: MouseEvent): void => {
    // A click on the backdrop lands on the <dialog> itself, outside its box.
    const dialog = this.dialogElement!;
    const box = dialog.getBoundingClientRect();
    const { clientX: x, clientY: y } = event;
    if (event.target === dialog && (x < box.left || x > box.right || y < box.top || y > box.bottom)) this.close();
  };

  /** Tab wraps inside the dialog (the native one lets it out to the browser once per round). */
  private readonly wrapTab = (event: KeyboardEvent): void => {
    if (event.key !== 'Tab') return;
    const controls = Array.from(this.dialogElement!.querySelectorAll<HTMLElement>('button, a[href]'));
    const index = controls.indexOf(this.managerHost.renderRoot.activeElement as HTMLElement);
    const to = event.shiftKey ? (index <= 0 ? controls.length - 1 : -1) : index === controls.length - 1 ? 0 : -1;
    if (to < 0) return;
    event.preventDefault();
    controls[to]!.focus();
  };

  private toggleDraft(changes: Record<string, boolean>): void {
    this.draft = { ...this.draft, ...changes };
    this.managerHost.requestUpdate();
  }

  private renderVendor(vendor: Vendor) {
    const t = this.managerHost.texts;
    const { id, name } = vendor;
    const policy = safeHttpUrl(vendor.policyUrl);
    const nameId = `vendor-name-${id}`;
    const descriptionId = `vendor-description-${id}`;
    const description = vendorDescription(vendor, t);
    return html`
      <li class="row" part="vendor" id="vendor-${id}">
        <div class="text">
          <b id=${nameId}>${name}</b>
          ${description ? html`<span class="muted" id=${descriptionId}>${description}</span>` : nothing}
          ${policy ? html`<a href=${policy} target="_blank" rel="noopener noreferrer">${t.vendorPolicy(name)}</a>` : nothing}
        </div>
        ${vendor.purpose === 'necessary'
          ? html`<span class="always">${t.alwaysOn}</span>`
          : renderSwitch(this.draft[id] === true, nameId, () => this.toggleDraft({ [id]: !this.draft[id] }), description ? descriptionId : undefined)}
      </li>
    `;
  }

  private renderPurpose(purpose: PurposeId) {
    const t = this.managerHost.texts;
    const members = this.managerHost.consentStore.vendors.filter((v) => v.purpose === purpose);
    if (purpose !== 'necessary' && members.length === 0) return nothing;
    const allOn = members.every((v) => this.draft[v.id] === true);
    return html`
      <section part="purpose" aria-labelledby="purpose-${purpose}">
        <div class="row">
          <div class="text">
            <h3 id="purpose-${purpose}">${t.purposeNames[purpose]}</h3>
            <p class="muted" id="purpose-description-${purpose}">${t.purposeDescriptions[purpose]}</p>
          </div>
          ${purpose === 'necessary'
            ? html`<span class="always">${t.alwaysOn}</span>`
            : renderSwitch(
                allOn,
                `purpose-${purpose}`,
                () => this.toggleDraft(Object.fromEntries(members.map((v) => [v.id, !allOn]))),
                `purpose-description-${purpose}`,
              )}
        </div>
        ${members.length ? html`<ul>${members.map((v) => this.renderVendor(v))}</ul>` : nothing}
      </section>
    `;
  }

  /** @internal The dialog, once wasOpened (it stays in the shadow root, closed, afterwards). */
  render(policyUrl?: string, languageSwitch?: Node) {
    if (!this.wasOpened) return nothing;
    const manager = this.managerHost;
    const t = manager.texts;
    const consentId = manager.consentStore.stored?.consentId;
    const save = () => {
      manager.consentStore.record(this.draft, 'dialog');
      this.close();
    };
    return html`
      <dialog part="dialog" aria-labelledby="dialog-title" aria-describedby="dialog-body" @click=${this.onClick} @keydown=${this.wrapTab}>
        <div class="row">
          <h2 id="dialog-title" tabindex="-1" autofocus>${t.dialogTitle}</h2>
          <button type="button" class="close secondary" part="button close-button" aria-label=${t.close} @click=${() => this.close()}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <div class="scroll">
          ${languageSwitch}
          <p id="dialog-body">
            ${t.dialogBody} ${policyUrl ? html`<a href=${policyUrl} part="policy-link">${t.policyLink}</a>` : nothing}
          </p>
          ${PURPOSES.map((purpose) => this.renderPurpose(purpose))}
          ${consentId ? html`<p part="consent-id">ID ${consentId}</p>` : nothing}
        </div>
        <div class="actions dialog-actions" part="dialog-actions">
          <button type="button" part="button save-button" @click=${save}>${t.save}</button>
          <button type="button" part="button reject-all-button" @click=${() => manager.answerAll(false, 'dialog')}>${t.rejectAll}</button>
          <button type="button" part="button accept-all-button" @click=${() => manager.answerAll(true, 'dialog')}>${t.acceptAll}</button>
        </div>
      </dialog>
    `;
  }
}
