/**
 * The YAML editor's completion from the procedure's JSON Schema: the path is read from the
 * indentation above the cursor, the fields already written are not offered again, and a step's
 * `kind` narrows the fields to that kind's.
 */
import { describe, expect, it } from 'vitest';
import { procedureJsonSchemaText } from '../../../core/procedure/json-schema.js';
import { pathAt, suggestionsAt, type SchemaNode } from '../../../renderer/staff/editor/yaml-editor/schema-completion.js';

const schema = JSON.parse(procedureJsonSchemaText()) as SchemaNode;

function at(text: string) {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes('|'));
  const before = (lines[index] ?? '').slice(0, (lines[index] ?? '').indexOf('|'));
  return suggestionsAt(schema, (line) => lines[line] ?? '', lines.length, index, before);
}

const labels = (found: ReturnType<typeof at>) => found?.suggestions.map((suggestion) => suggestion.label) ?? [];

describe('completion from the JSON Schema', () => {
  it('reads the path from the indentation, through list items', () => {
    const lines = ['id: x', 'steps:', '  - id: a', '    title:', '      es: Hola', '    kind: info'];
    expect(pathAt((index) => lines[index] ?? '', 5, 4)).toEqual(['steps', '*']);
    expect(pathAt((index) => lines[index] ?? '', 4, 6)).toEqual(['steps', '*', 'title']);
    expect(pathAt((index) => lines[index] ?? '', 1, 0)).toEqual([]);
  });

  it('offers the top-level fields not yet written', () => {
    const found = labels(at('id: x\nversion: 1\nti|'));
    expect(found).toContain('title');
    expect(found).toContain('steps');
    expect(found).not.toContain('id');
    expect(found).not.toContain('version');
  });

  it("offers a step's fields for its kind only, and the kinds as values", () => {
    const question = labels(at('steps:\n  - id: a\n    kind: question\n    |'));
    expect(question).toContain('choices');
    expect(question).not.toContain('kind');
    const info = labels(at('steps:\n  - id: a\n    kind: info\n    |'));
    expect(info).toContain('next');
    expect(info).not.toContain('choices');
    expect(labels(at('steps:\n  - id: a\n    kind: |'))).toEqual(expect.arrayContaining(['info', 'question', 'done']));
    // A new item of the list: a step's fields, none taken yet.
    expect(labels(at('steps:\n  - id: a\n    kind: info\n  - |'))).toContain('id');
  });

  it('offers nothing inside a text', () => {
    expect(at('summary:\n  es: Un texto |')).toBeUndefined();
  });
});
