/** Tells the publisher what is wrong with the page's configuration; never throws. */
export const report = (message: string, cause?: unknown): void =>
  cause === undefined ? console.error(`consent-gate: ${message}`) : console.error(`consent-gate: ${message}`, cause);
