/**
 * Which `<script>` elements a browser runs, as the HTML standard decides it ("prepare the script
 * element": the type string, else the `language` attribute).
 * https://html.spec.whatwg.org/multipage/scripting.html#prepare-the-script-element
 */

/** The JavaScript MIME type essence strings (https://mimesniff.spec.whatwg.org/#javascript-mime-type). */
const JAVASCRIPT_TYPES = new Set([
  'application/ecmascript',
  'application/javascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
]);

/** What a script element is to the browser; undefined for a data block it never runs. */
export type ScriptKind = 'classic' | 'module' | 'importmap' | 'speculationrules';

const isAsciiSpace = (char: string | undefined) => char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '\r';

/** Strips ASCII whitespace at both ends (a loop: `/\s+$/` backtracks over long runs of spaces). */
function stripSpace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isAsciiSpace(value[start])) start++;
  while (end > start && isAsciiSpace(value[end - 1])) end--;
  return value.slice(start, end);
}

export function scriptKind(type: string | undefined, language: string | undefined): ScriptKind | undefined {
  let value: string;
  if (type === undefined) {
    if (!language) return 'classic';
    value = `text/${language}`;
  } else {
    value = stripSpace(type);
    if (!value) return 'classic';
  }
  value = value.toLowerCase();
  if (value === 'module' || value === 'importmap' || value === 'speculationrules') return value;
  // A parameter (`; charset=utf-8`) does not make a browser skip the script: read the essence only,
  // so that a doubt counts as code.
  const essence = stripSpace(value.split(';', 1)[0]!);
  if (JAVASCRIPT_TYPES.has(essence)) return 'classic';
  // Chromium also accepts these legacy language names (javascript1.6, 1.7).
  if (type === undefined && /^javascript1\.[67]$/.test(language!.toLowerCase())) return 'classic';
  return undefined;
}
