import type { Vendor } from '../core/vendor.js';
import type { Translation } from '../translations/en.js';
import type { ConsentStore } from './consent-store.js';

/** What a gate needs from the page's consent manager, besides its store. */
export interface ConsentAuthority {
  readonly ready: boolean;
  readonly texts: Translation;
  /** `light`, `dark` or `auto`: gates follow the manager's theme. */
  readonly theme: string;
  /** The language of the texts (`lang` and `dir` of every placeholder follow it). */
  readonly language: string;
  vendor(id: string): Vendor | undefined;
  hasConsent(vendorId: string): boolean;
  openPreferences(vendorId?: string): void;
}

export interface GateSubscriber {
  readonly vendor: string;
  readonly isConnected: boolean;
  getBoundingClientRect(): DOMRect;
  /** Loads or re-blocks after a change; `withdrawn` ids re-block even content loaded once. */
  sync(withdrawn?: ReadonlySet<string>): void;
}

interface Registry {
  authority?: ConsentAuthority;
  store?: ConsentStore;
  gates: Set<GateSubscriber>;
  /** Set once auto-blocking runs: blocks these vendor ids too; `late` when it was to run inline. */
  autoBlock?: (vendorIds: string, late?: boolean) => void;
}

/**
 * The page's one consent authority, its store and the gates that follow it: one for the page,
 * shared by the widget's script and the auto-blocking script, which are bundled apart. Reached
 * only through the functions below.
 */
const registry: Registry = ((window as unknown as Record<symbol, Registry>)[Symbol.for('consent-gate')] ??= { gates: new Set() });

/** The page's consent manager, once one is connected: placeholders take its texts, theme and language. */
export const consentAuthority = (): ConsentAuthority | undefined => registry.authority;

/** The reader's choice and its commands, once a manager is connected. */
export const consentStore = (): ConsentStore | undefined => registry.store;

/** Resolves with the store once it has read the choice (at once if it has). */
export function whenStore(): Promise<ConsentStore> {
  return new Promise((resolve) => {
    const ready = () => registry.store?.started && (resolve(registry.store), true);
    // Told by the manager once the choice is read (the event bubbles to the document).
    const listen = () => ready() || document.addEventListener('consent-ready', listen, { once: true });
    listen();
  });
}

/** Makes a manager and its store the page's authority; none when it leaves. */
export function setAuthority(authority?: ConsentAuthority, store?: ConsentStore): void {
  registry.authority = authority;
  registry.store = store;
}

/** The gates that follow the choice: a gate registers itself here while it is in the page. */
export const registeredGates: Set<GateSubscriber> = registry.gates;

/** Auto-blocking's entry, once its script runs (set by it; the widget's script calls it). */
export function autoBlocking(start?: Registry['autoBlock']): Registry['autoBlock'] {
  if (start) registry.autoBlock = start;
  return registry.autoBlock;
}

/** For tests: no authority, no store, no gate, as on a page before the widget ran. */
export function resetRegistry(): void {
  registry.authority = registry.store = registry.autoBlock = undefined;
  registry.gates.clear();
}
