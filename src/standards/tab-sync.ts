import type { ConsentStore } from '../consent/consent-store.js';

/**
 * The channel that tells the site's other open tabs that the choice changed, and reads the choice
 * again when another tab says so; `close()` stops it. Every browser the widget runs in has
 * BroadcastChannel (it needs `Object.hasOwn` and `attachInternals`, which came later).
 */
export function syncTabs(store: ConsentStore): BroadcastChannel {
  const channel = new BroadcastChannel('consent-gate');
  channel.onmessage = () => store.readChoice(store.settings, 'tab');
  store.follow(({ method }) => method && method !== 'tab' && channel.postMessage(1));
  return channel;
}
