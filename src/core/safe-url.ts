/**
 * The URL when it is `http:` or `https:` (relative URLs resolve against `base`), else undefined.
 * Every link and every URL the widget activates goes through here: Lit does not block
 * `javascript:` URLs in bindings (lit/lit#1196).
 */
export function safeHttpUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
