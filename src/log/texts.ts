import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { en, type Translation } from '../translations/en.js';
import type { ConsentLog } from './consent-log.js';
import { shownTexts } from '../core/shown-texts.js';

export { shownTexts };

/** The built language files next to this module (dist/lang/), as publishers serve them. */
export const packageLanguageDir = fileURLToPath(new URL(/* @vite-ignore */ './lang/', import.meta.url));

/**
 * The widget's own texts: English and every language file in `languageDir`
 * (`xx.js`, `pt-BR.js`, an ES module whose default export is the texts), as the JSON the widget hashes.
 */
export async function widgetTexts(languageDir = packageLanguageDir): Promise<{ language: string; texts: string }[]> {
  const all = [{ language: 'en', texts: shownTexts(en) }];
  const files = (await readdir(languageDir).catch(() => [] as string[])).filter((file) => /^[a-z]{2,3}(-[A-Z]{2})?\.js$/.test(file)).sort();
  for (const file of files) {
    const module = (await import(pathToFileURL(`${languageDir}/${file}`).href)) as { default?: Translation };
    if (module.default) all.push({ language: file.slice(0, -3), texts: shownTexts(module.default) });
  }
  return all;
}

/** Registers the widget's own texts (see widgetTexts) with the log; returns the hashes per language. */
export async function registerWidgetTexts(log: ConsentLog, languageDir?: string): Promise<{ language: string; hash: string }[]> {
  const registered = [];
  for (const { language, texts } of await widgetTexts(languageDir)) registered.push({ language, hash: await log.registerTexts(language, texts) });
  return registered;
}
