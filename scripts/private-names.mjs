// The members declared `private` in src/ that the browser bundles may rename (see build.mjs). Read
// from TypeScript's syntax tree, so that comments and local variables of the same name do not stop
// a renaming, and every way a name can be a property elsewhere does.
import { readFileSync, readdirSync } from 'node:fs';
import ts from 'typescript';

/** Names web-platform objects have, reached through `this` on an element: never renamed. */
const PLATFORM_NAMES = new Set(['accept', 'load', 'loading', 'start', 'status']);
/** Bundled code that is not in src/: any word of theirs is left alone. */
const DEPENDENCIES = ['lit-html/lit-html.js', 'js-cookie/dist/js.cookie.mjs'];

/**
 * A name is renamed only when it is declared `private` and every other use of it as a property is
 * `this.name`: an object key, a destructured property, a public or interface member, a property of
 * anything else, or a word in a string or template elsewhere keeps it as it is.
 */
export function privateNames() {
  const declared = new Set();
  const kept = new Set();
  const keepWords = (text) => text.match(/[A-Za-z_$][\w$]*/g)?.forEach((word) => kept.add(word));
  const visit = (node) => {
    const name = node.name && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : undefined;
    const modifiers = ts.getCombinedModifierFlags(node);
    if (ts.isPropertyAccessExpression(node)) {
      if (node.expression.kind !== ts.SyntaxKind.ThisKeyword) kept.add(node.name.text);
    } else if (ts.isParameter(node)) {
      // A constructor's parameter property is a member; any other parameter is a local.
      if (modifiers & ts.ModifierFlags.Private && name) declared.add(name);
      else if (modifiers & ts.ModifierFlags.ParameterPropertyModifier && name) kept.add(name);
    } else if (ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) {
      if (name) (modifiers & ts.ModifierFlags.Private ? declared : kept).add(name);
    } else if (ts.isPropertyAssignment(node) || ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isEnumMember(node)) {
      if (name) kept.add(name);
    } else if (ts.isShorthandPropertyAssignment(node)) {
      kept.add(node.name.text);
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      const property = node.propertyName ?? node.name;
      if (ts.isIdentifier(property) || ts.isStringLiteral(property)) kept.add(property.text);
    } else if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      keepWords(node.text);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of readdirSync('src', { recursive: true }).filter((file) => String(file).endsWith('.ts'))) {
    visit(ts.createSourceFile(String(file), readFileSync(`src/${file}`, 'utf8'), ts.ScriptTarget.Latest, true));
  }
  for (const file of DEPENDENCIES) keepWords(readFileSync(`node_modules/${file}`, 'utf8'));
  return [...declared].filter((name) => !kept.has(name) && !PLATFORM_NAMES.has(name));
}
