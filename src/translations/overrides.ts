import { report } from '../core/report.js';
import { en, type Translation } from './en.js';

type Sentence = (...values: never[]) => string;
type Texts = Record<string, unknown>;

/** `{vendor}` and `{partners}` stand for a sentence's first value, `{count}` for its second. */
const sentence = (text: string): Sentence =>
  ((first: string, count?: number) =>
    text.replace(/\{(vendor|partners)\}/g, () => first).replace(/\{count\}/g, () => String(count))) as Sentence;

/**
 * The texts with the publisher's `<consent-text key="…" lang="…">` children of the manager put in:
 * one without `lang` applies in every language, one with `lang` in that language only (and wins).
 * Keys are those of the English texts (`bannerTitle`, `purposeNames.analytics`, …); the text is
 * taken as text, never as HTML.
 */
export function withOverrides(texts: Translation, language: string, manager: Element): Translation {
  const result: Texts = Object.fromEntries(
    Object.entries(texts).map(([key, value]) => [key, value && typeof value === 'object' ? { ...value } : value]),
  );
  const elements = Array.from(manager.querySelectorAll(':scope > consent-text'));
  const matching = [
    ...elements.filter((element) => !element.hasAttribute('lang')),
    ...elements.filter((element) => element.getAttribute('lang')?.toLowerCase().split(/[-_]/)[0] === language),
  ];
  for (const element of matching) {
    const key = element.getAttribute('key') ?? '';
    const text = (element.textContent ?? '').trim();
    const [group, name] = key.split('.') as [keyof Translation, string | undefined];
    // Keys come from markup: only the English texts' own keys are looked up, so that
    // `__proto__.toString` and the like never reach an object's prototype.
    const known = Object.hasOwn(en, group) && (!name || Object.hasOwn(en[group] as object, name));
    const target = (name ? result[group] : result) as Texts | undefined;
    const current = known && target && typeof target === 'object' ? target[name ?? group] : undefined;
    if (typeof current === 'string') target![name ?? group] = text;
    else if (typeof current === 'function') target![name ?? group] = sentence(text);
    else report(`<consent-text key="${key}">: there is no such text`);
  }
  return result as Translation;
}
