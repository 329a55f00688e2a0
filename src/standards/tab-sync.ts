const CHANNEL = 'consent-gate';

/**
 * Tells the site's other open tabs that the choice changed, and calls `onChange` when another tab
 * says so. Every browser the widget runs in has BroadcastChannel (it needs `Object.hasOwn` and
 * `attachInternals`, which came later). Returns a function that stops listening.
 */
export function syncTabs(onChange: () => void): { announce(): void; stop(): void } {
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = onChange;
  return { announce: () => channel.postMessage(1), stop: () => channel.close() };
}
