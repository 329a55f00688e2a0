import { report } from '../core/report.js';

/** Registers an element once (a script loaded twice must not throw), and never throws into the page. */
export function define(tag: string, element: CustomElementConstructor): void {
  try {
    if (!customElements.get(tag)) customElements.define(tag, element);
  } catch (cause) {
    // Undefined elements stay inert: their content stays blocked.
    report(`<${tag}> could not be defined; its content stays blocked`, cause);
  }
}
