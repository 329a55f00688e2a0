import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/index.js';
import { setLanguageUrl } from '../src/translations/languages.js';

// In the built package the language files are dist/lang/<code>.js next to the script; here, the sources.
setLanguageUrl((code) => new URL(`../src/translations/${code}.ts`, import.meta.url).href);
import type { ConsentManager } from '../src/components/consent-manager/consent-manager.js';
import type { ConsentGate } from '../src/components/consent-gate/consent-gate.js';

/** Removes every cookie of the test page (tests may touch cookies directly; the widget may not). */
export function clearCookies(): void {
  for (const pair of document.cookie.split('; ').filter(Boolean)) {
    const name = pair.split('=')[0];
    document.cookie = `${name}=; max-age=0; path=/`;
  }
}

/** console.error as the page had it; a capture left open by a failing test is undone after it. */
const originalConsoleError = console.error;
afterEach(() => {
  console.error = originalConsoleError;
});

/** Collects console.error calls instead of printing them; `restore()` (or the end of the test) puts console.error back. */
export function captureErrors() {
  const messages: string[] = [];
  console.error = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.error = originalConsoleError) };
}

/** Renders a page fragment holding a manager and waits until the manager is ready. */
export async function page(template: TemplateResult): Promise<{ root: HTMLElement; manager: ConsentManager }> {
  const root = await fixture<HTMLElement>(template);
  // While its banner shows, the manager sits at the start of <body> (keyboard first), not in `root`.
  const manager = (root.matches('consent-manager') ? root : (root.querySelector('consent-manager') ?? document.querySelector('consent-manager'))) as ConsentManager;
  await manager.updateComplete;
  // Gates render first a frame or a slice later (consent-gate.ts, schedule()).
  await Promise.all(Array.from(root.querySelectorAll<ConsentGate>('consent-gate'), (gate) => gate.updateComplete));
  return { root, manager };
}

/** Elements inside a component's shadow root. */
export const shadow = <T extends Element = HTMLElement>(host: Element, selector: string): T | null =>
  host.shadowRoot!.querySelector<T>(selector);

export const shadowAll = <T extends Element = HTMLElement>(host: Element, selector: string): T[] =>
  Array.from(host.shadowRoot!.querySelectorAll<T>(selector));

/** The button of a shadow root whose visible text is `label`. */
export function button(host: Element, label: string): HTMLButtonElement {
  const found = shadowAll<HTMLButtonElement>(host, 'button').find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
