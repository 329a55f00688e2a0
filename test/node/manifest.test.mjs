// dist/custom-elements.json read as an editor or a docs tool reads it: every element the docs
// document, with its tag name, its attributes in kebab-case, its events, parts and CSS properties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync(new URL('../../dist/custom-elements.json', import.meta.url), 'utf8'));
const docs = (name) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8');

/** The custom elements the manifest declares, by tag name. */
const elements = new Map(
  manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.tagName).map((declaration) => [declaration.tagName, declaration]),
);

/** The names in the first column of the docs page's table whose header starts with `| attribute |`. */
function documentedAttributes(page) {
  const lines = docs(page).split('\n');
  const start = lines.findIndex((line) => line.startsWith('| attribute |'));
  assert.ok(start >= 0, `docs/${page} has an attribute table`);
  const names = [];
  for (const line of lines.slice(start + 2)) {
    const name = /^\| `([^`]+)` \|/.exec(line)?.[1];
    if (!name) break;
    names.push(name);
  }
  return names;
}

test('every element has its tag name', () => {
  assert.deepEqual([...elements.keys()].sort(), ['consent-gate', 'consent-manager', 'consent-vendor']);
});

for (const [tag, page] of [['consent-manager', 'attributes.md'], ['consent-gate', 'embeds.md'], ['consent-vendor', 'vendors.md']]) {
  test(`<${tag}>: every attribute of docs/${page}, in kebab-case, with a type and a default`, () => {
    const attributes = elements.get(tag).attributes ?? [];
    const listed = attributes.map((attribute) => attribute.name);
    const documented = documentedAttributes(page);
    assert.ok(documented.length >= 4, `docs/${page}: ${documented}`);
    for (const name of documented) assert.ok(listed.includes(name), `<${tag}> ${name} is documented but not in the manifest (it lists ${listed})`);
    for (const attribute of attributes) {
      assert.match(attribute.name, /^[a-z]+(-[a-z]+)*$/, `<${tag}> ${attribute.name} is not kebab-case`);
      assert.ok(documented.includes(attribute.name), `<${tag}> ${attribute.name} is in the manifest but not documented in docs/${page}`);
      assert.ok(attribute.type?.text, `<${tag}> ${attribute.name} has a type`);
      assert.ok('default' in attribute, `<${tag}> ${attribute.name} has a default`);
      assert.ok(attribute.description, `<${tag}> ${attribute.name} has a description`);
    }
  });
}

test('the attributes the old manifest missed or camel-cased', () => {
  const names = (tag) => elements.get(tag).attributes.map((attribute) => attribute.name);
  for (const name of ['auto-block', 'google-consent-mode', 'policy-url', 'max-age-days']) assert.ok(names('consent-manager').includes(name), name);
  assert.ok(names('consent-gate').includes('theme'));
  assert.equal(elements.get('consent-manager').attributes.find((attribute) => attribute.name === 'auto-block').type.text, 'boolean');
});

test('<consent-manager>: the events of docs/api.md', () => {
  const section = docs('api.md').split(/^Events are/m)[1];
  const documented = [...section.matchAll(/^- `(consent-[a-z-]+)`/gm)].map((match) => match[1]);
  assert.deepEqual(documented.sort(), ['consent-change', 'consent-ready']);
  const events = elements.get('consent-manager').events.map((event) => event.name);
  assert.deepEqual(events.sort(), documented);
});

test('parts and CSS properties of docs/theming.md', () => {
  const theming = docs('theming.md');
  for (const tag of ['consent-manager', 'consent-gate']) {
    const line = new RegExp(`^- \`${tag}\`: ([^]*?)(?=\\n- |\\n\\n)`, 'm').exec(theming)?.[1];
    assert.ok(line, `docs/theming.md lists the parts of <${tag}>`);
    const documented = [...line.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]);
    const parts = elements.get(tag).cssParts.map((part) => part.name);
    assert.deepEqual([...parts].sort(), [...documented].sort(), `<${tag}> parts`);
  }
  const properties = [...theming.matchAll(/^\| `(--consent-[a-z-]+)` \|/gm)].map((match) => match[1]);
  assert.ok(properties.length >= 10);
  const listed = [...elements.values()].flatMap((element) => (element.cssProperties ?? []).map((property) => property.name));
  for (const property of properties) assert.ok(listed.includes(property), `${property} is documented but not in the manifest`);
  for (const property of listed) assert.ok(properties.includes(property), `${property} is in the manifest but not documented`);
});

test('internal methods are neither in the manifest nor in the types', () => {
  const internal = ['scriptRan', 'grantFromGate', 'vendorsChanged', 'configuredVendors', 'sync', 'toVendor'];
  for (const element of elements.values()) {
    const members = (element.members ?? []).filter((member) => member.privacy !== 'private').map((member) => member.name);
    for (const name of internal) assert.ok(!members.includes(name), `<${element.tagName}> lists ${name}`);
  }
  const types = readFileSync(new URL('../../dist/types/components/consent-manager/consent-manager.d.ts', import.meta.url), 'utf8');
  for (const name of internal) assert.doesNotMatch(types, new RegExp(`^\\s+${name}\\(`, 'm'), name);
});
