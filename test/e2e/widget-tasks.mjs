// The page's script time within each main-thread task, read from a Chromium trace in thread (CPU)
// time: what the reader feels as a frame held up, measured so that a busy machine, which
// preempts the thread, does not lengthen it. On a page whose only script is the widget (embeds
// blocked, third parties not loaded), it is the widget's work.

const CATEGORIES = ['toplevel', 'v8', 'v8.execute', 'devtools.timeline'];
/** Where the engine enters script: functions, constructors (custom elements), microtasks, script blocks. */
const SCRIPT = new Set(['v8.callFunction', 'v8.callAsConstructor', 'v8.newInstance', 'RunMicrotasks', 'FunctionCall', 'EvaluateScript', 'v8.run']);

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
 * The renderer's main thread is the one that parsed the page. Script time of a task: the thread
 * time of its outermost script events (a forced layout inside one counts: the script asked for
 * it). Events of a thread come in time order.
 */
export function longestScriptTask(events) {
  const parse = events.find((event) => event.name === 'ParseHTML');
  if (!parse) throw new Error('no ParseHTML in the trace');
  const thread = events.filter((event) => event.pid === parse.pid && event.tid === parse.tid && event.ph === 'X').sort((a, b) => a.ts - b.ts);
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
