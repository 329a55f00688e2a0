// The custom elements manifest (dist/custom-elements.json) that editors, Storybook and docs tools
// read. Each element's attributes come from its one attribute table (`static attributes = table`,
// `const table = { 'kebab-name': default, … }` in the same file, each entry's JSDoc its
// description): name, type (`false` → boolean; `null` → string | null; else string) and default.
const camel = (name) => name.replace(/-(.)/g, (_, letter) => letter.toUpperCase());

function attributeTables() {
  return {
    name: 'consent-gate attribute tables',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const table = node.members.find(
        (member) => ts.isPropertyDeclaration(member) && member.name.getText() === 'attributes' && member.initializer && ts.isIdentifier(member.initializer),
      );
      if (!table) return;
      const source = node.getSourceFile();
      let literal;
      ts.forEachChild(source, (statement) => {
        if (!ts.isVariableStatement(statement)) return;
        for (const declaration of statement.declarationList.declarations) {
          if (declaration.name.getText() === table.initializer.text && declaration.initializer && ts.isObjectLiteralExpression(declaration.initializer)) {
            literal = declaration.initializer;
          }
        }
      });
      if (!literal) throw new Error(`${node.name.text}: attribute table ${table.initializer.text} not found`);
      const classDoc = moduleDoc.declarations.find((declaration) => declaration.name === node.name.text);
      const attributes = [];
      const fields = [];
      for (const property of literal.properties) {
        const name = ts.isStringLiteral(property.name) ? property.name.text : property.name.getText();
        const value = property.initializer;
        const type = value.kind === ts.SyntaxKind.FalseKeyword ? 'boolean' : value.kind === ts.SyntaxKind.NullKeyword ? 'string | null' : 'string';
        const description = ts.getJSDocCommentsAndTags(property).map((doc) => ts.getTextOfJSDocComment(doc.comment)).join('\n');
        const fallback = value.getText();
        attributes.push({ name, type: { text: type }, default: fallback, description, fieldName: camel(name) });
        fields.push({ kind: 'field', name: camel(name), type: { text: type }, default: fallback, description, attribute: name, reflects: true });
      }
      classDoc.attributes = attributes;
      // The accessors are defined from the table at run time: the manifest lists them as fields,
      // and only members the class declares (not properties of other objects set in its code).
      const declared = new Set(node.members.map((member) => member.name?.getText()));
      classDoc.members = [...fields, ...(classDoc.members ?? []).filter((member) => declared.has(member.name) && !fields.some((field) => field.name === member.name))];
      // Events are documented with @fires (dispatchEvent(new ConsentChangeEvent(…)) has no name to read).
      classDoc.events = classDoc.events?.filter((event) => event.name);
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  outdir: 'dist',
  plugins: [attributeTables()],
};
