/**
 * Validates parsed YAML against the procedure schema and words each failure for the staff
 * member who wrote the file: which step, which field, what is wrong, at its line and column.
 */
import type { z } from 'zod';
import { closestWord } from '../text/closest-word.js';
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
  const where = describePlace(path, data);
  const field = lastField(path);
  const value = valueAt(data, path);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownFieldsAt(path, data);
      return issue.keys.map((key, index) => {
        // Only the first problems are listed (the keys come in file order), and a misspelt field name is short:
        // hints for thousands of keys, or for a long one, would only cost time.
        const suggestion = index < maxProblemsPerFile && key.length <= maxSuggestedKeyLength ? closestWord(key, known) : undefined;
        const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
        const doneHint = key === 'next' && kindAt(path, data) === 'done' ? ' (a "done" step ends the procedure, so it has no next)' : hint;
        return sourceMap.problemAt([...path, key], `${where}unknown field "${key}"${doneHint}`, 'key');
      });
    }
    case 'invalid_type': {
      if (value === undefined) return [sourceMap.problemAt(path, `${where}the field "${field}" is missing`)];
      return [sourceMap.problemAt(path, `${where}"${field}" should be ${describeExpected(issue.expected)}, but it is ${describeValue(value)}`)];
    }
    case 'invalid_value':
      return [sourceMap.problemAt(path, `${where}"${field}" must be one of: ${issue.values.map(String).join(', ')}`)];
    case 'invalid_key':
      return [sourceMap.problemAt(path, `${where}${issue.issues[0]?.message ?? 'this key is not allowed'}`, 'key')];
    case 'invalid_union':
      return [sourceMap.problemAt(path, `${where}${issue.message}`)];
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'custom':
    default:
      return [sourceMap.problemAt(path, `${where}"${field}": ${plainMessage(issue)}`)];
  }
}

/** "step "pedir-dni", choice "si": " — the context a person needs to find the place in their head too. */
function describePlace(path: DataPath, data: unknown): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < path.length; i += 1) {
    const collection = path[i];
    const index = path[i + 1];
    if (typeof collection !== 'string' || typeof index !== 'number') continue;
    const item = valueAt(data, path.slice(0, i + 2));
    const id = isRecord(item) && typeof item['id'] === 'string' ? `"${item['id']}"` : `number ${index + 1}`;
    const noun = collectionNouns[collection];
    if (noun) parts.push(`${noun} ${id}`);
  }
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

const collectionNouns: Record<string, string> = {
  steps: 'step',
  choices: 'choice',
  items: 'item',
  requirements: 'requirement',
  channels: 'channel',
  glossary: 'glossary entry',
  commonProblems: 'common problem',
};

function lastField(path: DataPath): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return 'procedure';
}

function plainMessage(issue: z.core.$ZodIssue): string {
  // Our schema gives its own wording for most rules; zod's defaults are technical, so reword those.
  if (issue.code === 'too_small' && issue.origin === 'array') return `needs at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `has more than ${String(issue.maximum)}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'is empty';
  if (issue.code === 'too_big' && issue.origin === 'string') return `is longer than ${String(issue.maximum)} characters`;
  return issue.message.replace(/^Invalid input: /, '');
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'record':
    case 'object':
      return 'a group of fields (for text: one line per language, like "es: …")';
    case 'array':
      return 'a list (lines starting with "- ")';
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return `${String(value)}`;
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
