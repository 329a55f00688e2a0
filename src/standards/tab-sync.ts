const CHANNEL = 'consent-gate';

/**
 * Tells the site's other open tabs that the choice changed, and calls `onChange` when another tab
 * says so. BroadcastChannel where there is one, else the `storage` event of localStorage (written
 * only after the reader has chosen). Returns a function that stops listening.
 */
export function syncTabs(onChange: () => void): { announce(): void; stop(): void } {
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = onChange;
    return { announce: () => channel.postMessage(1), stop: () => channel.close() };
  }
  const listener = (event: StorageEvent) => event.key === CHANNEL && onChange();
  addEventListener('storage', listener);
  return {
    announce: () => {
      try {
        localStorage.setItem(CHANNEL, String(Date.now()));
      } catch {
        // No storage: other tabs follow on their next page view.
      }
    },
    stop: () => removeEventListener('storage', listener),
  };
}
