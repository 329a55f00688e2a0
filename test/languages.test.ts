import { expect, html, waitUntil } from '@open-wc/testing';
import type { ConsentManager } from '../src/components/consent-manager/consent-manager.js';
import { en, type Translation } from '../src/translations/en.js';
import { chooseLanguage } from '../src/translations/languages.js';
import { button, clearCookies, page, shadow } from './helpers.js';

const article = (lang?: string) => html`<div>
  <consent-manager vendors="rte-player youtube" lang=${lang ?? ''}></consent-manager>
  <consent-gate vendor="rte-player"><template><iframe src="https://www.rte.ie/x" width="640" height="360"></iframe></template></consent-gate>
</div>`;

async function ready(lang?: string) {
  const { root, manager } = await page(article(lang));
  await waitUntil(() => manager.ready, 'the texts load', { timeout: 5000 });
  await manager.updateComplete;
  const gate = root.querySelector('consent-gate')!;
  await gate.updateComplete;
  return { manager, gate };
}

const text = (element: Element | null) => element!.textContent!.replace(/\s+/g, ' ');

/** The shape of a translation: its keys, nested, and which are sentences (functions). */
function shape(texts: object): unknown {
  return Object.fromEntries(
    Object.entries(texts).map(([key, value]) => [key, typeof value === 'object' ? shape(value) : typeof value]),
  );
}

describe('languages', () => {
  afterEach(() => {
    clearCookies();
    document.documentElement.lang = 'en';
  });

  it('every language has exactly the keys of English, with sentences where English has them', async () => {
    for (const code of ['ga', 'fr', 'de', 'es', 'ar']) {
      const { default: texts } = (await import(`../src/translations/${code}.ts`)) as { default: Translation };
      expect(shape(texts), code).to.deep.equal(shape(en));
      expect(texts.gateTitle('Vendor<b>'), code).to.contain('Vendor<b>');
      expect(texts.bannerNewVendors('A', 1), code).not.to.equal(texts.bannerNewVendors('A, B', 2).replace('A, B', 'A'));
    }
  });

  it('picks lang, else <html lang> with region fallback, else English', () => {
    expect(chooseLanguage('ga', 'fr')).to.equal('ga');
    expect(chooseLanguage(null, 'fr-BE')).to.equal('fr');
    expect(chooseLanguage(null, 'de_AT')).to.equal('de');
    expect(chooseLanguage('it', 'fr')).to.equal('en');
    expect(chooseLanguage(null, 'pt-BR')).to.equal('en');
    expect(chooseLanguage(null, '')).to.equal('en');
  });

  it('with <html lang="ga"> the banner, the dialog and the placeholder are in Irish, and nothing shows in English first', async () => {
    document.documentElement.lang = 'ga';
    const seen: string[] = [];
    const watch = setInterval(() => {
      const banner = document.querySelector('consent-manager')?.shadowRoot?.querySelector('.banner h2');
      if (banner) seen.push(banner.textContent!);
    });
    const { manager, gate } = await ready();
    clearInterval(watch);
    expect(seen.every((title) => title === 'Do phríobháideachas ar an suíomh seo')).to.equal(true);
    expect(text(shadow(manager, '.banner'))).to.contain('Glac le gach ceann');
    expect(shadow(manager, '.ui')!.getAttribute('lang')).to.equal('ga');
    expect(text(shadow(gate, '.placeholder'))).to.contain('Teastaíonn do thoiliú uainn chun an t-ábhar RTÉ Player seo a lódáil.');
    await manager.openPreferences();
    expect(text(shadow(manager, 'dialog h2'))).to.equal('Bainistigh Roghanna');
    manager.closePreferences();
  });

  it('with lang="ar" everything is in Arabic and laid out right to left', async () => {
    const { manager, gate } = await ready('ar');
    expect(shadow(manager, '.ui')!.getAttribute('dir')).to.equal('rtl');
    expect(shadow(gate, '.base')!.getAttribute('dir')).to.equal('rtl');
    expect(text(shadow(manager, '.banner h2'))).to.equal('خصوصيتك على هذا الموقع');
    const [accept, reject] = [button(manager, 'قبول الكل'), button(manager, 'رفض الكل')].map((b) => b.getBoundingClientRect());
    expect(accept.left, 'Accept all is on the right').to.be.greaterThan(reject.left);
    expect(text(shadow(gate, '.placeholder'))).to.contain('نحتاج إلى موافقتك');
  });

  it('an unknown language falls back to English', async () => {
    const { manager } = await ready('it');
    expect(text(shadow(manager, '.banner h2'))).to.equal('Your privacy on this site');
  });

  it('<html lang="fr-BE"> gives French', async () => {
    document.documentElement.lang = 'fr-BE';
    const french = await ready();
    expect(text(shadow(french.manager, '.banner h2'))).to.equal('Votre vie privée sur ce site');
    expect((french.manager as ConsentManager).language).to.equal('fr');
  });
});
