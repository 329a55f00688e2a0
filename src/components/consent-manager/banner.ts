import { html, nothing } from 'lit/html.js';
import { plural } from '../../translations/languages.js';
import { fill } from '../../translations/overrides.js';
import type { ConsentManager } from './consent-manager.js';

/**
 * The first layer: the partners, three equal buttons, the policy link. Not a wall: the page stays
 * usable. The link comes after the buttons, so that the first Tab into the banner reaches a button.
 * Escape hides it for this page view and records nothing.
 */
export function renderBanner(manager: ConsentManager, policyUrl?: string) {
  const { texts: t, language, consentStore: store } = manager;
  const asked = store.asked;
  const names = asked.map((id) => store.vendor(id)?.name ?? id);
  const partners = names.join(', ');
  // With Global Privacy Control honoured, the banner says why advertising stays off.
  const gpc = store.settings.gpc && store.vendors.some((v) => v.purpose === 'advertising');
  const answer = (granted: boolean) => {
    store.record(Object.fromEntries(asked.map((id) => [id, granted])), 'banner');
    void manager.focusReturn.keepFocus();
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      manager.bannerDismissed = true;
      manager.requestUpdate();
      void manager.focusReturn.keepFocus();
    }
  };
  return html`
    <section class="banner" part="banner" role="region" aria-labelledby="banner-title" @keydown=${onKeydown}>
      <h2 id="banner-title" part="banner-title">${t.bannerTitle}</h2>
      <p part="banner-body">
        ${store.askingNewVendorsOnly ? fill(plural(t.bannerNewVendors, language, names.length), partners, names.length) : t.bannerBody(partners)} ${gpc ? t.gpcHonoured : nothing}
      </p>
      <div class="actions" part="banner-actions">
        <button type="button" part="button accept-all-button" @click=${() => answer(true)}>${t.acceptAll}</button>
        <button type="button" part="button reject-all-button" @click=${() => answer(false)}>${t.rejectAll}</button>
        <button type="button" part="button manage-button" @click=${() => manager.openPreferences()}>${t.managePreferences}</button>
      </div>
      ${policyUrl ? html`<a href=${policyUrl} part="policy-link">${t.policyLink}</a>` : nothing}
    </section>
  `;
}

/** The notice after a choice, in the banner's place: reload to complete it, or it could not be stored. */
export function renderNotice(manager: ConsentManager) {
  const t = manager.texts;
  const reload = manager.notice === 'reload';
  const message = reload ? t.reloadNotice : t.unsavedNotice;
  const close = () => {
    manager.notice = undefined;
    manager.requestUpdate();
  };
  return html`<section class="banner" part="notice" role="region" aria-label=${message}>
    <p>${message}</p>
    <div class="actions">
      ${reload ? html`<button type="button" part="button reload-button" @click=${() => location.reload()}>${t.reload}</button>` : nothing}
      <button type="button" class="secondary" part="button" @click=${close}>${t.close}</button>
    </div>
  </section>`;
}
