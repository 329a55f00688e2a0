/**
 * The texts the reader was shown, as the JSON that `textsHash` fingerprints (the widget's receipts)
 * and the consent log registers: every text of the language, each sentence written out with
 * `{vendor}` for the vendor's name and 2 for the count.
 */
export const shownTexts = (texts: object): string =>
  JSON.stringify(texts, (_key, text: unknown) => (typeof text === 'function' ? (text as (name: string, count: number) => string)('{vendor}', 2) : text));
