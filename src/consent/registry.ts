import type { Vendor } from '../core/vendor.js';
import type { ConsentStore } from './consent-store.js';
import type { Translation } from '../translations/en.js';

/** What a gate needs from the page's consent manager. */
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

interface ConsentContext {
  authority?: ConsentAuthority;
  /** The authority's choice and its commands. */
  store?: ConsentStore;
  gates: Set<GateSubscriber>;
  /** The manager the script tag created: it has no children to wait for. */
  created?: Element;
  /** Set once auto-blocking runs: blocks these vendor ids too; `late` when it was to run inline. */
  autoBlock?: (vendorIds: string, late?: boolean) => void;
}

/**
 * The page's one consent authority and the gates that follow it: one for the page, shared by
 * the widget's script and the auto-blocking script, which are bundled apart.
 */
export const consentContext: ConsentContext = ((window as unknown as Record<symbol, ConsentContext>)[Symbol.for('consent-gate')] ??= {
  gates: new Set(),
});
