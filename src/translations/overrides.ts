import { report } from '../core/report.js';
import type { Translation } from './en.js';
import { supported } from './languages.js';

type Sentence = (...values: never[]) => string;
type Texts = Record<string, unknown>;

/** `{vendor}` and `{partners}` stand for a sentence's first value, `{count}` for its second. */
export const fill = (text: string, first: string, count?: number): string =>
  text.replace(/\{(vendor|partners)\}/g, () => first).replace(/\{count\}/g, () => String(count));

const sentence = (text: string): Sentence => ((first: string, count?: number) => fill(text, first, count)) as Sentence;

/**
 * The texts with the publisher's `<consent-text key="…" lang="…">` children of the manager put in:
 * one without `lang` applies in every language, one with `lang` in that language only (and wins).
 * Keys are those of the English texts (`bannerTitle`, `purposeNames.analytics`, …); the text is
 * taken as text, never as HTML. A sentence with a count has a text per plural form of the language
 * (`bannerNewVendors.few`; docs/languages.md).
 */
export function withOverrides(texts: Translation, language: string, manager: Element): Translation {
  const result: Texts = Object.fromEntries(
    Object.entries(texts).map(([key, value]) => [key, value && typeof value === 'object' ? { ...value } : value]),
  );
  const elements = Array.from(manager.querySelectorAll(':scope > consent-text'));
  // Every language's first, then the shown language's (which win).
  const matching = [
    ...elements.filter((element) => !element.hasAttribute('lang')),
    ...elements.filter((element) => supported(element.getAttribute('lang')) === language),
  ];
  for (const element of matching) {
    const key = element.getAttribute('key') ?? '';
    const text = (element.textContent ?? '').trim();
    const [group, name] = key.split('.') as [keyof Translation, string | undefined];
    // Keys come from markup: only the language's own keys are looked up (English's, and the plural
    // forms the language has), so that `__proto__.toString` and the like never reach a prototype.
    const known = Object.hasOwn(texts, group) && (!name || Object.hasOwn(texts[group] as object, name));
    const target = (name ? result[group] : result) as Texts | undefined;
    const current = known && target && typeof target === 'object' ? target[name ?? group] : undefined;
    if (typeof current === 'string') target![name ?? group] = text;
    else if (typeof current === 'function') target![name ?? group] = sentence(text);
    else report(`<consent-text key="${key}">: there is no such text`);
  }
  return result as Translation;
}
