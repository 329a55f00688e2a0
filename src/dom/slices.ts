import { report } from '../core/report.js';

/** Runs queued work a slice of a few milliseconds at a time, the browser rendering in between. */
export function slices<T>(run: (item: T) => void, failure: string): { queue: T[]; start(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const work = {
    queue: [] as T[],
    start() {
      if (timer === undefined && work.queue.length) timer = setTimeout(step);
    },
  };
  // (Measured with npm run bench: one slice per animation frame made more long tasks, not fewer.)
  function step(): void {
    timer = undefined;
    const end = performance.now() + 6;
    while (work.queue.length && performance.now() < end) {
      try {
        run(work.queue.shift()!);
      } catch (cause) {
        report(failure, cause);
      }
    }
    work.start();
  }
  return work;
}
