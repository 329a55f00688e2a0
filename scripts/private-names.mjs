// The members declared `private` in src/ that the browser bundles may rename (see build.mjs). Read
// from TypeScript's syntax tree, so that comments and local variables of the same name do not stop
// a renaming, and every way a name can be a property elsewhere does.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';

/** Names web-platform objects have, reached through `this` on an element: never renamed. */
const PLATFORM_NAMES = new Set(['accept', 'load', 'loading', 'start', 'status']);
/** Bundled code that is not in src/: any word of theirs is left alone. */
const DEPENDENCIES = ['lit-html/lit-html.js', 'js-cookie/dist/js.cookie.mjs'];

/** The scripts built apart from the main one that reach its objects (the page-wide registry, the manager). */
const APART = ['entry-auto-block.ts', 'translations/switch.ts', 'standards/receipts.ts'];
/** Code run against the built files: any word of theirs is left alone. */
const BUILT_FILE_USERS = ['test/e2e', 'bench', 'demo'];

/** The modules `entries` import, themselves included (relative value imports, static and dynamic). */
function importGraph(entries) {
  const seen = new Set();
  const pending = [...entries];
  while (pending.length) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(`src/${file}`, 'utf8');
    // Type-only imports are erased: they bring no code.
    for (const [, statement, specifier] of code.matchAll(/(?:^((?:import|export)\b[^;']*)\bfrom|\bimport\()\s*'(\.[^']+)\.js'/gm)) {
      if (!/^(?:import|export)\s+type\b/.test(statement ?? '')) pending.push(normalize(join(dirname(file), `${specifier}.ts`)));
    }
  }
  return seen;
}

/**
 * A name is renamed only when it is declared `private` and every other use of it as a property is
 * `this.name`: an object key, a destructured property, a public or interface member, a property of
 * anything else, or a word in a string or template elsewhere keeps it as it is.
 */
export function privateNames() {
  const declared = new Set();
  const internal = internalNames();
  const apart = importGraph(APART);
  let file = '';
  const kept = new Set();
  const keepWords = (text) => text.match(/[A-Za-z_$][\w$]*/g)?.forEach((word) => kept.add(word));
  const keepProperties = (text) => {
    for (const [, word] of text.matchAll(/(?<!\.)\.([A-Za-z_$][\w$]*)/g)) kept.add(word);
  };
  // An @internal member is the widget's own wherever it is reached, but from a script built apart.
  const own = (name) => internal.has(name) && !apart.has(file);
  const visit = (node) => {
    const name = node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : undefined;
    const modifiers = ts.getCombinedModifierFlags(node);
    if (ts.isPropertyAccessExpression(node)) {
      if (node.expression.kind !== ts.SyntaxKind.ThisKeyword && !own(node.name.text)) kept.add(node.name.text);
    } else if (ts.isParameter(node)) {
      // A constructor's parameter property is a member; any other parameter is a local.
      if (modifiers & ts.ModifierFlags.Private && name) declared.add(name);
      else if (modifiers & ts.ModifierFlags.ParameterPropertyModifier && name) kept.add(name);
    } else if (ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) {
      if (name) (modifiers & ts.ModifierFlags.Private || isInternal(node) ? declared : kept).add(name);
    } else if ((ts.isPropertySignature(node) || ts.isMethodSignature(node)) && isInternal(node)) {
      declared.add(name);
    } else if (ts.isPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isEnumMember(node)) {
      if (name) kept.add(name);
    } else if (ts.isShorthandPropertyAssignment(node)) {
      kept.add(node.name.text);
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const property = node.propertyName ?? node.name;
      if ((ts.isIdentifier(property) || ts.isStringLiteral(property)) && !own(property.text)) kept.add(property.text);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      // A name in code (`x['name']`, `'name' in x`, a template's `.name=${…}` binding); not the
      // words of a message.
      if (!/\s/.test(node.text)) keepWords(node.text);
      else keepProperties(node.text);
    }
    ts.forEachChild(node, visit);
  };
  for (file of sourceFiles()) visit(ts.createSourceFile(file, readFileSync(`src/${file}`, 'utf8'), ts.ScriptTarget.Latest, true));
  for (const dependency of DEPENDENCIES) keepWords(readFileSync(`node_modules/${dependency}`, 'utf8'));
  for (const folder of BUILT_FILE_USERS) {
    for (const user of readdirSync(folder, { recursive: true }).filter((each) => /\.(mjs|js|html)$/.test(String(each)))) {
      keepProperties(readFileSync(`${folder}/${user}`, 'utf8'));
    }
  }
  // Whatever a browser object may have: the members the DOM's and JavaScript's typings declare.
  const lib = dirname(createRequire(import.meta.url).resolve('typescript'));
  for (const typings of readdirSync(lib).filter((each) => /^lib\..*\.d\.ts$/.test(each))) {
    for (const [, name] of readFileSync(join(lib, typings), 'utf8').matchAll(/^\s+(?:readonly\s+)?([A-Za-z_$][\w$]*)\??\s*[:(<]/gm)) kept.add(name);
  }
  // Terser leaves the DOM's names alone whatever the pattern says (its own list).
  const domprops = readFileSync('node_modules/terser/tools/domprops.js', 'utf8');
  for (const [, name] of domprops.matchAll(/"([A-Za-z_$][\w$]*)"/g)) kept.add(name);
  return [...declared].filter((name) => !kept.has(name) && !PLATFORM_NAMES.has(name));
}

/** The browser's source: Node-only code (server, transform, consent log) is in no browser bundle. */
const sourceFiles = () =>
  readdirSync('src', { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.ts') && !/^(server|transform|log)\//.test(file));

/** A member documented `@internal`: the widget's own, renamed like a private one (also when reached from another object). */
const isInternal = (node) => ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal');

/** The names of every member documented `@internal`. */
function internalNames() {
  const names = new Set();
  const visit = (node) => {
    if (node.name && ts.isIdentifier(node.name) && isInternal(node)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  for (const file of sourceFiles()) visit(ts.createSourceFile(file, readFileSync(`src/${file}`, 'utf8'), ts.ScriptTarget.Latest, true));
  return names;
}
