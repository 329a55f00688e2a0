import { render } from 'lit/html.js';
import { report } from '../core/report.js';

/**
 * An element's attributes, the one table that its accessors, its types and the custom elements
 * manifest come from: kebab-case attribute name → default. A `false` default makes a boolean
 * attribute (on when present); `null`, a string attribute whose absence means off.
 */
export type AttributeTable = Readonly<Record<string, string | boolean | null>>;

type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** The properties an attribute table gives its element: camelCase, typed by the default. */
export type AttributeProperties<T extends AttributeTable> = {
  -readonly [K in keyof T & string as Camel<K>]: T[K] extends boolean ? boolean : T[K] extends null ? string | null : string;
};

const camel = (attribute: string) => attribute.replace(/-(.)/g, (_, letter: string) => letter.toUpperCase());

/** Gives the element's prototype an accessor per attribute of `table`; returns the names to observe. */
export function attributeAccessors(element: { prototype: object }, table: AttributeTable): string[] {
  const names: string[] = [];
  // A loop, not Array methods: a page that broke Array.prototype.map must not stop the definition.
  for (const attribute in table) {
    const fallback = table[attribute];
    names.push(attribute);
    Object.defineProperty(element.prototype, camel(attribute), {
      get(this: Element) {
        return fallback === false ? this.hasAttribute(attribute) : (this.getAttribute(attribute) ?? fallback);
      },
      set(this: Element, value: unknown) {
        if (value === false || value == null) this.removeAttribute(attribute);
        else this.setAttribute(attribute, value === true ? '' : String(value));
      },
    });
  }
  return names;
}

/**
 * Lit's ReactiveController protocol: one part of an element's behaviour, in a file of its own,
 * told when its host connects, disconnects and renders.
 */
export interface ReactiveController {
  hostConnected?(): void;
  hostDisconnected?(): void;
  /** Before each render. */
  hostUpdate?(): void;
  /** After each render. */
  hostUpdated?(): void;
}

type Hook = keyof ReactiveController;

/**
 * The base of the widget's elements: lit-html templates rendered into an open shadow root, once
 * per microtask however many changes came in. Attributes are the source of truth: each entry of
 * `attributes` becomes an accessor (camelCase) and is observed (the gate watches its own instead).
 * Connection is each element's own: the parser calls the gate's for every gate.
 * LitElement's ReactiveElement would cost 2.6 KB gzip for what these lines do.
 */
export abstract class ConsentElement extends HTMLElement {
  static attributes: AttributeTable = {};

  static get observedAttributes(): string[] {
    return attributeAccessors(this, this.attributes);
  }

  readonly renderRoot: ShadowRoot;
  /** True once the first render has happened. */
  hasUpdated = false;
  private pending?: Promise<boolean>;
  private changed = new Set<string>();
  private controllers: ReactiveController[] = [];

  constructor() {
    super();
    // Created by the parser or by createElement(), the element is new: a shadow root now keeps a
    // <template shadowrootmode> written inside it from attaching. Upgraded (in the page before the
    // widget was defined: the module build), it may have one already, and properties set on it.
    // (Nothing more is asked of a new one: the parser creates a thousand gates in one task.)
    let declared: ShadowRoot | null = null;
    if (this.parentNode) {
      // A declarative one: attachShadow() empties it when the mode is the same, and throws when
      // it is not, so the mode is taken from it.
      declared = this.attachInternals().shadowRoot;
      if (declared) report(`<${this.localName}>: <template shadowrootmode> removed`);
      // A property set before the element was defined hides the accessor: moved to the attribute.
      for (const attribute in (this.constructor as typeof ConsentElement).attributes) {
        const property = camel(attribute);
        if (Object.hasOwn(this, property)) {
          const value = (this as Record<string, unknown>)[property];
          delete (this as Record<string, unknown>)[property];
          (this as Record<string, unknown>)[property] = value;
        }
      }
    }
    // Each element adopts its styles in its own constructor (adoptStyles).
    this.renderRoot = this.attachShadow({ mode: declared ? declared.mode : 'open' });
  }

  /**
   * Adds a controller (in the element's constructor, as the widget's do): it is told of every
   * connection, disconnection and render from then on.
   */
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }

  /** Tells every controller of a connection, disconnection or render (the host calls it). */
  protected tell(hook: Hook): void {
    for (const controller of this.controllers) controller[hook]?.();
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
        this.tell('hostUpdate');
        this.willUpdate(changed);
        render(this.render(), this.renderTarget, { host: this });
        this.hasUpdated = true;
        this.updated();
        this.tell('hostUpdated');
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
