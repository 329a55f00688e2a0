import { html, nothing } from 'lit/html.js';
import type { Translation } from '../../translations/en.js';
import { plural } from '../../translations/languages.js';
import { fill } from '../../translations/overrides.js';

export interface BannerView {
  texts: Translation;
  /** The language of the texts, for their plural rules. */
  language: string;
  /** Names of the vendors the banner asks about. */
  partners: string[];
  /** True when the reader already answered and only new vendors are asked about. */
  newVendorsOnly: boolean;
  /** True when advertising vendors stay off because of Global Privacy Control. */
  gpc: boolean;
  policyUrl?: string;
  onAcceptAll(): void;
  onRejectAll(): void;
  onManage(): void;
  onKeydown(event: KeyboardEvent): void;
}

/**
 * The first layer: the partners, three equal buttons, the policy link. Not a wall: the page stays
 * usable. The link comes after the buttons, so that the first Tab into the banner reaches a button.
 */
export function renderBanner(view: BannerView) {
  const t = view.texts;
  const partners = view.partners.join(', ');
  return html`
    <section class="banner" part="banner" role="region" aria-labelledby="banner-title" @keydown=${view.onKeydown}>
      <h2 id="banner-title" part="banner-title">${t.bannerTitle}</h2>
      <p part="banner-body">
        ${view.newVendorsOnly ? fill(plural(t.bannerNewVendors, view.language, view.partners.length), partners, view.partners.length) : t.bannerBody(partners)} ${view.gpc ? t.gpcHonoured : nothing}
      </p>
      <div class="actions" part="banner-actions">
        <button type="button" part="button accept-all-button" @click=${view.onAcceptAll}>${t.acceptAll}</button>
        <button type="button" part="button reject-all-button" @click=${view.onRejectAll}>${t.rejectAll}</button>
        <button type="button" part="button manage-button" @click=${view.onManage}>${t.managePreferences}</button>
      </div>
      ${view.policyUrl ? html`<a href=${view.policyUrl} part="policy-link">${t.policyLink}</a>` : nothing}
    </section>
  `;
}
