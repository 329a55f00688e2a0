import { report } from '../core/report.js';
import { en, type Translation } from './en.js';

/** The languages the widget speaks; English is built in, the others are files of their own. */
export const LANGUAGES = ['en', 'ga', 'fr', 'de', 'es', 'ar'] as const;
const RIGHT_TO_LEFT = ['ar'];

export const direction = (language: string): 'rtl' | 'ltr' => (RIGHT_TO_LEFT.includes(language) ? 'rtl' : 'ltr');

/** The supported language of a tag (`fr-BE` → `fr`), or undefined. */
function supported(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && (LANGUAGES as readonly string[]).includes(primary) ? primary : undefined;
}

/** The manager's `lang` when it has one, else the page's `<html lang>`; English when unsupported. */
export function chooseLanguage(lang: string | null, pageLang: string | null): string {
  return (lang ? supported(lang) : supported(pageLang)) ?? 'en';
}

let languageUrl = (code: string): string => new URL(`lang/${code}.js`, document.baseURI).href;

/** Where the language files are: next to the script (set by the entry points, and by tests). */
export function setLanguageUrl(url: (code: string) => string): void {
  languageUrl = url;
}

const loading = new Map<string, Promise<Translation>>();

/** The texts of a language, loaded once; English when the file cannot be loaded. */
export function loadTexts(code: string): Promise<Translation> {
  if (code === 'en') return Promise.resolve(en);
  let texts = loading.get(code);
  if (!texts) {
    texts = import(/* @vite-ignore */ languageUrl(code)).then(
      (module: { default: Translation }) => module.default,
      (cause: unknown) => {
        report(`the "${code}" texts could not be loaded; using English`, cause);
        return en;
      },
    );
    loading.set(code, texts);
  }
  return texts;
}
