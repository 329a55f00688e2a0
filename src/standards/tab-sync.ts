/**
 * The channel that tells the site's other open tabs that the choice changed (`postMessage(1)`),
 * and calls `onChange` when another tab says so; `close()` stops it. Every browser the widget runs
 * in has BroadcastChannel (it needs `Object.hasOwn` and `attachInternals`, which came later).
 */
export function syncTabs(onChange: () => void): BroadcastChannel {
  const channel = new BroadcastChannel('consent-gate');
  channel.onmessage = onChange;
  return channel;
}
