/**
 * Validates parsed YAML against the procedure schema and words each failure for the staff
 * member who wrote the file: which step, which field, what is wrong, at its line and column.
 */
import type { z } from 'zod';
import { closestWord } from '../text/closest-word.js';
import { ruleCodeOf, type MessageRef, type PlaceCollection, type PlacePart } from './messages/catalog.js';
import { maxProblemsPerFile, type Problem } from './problem.js';
import {
  channelSchema,
  checklistItemSchema,
  choiceSchema,
  glossaryEntrySchema,
  imageSchema,
  procedureSchema,
  requirementSchema,
  type Procedure,
} from './schema.js';
import type { DataPath, SourceMap } from './source-map.js';

/** The schema check's outcome: a typed procedure, or its problems. */
export type SchemaCheckResult = { ok: true; procedure: Procedure } | { ok: false; problems: Problem[] };

/** Checks data read from a procedure file against {@link procedureSchema}. */
export function checkProcedureSchema(data: unknown, sourceMap: SourceMap): SchemaCheckResult {
  const parsed = procedureSchema.safeParse(data);
  if (parsed.success) return { ok: true, procedure: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) => describeIssue(issue, data, sourceMap));
  return { ok: false, problems };
}

/** Keys longer than this get no "did you mean" hint. */
const maxSuggestedKeyLength = 64;

function describeIssue(issue: z.core.$ZodIssue, data: unknown, sourceMap: SourceMap): Problem[] {
  const path = issue.path;
  const place = describePlace(path, data);
  const field = lastField(path);
  const value = valueAt(data, path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownFieldsAt(path, data);
      return issue.keys.map((key, index) => {
        // Only the first problems are listed (the keys come in file order), and a misspelt field name is short:
        // hints for thousands of keys, or for a long one, would only cost time.
        const suggestion = index < maxProblemsPerFile && key.length <= maxSuggestedKeyLength ? closestWord(key, known) : undefined;
        const hint: MessageRef | undefined =
          key === 'next' && kindAt(path, data) === 'done'
            ? { code: 'hint.done-has-no-next' }
            : suggestion
              ? { code: 'hint.did-you-mean', params: { word: suggestion } }
              : undefined;
        return sourceMap.problemAt([...path, key], { code: 'unknown-field', params: hint ? { key, hint } : { key }, place }, 'key');
      });
    }
    case 'invalid_type': {
      if (value === undefined) return [sourceMap.problemAt(path, { code: 'field-missing', params: { field }, place })];
      return [
        sourceMap.problemAt(path, { code: 'wrong-type', params: { field, expected: describeExpected(issue.expected), actual: describeValue(value) }, place }),
      ];
    }
    case 'invalid_value':
      return [sourceMap.problemAt(path, { code: 'one-of', params: { field, values: issue.values.map(String).join(', ') }, place })];
    case 'invalid_key': {
      const rule = issue.issues[0]?.message;
      return [sourceMap.problemAt(path, rule === undefined ? { code: 'key-not-allowed', place } : { ...ruleWords(rule), place }, 'key')];
    }
    case 'invalid_union':
      return [sourceMap.problemAt(path, { ...ruleWords(issue.message), place })];
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
    default:
      return [sourceMap.problemAt(path, { code: 'field-rule', params: { field, rule: plainMessage(issue) }, place })];
  }
}

/** A rule's text from zod as words: one of the schema's rules by its code, else zod's text as it is. */
function ruleWords(text: string): MessageRef {
  const code = ruleCodeOf(text);
  return code ? { code } : { code: 'detail', params: { detail: text } };
}

/** "step "pedir-dni", choice "si": " — the context a person needs to find the place in their head too. */
function describePlace(path: DataPath, data: unknown): PlacePart[] {
  const parts: PlacePart[] = [];
  for (let i = 0; i + 1 < path.length; i += 1) {
    const collection = path[i];
    const index = path[i + 1];
    if (typeof collection !== 'string' || typeof index !== 'number') continue;
    const item = valueAt(data, path.slice(0, i + 2));
    if (!isPlaceCollection(collection)) continue;
    parts.push(isRecord(item) && typeof item['id'] === 'string' ? { collection, id: item['id'] } : { collection, number: index + 1 });
  }
  return parts;
}

const placeCollections: readonly string[] = ['steps', 'choices', 'items', 'requirements', 'channels', 'glossary', 'commonProblems'] satisfies PlaceCollection[];

function isPlaceCollection(name: string): name is PlaceCollection {
  return placeCollections.includes(name);
}

function lastField(path: DataPath): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return 'procedure';
}

function plainMessage(issue: z.core.$ZodIssue): MessageRef {
  // Sizes get the same short words whatever the rule's own text; zod's defaults are technical, so reword those.
  if (issue.code === 'too_small' && issue.origin === 'array') return { code: 'rule.at-least', params: { count: Number(issue.minimum) } };
  if (issue.code === 'too_big' && issue.origin === 'array') return { code: 'rule.more-than', params: { count: Number(issue.maximum) } };
  if (issue.code === 'too_small' && issue.origin === 'string') return { code: 'rule.is-empty' };
  if (issue.code === 'too_big' && issue.origin === 'string') return { code: 'rule.longer-than', params: { count: Number(issue.maximum) } };
  return ruleWords(issue.message.replace(/^Invalid input: /, ''));
}

function describeExpected(expected: string): MessageRef | string {
  switch (expected) {
    case 'record':
    case 'object':
      return { code: 'expected.group' };
    case 'array':
      return { code: 'expected.list' };
    case 'string':
      return { code: 'expected.text' };
    case 'number':
    case 'int':
      return { code: 'expected.whole-number' };
    case 'boolean':
      return { code: 'expected.true-false' };
    default:
      return expected;
  }
}

function describeValue(value: unknown): MessageRef | string {
  if (value === null) return { code: 'value.empty' };
  if (Array.isArray(value)) return { code: 'value.list' };
  if (typeof value === 'object') return { code: 'value.group' };
  if (typeof value === 'string') return { code: 'value.text', params: { text: value.length > 30 ? `${value.slice(0, 30)}…` : value } };
  if (typeof value === 'number') return { code: 'value.number', params: { number: value } };
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

function valueAt(data: unknown, path: DataPath): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && typeof segment === 'string') current = current[segment];
    else return undefined;
  }
  return current;
}

function kindAt(path: DataPath, data: unknown): unknown {
  const holder = valueAt(data, path);
  return isRecord(holder) ? holder['kind'] : undefined;
}

/** The field names the schema allows where an unknown one was found, for "did you mean". */
function knownFieldsAt(path: DataPath, data: unknown): string[] {
  const collection = [...path].reverse().find((segment) => typeof segment === 'string');
  const kind = kindAt(path, data);
  if (path.length === 0) return Object.keys(procedureSchema.shape);
  if (collection === 'steps') {
    const stepOptions = procedureSchema.shape.steps.element.options;
    const match = stepOptions.find((option) => option.shape.kind.value === kind) ?? stepOptions[0];
    return Object.keys(match.shape);
  }
  const nested: Record<string, { shape: object }> = {
    choices: choiceSchema,
    items: checklistItemSchema,
    requirements: requirementSchema,
    channels: channelSchema,
    glossary: glossaryEntrySchema,
    image: imageSchema,
  };
  const schema = typeof collection === 'string' ? nested[collection] : undefined;
  return schema ? Object.keys(schema.shape) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
