import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import type { ConsentManager } from '../src/components/consent-manager/consent-manager.js';
import { en, type Plural, type Translation } from '../src/translations/en.js';
import polish from '../src/translations/pl.js';
import welsh from '../src/translations/cy.js';
import { allLanguages, chooseLanguage, plural } from '../src/translations/languages.js';
import { fill } from '../src/translations/overrides.js';
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

/** The sentence for `count`, as the banner shows it (its partners left as `{partners}`). */
const sentence = (forms: Plural, language: string, count: number) => fill(plural(forms, language, count), '{partners}', count);

const text = (element: Element | null) => element!.textContent!.replace(/\s+/g, ' ');

/** Every language's texts, by code. */
async function allTexts(): Promise<Array<[string, Translation]>> {
  return Promise.all(
    allLanguages().map(async (code): Promise<[string, Translation]> => [
      code,
      ((await import(`../src/translations/${code}.ts`)) as { default: Translation }).default,
    ]),
  );
}

const isPlural = (value: unknown): value is Plural => typeof value === 'object' && value !== null && 'other' in value;

/** Keys only the language files have: the language switch's label and name, and right to left. */
const FILE_ONLY = ['language', 'languageName', 'rtl'];

/** The shape of a translation: its keys, nested, and which are sentences (functions) or plurals. */
function shape(texts: object): unknown {
  return Object.fromEntries(
    Object.entries(texts)
      .filter(([key]) => !FILE_ONLY.includes(key))
      .map(([key, value]) => [key, isPlural(value) ? 'plural' : typeof value === 'object' ? shape(value) : typeof value]),
  );
}

/** Every text of a translation with its key path; sentences filled in with a vendor's name. */
function strings(texts: object, path = ''): Array<[string, string]> {
  return Object.entries(texts).flatMap(([key, value]): Array<[string, string]> => {
    if (typeof value === 'string') return [[path + key, value]];
    if (typeof value === 'function') return [[path + key, (value as (vendor: string, count: number) => string)('Vendor', 2)]];
    return strings(value as object, `${path}${key}.`);
  });
}

/** English words that none of the other languages spells the same way. */
const ENGLISH = new Set('the and your you our this with from please choices settings content load accept reject'.split(' '));
const englishWords = (text: string) => (text.match(/\p{L}+/gu) ?? []).filter((word) => ENGLISH.has(word.toLowerCase()));

