import { registeredGates, type GateSubscriber } from '../../consent/registry.js';
import type { ConsentElement, ReactiveController } from '../consent-element.js';

/**
 * A gate's subscription to the page's choice (the registry, src/consent/registry.ts): the gate is
 * among those the manager brings in line with each change from when it begins to follow until it
 * leaves the page. (It reads the manager and the store through the registry's functions.)
 */
export class ConsentConsumer implements ReactiveController {
  constructor(private readonly consumerHost: ConsentElement & GateSubscriber) {
    consumerHost.addController(this);
  }

  /** @internal The gate follows the choice from now on; false when it already did. */
  follow(): boolean {
    const gates = registeredGates;
    return !gates.has(this.consumerHost) && !!gates.add(this.consumerHost);
  }

  hostDisconnected(): void {
    registeredGates.delete(this.consumerHost);
  }
}
