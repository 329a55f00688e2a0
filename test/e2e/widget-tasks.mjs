// The page's script time within each main-thread task, read from a Chromium trace in thread (CPU)
// time: what the reader feels as a frame held up, measured so that a busy machine, which
// preempts the thread, does not lengthen it. On a page whose only script is the widget (embeds
// blocked, third parties not loaded), it is the widget's work.
//
// V8's own events mark every entry into script: constructors (custom elements), callbacks,
// microtasks, script runs. DevTools' timeline category is left out: it adds a probe that records
// the caller to every such entry, which on a page of a thousand elements doubled the time it
// measured (each entry measures the same with and without it: a 30 ms loop in a script, a timer,
// a microtask, a constructor, a connected callback, a mutation observer, an event listener).
const CATEGORIES = ['toplevel', 'v8', 'v8.execute'];
const SCRIPT = new Set(['v8.callFunction', 'v8.callAsConstructor', 'v8.newInstance', 'RunMicrotasks', 'v8.run']);

/** Starts tracing the page; `stop()` gives the most script thread time (ms) in one task. */
export async function traceScriptPerTask(browser, page) {
  await browser.startTracing(page, { categories: CATEGORIES });
  return {
    async stop() {
      const trace = JSON.parse((await browser.stopTracing()).toString());
      return longestScriptTask(trace.traceEvents ?? trace);
    },
  };
}

/**
 * The page's main thread is the renderer main thread that ran the most script. Script time of a
 * task: the thread time of its outermost script events (a forced layout inside one counts: the
 * script asked for it). Events of a thread come in time order.
 */
export function longestScriptTask(events) {
  const mains = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  const scriptTime = new Map();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (SCRIPT.has(event.name) && mains.has(thread)) scriptTime.set(thread, (scriptTime.get(thread) ?? 0) + (event.tdur ?? event.dur ?? 0));
  }
  const main = [...scriptTime].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error('no script on a renderer main thread in the trace');
  const thread = events.filter((event) => `${event.pid}:${event.tid}` === main && event.ph === 'X').sort((a, b) => a.ts - b.ts);
  let longest = 0;
  let task;
  let script = 0;
  let outerEnd = -1;
  for (const event of thread) {
    if (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') {
      if (!task || event.ts >= task.ts + task.dur) {
        task = event;
        script = 0;
      }
    } else if (SCRIPT.has(event.name) && task && event.ts >= outerEnd) {
      outerEnd = event.ts + event.dur;
      script += (event.tdur ?? event.dur) / 1000;
      longest = Math.max(longest, script);
    }
  }
  return longest;
}