describe('languages', () => {
  afterEach(() => {
    clearCookies();
    document.documentElement.lang = 'en';
  });

  it('every language has exactly the keys of English, with sentences and plurals where English has them', async () => {
    expect(allLanguages().length).to.be.at.least(37);
    for (const [code, texts] of await allTexts()) {
      expect(shape(texts), code).to.deep.equal(shape(en));
      if (code !== 'en') expect([typeof texts.language, typeof texts.languageName], code).to.deep.equal(['string', 'string']);
      expect(!!texts.rtl, `${code} is right to left`).to.equal(['ar', 'fa', 'he'].includes(code));
      expect(texts.gateTitle('Vendor<b>'), code).to.contain('Vendor<b>');
      expect(texts.bannerBody('A, B'), code).to.contain('A, B');
    }
  });

  it('every sentence with a count has a form for each plural category its language uses for counts 0–200, and no other', async () => {
    for (const [code, texts] of await allTexts()) {
      const rules = new Intl.PluralRules(code);
      const categories = rules.resolvedOptions().pluralCategories;
      for (const [key, forms] of Object.entries(texts).filter(([, value]) => isPlural(value)) as Array<[string, Plural]>) {
        for (const form of Object.keys(forms)) expect(categories, `${code} ${key}: "${form}" is not a category of ${code}`).to.include(form);
        const counts = new Map<string, number[]>();
        for (let count = 0; count <= 200; count += 1) {
          const category = rules.select(count) as Intl.LDMLPluralRule;
          expect(forms[category], `${code} ${key}: no "${category}" form for ${count}`).to.be.a('string');
          counts.set(category, [...(counts.get(category) ?? []), count]);
        }
        // A form other than the general one that stands for several counts (1, 21, 31 …) says which.
        for (const [category, numbers] of counts) {
          if (category !== 'other' && numbers.length > 1) expect(forms[category as Intl.LDMLPluralRule], `${code} ${key}.${category} (${numbers.slice(0, 4).join(', ')}, …)`).to.contain('{count}');
        }
      }
    }
  });

  it('the banner for new vendors takes the plural form of its count', async () => {
    expect(sentence(polish.bannerNewVendors, 'pl', 1)).to.match(/^Mamy nowego partnera/);
    expect(sentence(polish.bannerNewVendors, 'pl', 3)).to.match(/^Mamy 3 nowych partnerów/);
    expect(sentence(polish.bannerNewVendors, 'pl', 5)).to.match(/^Mamy 5 nowych partnerów/);
    expect(sentence(welsh.bannerNewVendors, 'cy', 2)).to.match(/^Mae gennym ddau bartner newydd/);
    expect(sentence(welsh.bannerNewVendors, 'cy', 3)).to.match(/^Mae gennym dri phartner newydd/);
    expect(sentence(welsh.bannerNewVendors, 'cy', 7)).to.match(/^Mae gennym 7 partner newydd/);
    expect(sentence(en.bannerNewVendors, 'en', 2)).to.equal('We have new partners: {partners}. Your earlier answers are kept.');
  });

  it('no English is left in another language, but for vendor names and URLs', async () => {
    const english = new Map(strings(en));
    for (const [code, texts] of await allTexts()) {
      if (code === 'en') continue;
      for (const [key, text] of strings(texts)) {
        expect(text, `${code} ${key} is the English text`).not.to.equal(english.get(key));
        expect(englishWords(text.replace(/Vendor|Global Privacy Control|\{partners\}|\{count\}/g, '')), `${code} ${key}: ${text}`).to.deep.equal([]);
      }
    }
  });

  it('picks the exact tag, else the language, else English; the manager’s lang before <html lang>', () => {
    expect(chooseLanguage('ga', 'fr')).to.equal('ga');
    expect(chooseLanguage(null, 'fr-BE')).to.equal('fr');
    expect(chooseLanguage(null, 'de_AT')).to.equal('de');
    expect(chooseLanguage('ja', 'fr')).to.equal('en');
    expect(chooseLanguage(null, 'pt-BR')).to.equal('pt-BR');
    expect(chooseLanguage(null, 'pt-br')).to.equal('pt-BR');
    expect(chooseLanguage(null, 'pt')).to.equal('pt-PT');
    expect(chooseLanguage(null, 'pt-AO')).to.equal('pt-PT');
    expect(chooseLanguage(null, 'no')).to.equal('nb');
    expect(chooseLanguage(null, 'no-NO')).to.equal('nb');
    expect(chooseLanguage(null, 'nb-NO')).to.equal('nb');
    expect(chooseLanguage(null, 'nn-NO')).to.equal('nn');
    expect(chooseLanguage(null, 'ca-ES-valencia')).to.equal('ca');
    expect(chooseLanguage(null, 'sr-Latn')).to.equal('en');
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
    const { manager } = await ready('ja');
    expect(text(shadow(manager, '.banner h2'))).to.equal('Your privacy on this site');
  });

  it('<html lang="fr-BE"> gives French', async () => {
    document.documentElement.lang = 'fr-BE';
    const french = await ready();
    expect(text(shadow(french.manager, '.banner h2'))).to.equal('Votre vie privée sur ce site');
    expect((french.manager as ConsentManager).language).to.equal('fr');
  });

  it('languages="ga en": the dialog’s switch names each language in itself, keeps focus and shows every text in the language chosen', async () => {
    const { root, manager } = await page(html`<div>
      <consent-manager vendors="rte-player youtube" lang="ga" languages="ga en"></consent-manager>
      <consent-gate vendor="rte-player"><template><iframe src="https://www.rte.ie/x" width="640" height="360"></iframe></template></consent-gate>
    </div>`);
    await waitUntil(() => manager.ready && manager.language === 'ga', 'Irish texts', { timeout: 5000 });
    await manager.openPreferences();
    await waitUntil(() => shadow(manager, 'dialog select'), 'the switch', { timeout: 5000 });
    const select = shadow<HTMLSelectElement>(manager, 'dialog select')!;
    await waitUntil(() => select.options[1]?.text === 'English' && select.options[0]?.text === 'Gaeilge', 'the languages’ names', { timeout: 5000 });
    expect(Array.from(select.options, (option) => [option.value, option.lang])).to.deep.equal([['ga', 'ga'], ['en', 'en']]);
    expect(select.value).to.equal('ga');
    expect(text(select.closest('label'))).to.match(/^Teanga /);
    await expect(shadow(manager, 'dialog')).to.be.accessible();
    select.focus();
    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => manager.language === 'en', 'English texts', { timeout: 5000 });
    await manager.updateComplete;
    expect(text(shadow(manager, 'dialog h2'))).to.equal('Manage Preferences');
    expect(shadow(manager, 'dialog select'), 'the same switch').to.equal(select);
    expect(manager.shadowRoot!.activeElement, 'focus stays on the switch').to.equal(select);
    expect(text(select.closest('label'))).to.match(/^Language /);
    const gate = root.querySelector('consent-gate')!;
    await gate.updateComplete;
    expect(text(shadow(gate, '.placeholder'))).to.contain('We need your consent');
    manager.closePreferences();
  });

  it('with one language, or none, the dialog has no language switch', async () => {
    for (const languages of ['ga', '']) {
      const { manager } = await page(html`<consent-manager vendors="youtube" languages=${languages}></consent-manager>`);
      await waitUntil(() => manager.ready, 'ready', { timeout: 5000 });
      await manager.openPreferences();
      expect(shadow(manager, 'dialog select'), languages).to.equal(null);
      manager.closePreferences();
      fixtureCleanup();
      clearCookies();
    }
  });
});
