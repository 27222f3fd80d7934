/**
 * Completion of field names (and of fixed values such as a step's `kind`) in the YAML editor,
 * from the procedure's JSON Schema, the one generated from the zod schema
 * (core/procedure/json-schema.ts). Written here rather than taken from `codemirror-json-schema`,
 * which brings shiki (a syntax highlighter of several megabytes) into the console's bundle for
 * its hover cards. The YAML is read by indentation only, line by line upwards from the cursor,
 * because the text being typed is seldom well-formed YAML at that moment.
 */

/** The parts of a JSON Schema node this completion reads. */
export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  description?: string;
  const?: unknown;
  enum?: unknown[];
}

/** One step of a path in the YAML: a key, or `*` for an item of a list. */
export type YamlPathStep = string;

/** One offered field or value. */
export interface SchemaSuggestion {
  label: string;
  kind: 'field' | 'value';
  description?: string;
  required?: boolean;
}

interface LineShape {
  /** The columns of the list dashes (`- `) at the start of the line, left to right. */
  dashes: number[];
  /** The key the line starts (after its dashes), with its column and what follows its colon. */
  key?: { name: string; column: number; value: string };
  /** The column where the line's content starts, after its spaces and dashes. */
  content: number;
}

// Spaces, then dashes each followed by spaces, then maybe `key:` and the rest.
const shapePattern = /^( *)((?:- +)*)(?:([A-Za-z_][\w-]*) *:(?: +|$)(.*))?/;

