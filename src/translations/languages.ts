import { report } from '../core/report.js';
import { en, type Plural, type Translation } from './en.js';

/**
 * The languages the widget speaks, two letters each: English is built in, each other one is a file
 * of its own (`src/translations/<code>.ts`, built to `dist/lang/<code>.js`; a test keeps the two in
 * step). Portuguese has two, `pt-PT` and `pt-BR`.
 */
const CODES = 'enarbgcacscydadeeleseteufafifrgaglhehrhuisitltlvmtnbnlnnplptroskslsvtruk';

/** Every language's code, Portuguese's two variants included (for tests and tools). */
export const allLanguages = (): string[] => CODES.match(/../g)!.flatMap((code) => (code === 'pt' ? ['pt-PT', 'pt-BR'] : [code]));

/** Right to left for a language whose texts say so (they are loaded before anything is shown in it). */
export const direction = (language: string): 'rtl' | 'ltr' => (loaded[language]?.rtl ? 'rtl' : 'ltr');

/**
 * The language of a tag (docs/languages.md): the exact tag (`pt-BR`), else its language's main
 * variant (`fr-BE` → `fr`, `pt` and `pt-AO` → `pt-PT`, `no` → `nb`), else undefined.
 */
export function supported(tag: string | null | undefined): string | undefined {
  const [language, region] = tag?.trim().toLowerCase().split(/[-_]/) ?? [];
  const primary = language === 'no' ? 'nb' : language;
  if (primary === 'pt') return region === 'br' ? 'pt-BR' : 'pt-PT';
  return CODES.match(/../g)!.find((code) => code === primary);
}

/** The manager's `lang` when it has one, else the page's `<html lang>`; English when unsupported. */
export function chooseLanguage(lang: string | null, pageLang: string | null): string {
  return (lang ? supported(lang) : supported(pageLang)) ?? 'en';
}

/** The form of a sentence for `count`, by the language's plural rules (`Intl.PluralRules`). */
export const plural = (forms: Plural, language: string, count: number): string =>
  forms[new Intl.PluralRules(language).select(count)] ?? forms.other;

let languageUrl = (code: string): string => new URL(`lang/${code}.js`, document.baseURI).href;

/** Where the language files are: next to the script (set by the entry points, and by tests). */
export function setLanguageUrl(url: (code: string) => string): void {
  languageUrl = url;
}

/** The texts loaded so far, by language. */
const loaded: Record<string, Translation> = { en };

/**
 * A file of `dist/lang/` (a language's texts, or the language switch); undefined when it cannot be
 * loaded. The browser fetches a module once; one that failed is fetched again when asked for again.
 */
export const languageFile = (name: string): Promise<any> =>
  import(/* @vite-ignore */ languageUrl(name)).catch((cause: unknown) => report(`lang/${name}.js could not be loaded`, cause));

/** The texts of a language; English when its file cannot be loaded. */
export const loadTexts = async (code: string): Promise<Translation> =>
  loaded[code] ?? (loaded[code] = ((await languageFile(code)) as { default: Translation } | undefined)?.default ?? en);

/**
 * The dialog's language switch (`dist/lang/switch.js`): given the manager and the way to load a
 * language's texts, the switch as it should show now.
 */
export type LanguageSwitch = (manager: SwitchHost, load: typeof loadTexts) => Node;

/** What the switch reads from the manager, and its `lang`, which the reader's choice sets. */
export interface SwitchHost {
  languages: string;
  lang: string;
  language: string;
  texts: Translation;
}
