import { report } from '../core/report.js';
import type { Translation } from './en.js';

type Sentence = (...values: never[]) => string;

/** `{vendor}` and `{partners}` stand for a sentence's first value, `{count}` for its second. */
const sentence = (text: string): Sentence =>
  ((first: string, count?: number) => text.replace(/\{(vendor|partners)\}/g, first).replace(/\{count\}/g, String(count))) as Sentence;

/**
 * The texts with the publisher's `<consent-text key="…" lang="…">` children of the manager put in:
 * one without `lang` applies in every language, one with `lang` in that language only (and wins).
 * Keys are those of the English texts (`bannerTitle`, `purposeNames.analytics`, …); the text is
 * taken as text, never as HTML.
 */
export function withOverrides(texts: Translation, language: string, manager: Element): Translation {
  const result = { ...texts, purposeNames: { ...texts.purposeNames }, purposeDescriptions: { ...texts.purposeDescriptions } };
  const elements = Array.from(manager.querySelectorAll(':scope > consent-text'));
  const matching = [
    ...elements.filter((element) => !element.hasAttribute('lang')),
    ...elements.filter((element) => element.getAttribute('lang')?.toLowerCase().split(/[-_]/)[0] === language),
  ];
  for (const element of matching) {
    const key = element.getAttribute('key') ?? '';
    const text = (element.textContent ?? '').trim();
    const [group, name] = key.split('.') as [keyof Translation, string | undefined];
    const target = (name ? result[group] : result) as Record<string, unknown> | undefined;
    const current = target && typeof target === 'object' ? target[name ?? group] : undefined;
    if (typeof current === 'string') target![name ?? group] = text;
    else if (typeof current === 'function') target![name ?? group] = sentence(text);
    else report(`<consent-text key="${key}">: there is no such text`);
  }
  return result;
}
