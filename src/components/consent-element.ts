import { render } from 'lit/html.js';
import { report } from '../core/report.js';
import { adoptStyles } from '../styles/css.js';

/**
 * The base of the widget's elements: lit-html templates rendered into an open shadow root, once
 * per microtask however many changes came in. Attributes are the source of truth: each entry of
 * `properties` (camelCase name → default) becomes an accessor of its kebab-case attribute.
 * LitElement's ReactiveElement would cost 2.6 KB gzip of a 12 KB budget for what these lines do.
 */
export abstract class ConsentElement extends HTMLElement {
  static styles: string[] = [];
  static properties: Record<string, string> = {};

  static get observedAttributes(): string[] {
    return Object.entries(this.properties).map(([property, fallback]) => {
      const attribute = property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
      Object.defineProperty(this.prototype, property, {
        get(this: Element) {
          return this.getAttribute(attribute) ?? fallback;
        },
        set(this: Element, value: unknown) {
          this.setAttribute(attribute, String(value));
        },
      });
      return attribute;
    });
  }

  readonly renderRoot: ShadowRoot;
  /** True once the first render has happened. */
  hasUpdated = false;
  private pending?: Promise<boolean>;
  private changed = new Set<string>();

  constructor() {
    super();
    this.renderRoot = this.attachShadow({ mode: 'open' });
    adoptStyles(this.renderRoot, (this.constructor as typeof ConsentElement).styles);
  }

  connectedCallback(): void {
    // A property set before the element was defined hides the accessor: move it to the attribute.
    for (const property of Object.keys((this.constructor as typeof ConsentElement).properties)) {
      if (Object.hasOwn(this, property)) {
        const value = (this as Record<string, unknown>)[property];
        delete (this as Record<string, unknown>)[property];
        (this as Record<string, unknown>)[property] = value;
      }
    }
    this.requestUpdate();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before !== after) this.requestUpdate(name);
  }

  /** Schedules one render; `attribute` is passed to `willUpdate` as changed. */
  requestUpdate(attribute?: string): void {
    if (attribute) this.changed.add(attribute);
    if (this.pending) return;
    let done!: (value: boolean) => void;
    this.pending = new Promise((resolve) => (done = resolve));
    this.schedule(() => {
      this.pending = undefined;
      const changed = this.changed;
      this.changed = new Set();
      try {
        this.willUpdate(changed);
        render(this.render(), this.renderTarget, { host: this });
        this.hasUpdated = true;
        this.updated();
      } catch (cause) {
        report(`<${this.localName}> could not render`, cause);
      }
      done(true);
    });
  }

  /** Where the template renders: the shadow root, or an element of it. */
  protected get renderTarget(): ShadowRoot | HTMLElement {
    return this.renderRoot;
  }

  /** When a requested render runs: in a microtask, once per however many changes came in. */
  protected schedule(update: () => void): void {
    queueMicrotask(update);
  }

  /** Resolves once no render is scheduled (renders may schedule another). */
  get updateComplete(): Promise<boolean> {
    return (async () => {
      while (this.pending) await this.pending;
      return true;
    })();
  }

  protected willUpdate(_changed: ReadonlySet<string>): void {}

  protected updated(): void {}

  protected abstract render(): unknown;
}
