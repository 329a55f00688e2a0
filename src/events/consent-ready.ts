import type { ConsentSnapshot } from '../core/consent-state.js';

/** The stored choice (or none) is known. Dispatched on the manager; it bubbles and is composed, so listeners on `document` hear it. */
export class ConsentReadyEvent extends CustomEvent<ConsentSnapshot> {
  constructor(detail: ConsentSnapshot) {
    super('consent-ready', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-ready': ConsentReadyEvent;
  }
}
