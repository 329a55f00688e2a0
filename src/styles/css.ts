/** Marks a stylesheet's text; the build minifies `css` literals. */
export const css = (strings: TemplateStringsArray): string => strings[0]!;

const sheets = new Map<string, CSSStyleSheet>();

/**
 * Gives a shadow root its styles: one constructed sheet per text, shared by every element (no
 * `<style>` elements, so a strict CSP needs no `unsafe-inline` for styles).
 */
export function adoptStyles(root: ShadowRoot, styles: string[]): void {
  const adopted: CSSStyleSheet[] = [];
  // A loop, not Array.prototype.map: it runs in the elements' constructors, which a page that
  // broke map must not make throw.
  for (const text of styles) {
    let sheet = sheets.get(text);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      sheets.set(text, sheet);
    }
    adopted.push(sheet);
  }
  root.adoptedStyleSheets = adopted;
}
