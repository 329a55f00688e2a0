import type { ConsentSnapshot } from '../core/consent-state.js';

export interface ConsentChangeDetail {
  consent: ConsentSnapshot;
  granted: string[];
  withdrawn: string[];
}

/** The reader or the API changed the choice. Dispatched on the manager; it bubbles and is composed, so listeners on `document` hear it. */
export class ConsentChangeEvent extends CustomEvent<ConsentChangeDetail> {
  constructor(detail: ConsentChangeDetail) {
    super('consent-change', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'consent-change': ConsentChangeEvent;
  }
}