function shapeOf(line: string): LineShape | undefined {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const match = shapePattern.exec(line);
  if (!match) return undefined;
  const spaces = match[1]?.length ?? 0;
  const dashes: number[] = [];
  let column = spaces;
  for (const dash of (match[2] ?? '').matchAll(/- +/g)) {
    dashes.push(column);
    column += dash[0].length;
  }
  const name = match[3];
  return name === undefined
    ? { dashes, content: column }
    : { dashes, content: column, key: { name, column, value: (match[4] ?? '').replace(/ #.*$/, '').trim() } };
}

// Reading upwards stops here: a cursor under thousands of comment lines gets no help rather than a slow keystroke.
const mostLinesRead = 2000;

/**
 * The path from the document's top to the mapping whose keys start at `column` on line
 * `lineIndex` (0-based), read from the lines above; undefined when the place is inside a
 * multi-line text or the lines are not a block mapping this reader understands.
 */
export function pathAt(
  lineAt: (index: number) => string,
  lineIndex: number,
  column: number,
  currentDashes: readonly number[] = [],
): YamlPathStep[] | undefined {
  const inner: YamlPathStep[] = [];
  let wanted = column;
  // The current line's own dashes: each opens an item of a list.
  for (const dash of [...currentDashes].reverse()) {
    inner.push('*');
    wanted = dash;
  }
  for (let index = lineIndex - 1; index >= 0 && wanted > 0 && lineIndex - index <= mostLinesRead; index -= 1) {
    const shape = shapeOf(lineAt(index));
    if (!shape) continue;
    const start = shape.dashes[0] ?? shape.content;
    if (start >= wanted) continue;
    if (shape.key && shape.key.column < wanted) {
      // A key with a value on its line (a text, `|` or `>` included) holds no fields below it.
      if (shape.key.value !== '') return undefined;
      inner.push(shape.key.name);
      wanted = shape.key.column;
    }
    for (const dash of [...shape.dashes].reverse()) {
      if (dash < wanted) {
        inner.push('*');
        wanted = dash;
      }
    }
  }
  return wanted === 0 ? inner.reverse() : undefined;
}

/** The keys (and their values) already written in the mapping at `column` around line `lineIndex`. */
export function siblingsAt(lineAt: (index: number) => string, lineCount: number, lineIndex: number, column: number): Map<string, string> {
  const found = new Map<string, string>();
  const read = (index: number): boolean => {
    const shape = shapeOf(lineAt(index));
    if (!shape) return true;
    if (shape.key?.column === column) found.set(shape.key.name, shape.key.value);
    // A line that starts left of the mapping, or a new item of the same list, ends it.
    const start = shape.dashes[0] ?? shape.content;
    if (start < column) return false;
    return true;
  };
  for (let index = lineIndex - 1; index >= 0 && lineIndex - index <= mostLinesRead; index -= 1) {
    const shape = shapeOf(lineAt(index));
    if (!read(index)) break;
    // The line that opened this item (`- id: x`) belongs to it, and nothing above does.
    if (shape && shape.dashes.length > 0 && shape.content === column) break;
  }
  for (let index = lineIndex + 1; index < lineCount && index - lineIndex <= mostLinesRead; index += 1) {
    const shape = shapeOf(lineAt(index));
    if (shape && shape.dashes.length > 0 && shape.content <= column) break;
    if (!read(index)) break;
  }
  return found;
}

/** The object schemas a node may be (its variants for `oneOf`/`anyOf`/`allOf`), first of all its own. */
function variants(node: SchemaNode): SchemaNode[] {
  const alternatives = [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])];
  return [node, ...alternatives.flatMap(variants)];
}

/** The schema nodes a path may lead to. */
export function schemaAt(root: SchemaNode, path: readonly YamlPathStep[]): SchemaNode[] {
  let nodes = [root];
  for (const step of path) {
    nodes = nodes.flatMap(variants).flatMap((node) => {
      const next = step === '*' ? node.items : node.properties?.[step];
      return next ? [next] : [];
    });
  }
  return nodes;
}

/**
 * The field names that fit a mapping, without those already written. When the mapping says what
 * it is (a step's `kind: question`), only the variants that allow that value are offered.
 */
export function fieldSuggestions(nodes: readonly SchemaNode[], siblings: ReadonlyMap<string, string>): SchemaSuggestion[] {
  const objects = nodes.flatMap(variants).filter((node) => node.properties);
  const fitting = objects.filter((node) =>
    [...siblings].every(([key, value]) => {
      const property = node.properties?.[key];
      if (property?.const === undefined || value === '') return true;
      return String(property.const) === value.replace(/^['"]|['"]$/g, '');
    }),
  );
  const offered = new Map<string, SchemaSuggestion>();
  for (const node of fitting) {
    for (const [name, property] of Object.entries(node.properties ?? {})) {
      if (siblings.has(name) || offered.has(name)) continue;
      offered.set(name, {
        label: name,
        kind: 'field',
        ...(property.description ? { description: property.description } : {}),
        required: node.required?.includes(name) ?? false,
      });
    }
  }
  return [...offered.values()];
}

/** The fixed values a field may take (its `const`s and `enum`s), such as a step's kinds. */
export function valueSuggestions(nodes: readonly SchemaNode[]): SchemaSuggestion[] {
  const values = new Set<string>();
  for (const node of nodes.flatMap(variants)) {
    if (node.const !== undefined) values.add(String(node.const));
    for (const value of node.enum ?? []) values.add(String(value));
  }
  return [...values].map((label) => ({ label, kind: 'value' }));
}

/** What the text before the cursor on its line asks for: a field name, a value, or nothing. */
export type CompletionPlace =
  | { kind: 'field'; prefix: string; column: number; dashes: number[] }
  | { kind: 'value'; prefix: string; key: string; column: number; dashes: number[] };

/** Reads the text before the cursor on its line. */
export function placeOf(before: string): CompletionPlace | undefined {
  const field = /^( *)((?:- +)*)([A-Za-z_][\w-]*)?$/.exec(before);
  if (field) {
    const shape = shapeOf(`${before}x`);
    return { kind: 'field', prefix: field[3] ?? '', column: shape?.content ?? before.length, dashes: shape?.dashes ?? [] };
  }
  const value = /^( *)((?:- +)*)([A-Za-z_][\w-]*) *: +([\w-]*)$/.exec(before);
  if (value) {
    const shape = shapeOf(before);
    return { kind: 'value', prefix: value[4] ?? '', key: value[3] ?? '', column: shape?.key?.column ?? 0, dashes: shape?.dashes ?? [] };
  }
  return undefined;
}

/** Everything the editor offers at a place: the path's fields, or a field's fixed values. */
export function suggestionsAt(
  root: SchemaNode,
  lineAt: (index: number) => string,
  lineCount: number,
  lineIndex: number,
  before: string,
): { prefix: string; suggestions: SchemaSuggestion[] } | undefined {
  const place = placeOf(before);
  if (!place) return undefined;
  const path = pathAt(lineAt, lineIndex, place.column, place.dashes);
  if (!path) return undefined;
  if (place.kind === 'value') return { prefix: place.prefix, suggestions: valueSuggestions(schemaAt(root, [...path, place.key])) };
  // A new list item starts a new mapping: nothing above it is its sibling.
  const siblings = place.dashes.length > 0 ? new Map<string, string>() : siblingsAt(lineAt, lineCount, lineIndex, place.column);
  return { prefix: place.prefix, suggestions: fieldSuggestions(schemaAt(root, path), siblings) };
}
