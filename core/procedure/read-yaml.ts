/**
 * Reads the text of a procedure file into YAML data, turning every way that can fail (not text,
 * too big, broken YAML, alias bombs, nesting that overflows the stack) into located problems.
 * Nothing here throws.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { CheckerCode, MessageParams } from './messages/catalog.js';
import { wordedProblem, type Problem } from './problem.js';
import { lazySourceMap, YamlSourceMap, type SourceMap } from './source-map.js';

/** The largest procedure file accepted. Real scripts are 10–40 KB; this leaves ample room. */
export const maxProcedureFileBytes = 512 * 1024;

/** The result of reading: the data and its source map, or the problems that stopped it. */
export type YamlReadResult = { ok: true; data: unknown; sourceMap: SourceMap } | { ok: false; problems: Problem[] };

/** The problem for a file over {@link maxProcedureFileBytes}, given its size. */
export function fileTooLargeProblem(size: number): Problem {
  return wordedProblem(1, 1, { code: 'file-too-large', params: { size: formatSize(size), max: formatSize(maxProcedureFileBytes) } });
}

/** Decodes file bytes as UTF-8, refusing binary files with a plain message. */
export function decodeProcedureBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  if (bytes.byteLength > maxProcedureFileBytes) return { ok: false, problems: [fileTooLargeProblem(bytes.byteLength)] };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(1, 1, 'not-utf8');
  }
  return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
}

/**
 * Parses procedure YAML text. Aliases are refused outright: they are the vector of alias bombs
 * and staff never need them.
 *
 * Two parsers, on purpose. `yaml` keeps the position of every node, which locating problems
 * needs, but reads about 8 MB/s; `js-yaml` reads about ten times faster and keeps none. Every
 * file is first read by js-yaml; only a file it refuses (or that uses aliases) is read again by
 * `yaml` for located messages, and positions for later problems are parsed on demand.
 */
export function readProcedureYaml(text: string): YamlReadResult {
  if (text.length > maxProcedureFileBytes) return { ok: false, problems: [fileTooLargeProblem(text.length)] };
  const fast = readWithoutPositions(text);
  const read: YamlReadResult = fast ? { ok: true, data: fast, sourceMap: lazySourceMap(text) } : readWithPositions(text);
  if (!read.ok) return read;
  const reserved = reservedKeyProblems(read.data, read.sourceMap);
  return reserved.length > 0 ? { ok: false, problems: reserved } : read;
}

/**
 * A key JavaScript objects cannot hold as data: both YAML readers keep `__proto__` as a field,
 * but the schema's checks copy fields into new objects, where `__proto__` sets the prototype
 * instead, so a `__proto__:` under `title:` would vanish without a word. Refused wherever it is,
 * at its line. (`constructor` and `prototype` are kept as ordinary keys, so the schema already
 * refuses them where they do not belong: they are not language codes, nor known fields.)
 */
const reservedKeys = new Set(['__proto__']);

function reservedKeyProblems(data: unknown, sourceMap: SourceMap): Problem[] {
  const problems: Problem[] = [];
  // Iterative, like the rest of this file: nesting deep enough to overflow the stack is refused elsewhere, but stay safe.
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const child: unknown = (value as Record<string, unknown>)[key];
      if (reservedKeys.has(key)) {
        problems.push(sourceMap.problemAt([...path, key], { code: 'reserved-key', params: { key } }, 'key'));
      } else stack.push({ value: child, path: [...path, key] });
    }
  }
  return problems;
}

/** The fast read: the data of a well-formed, alias-free file whose top level is a map, or undefined for anything else. */
function readWithoutPositions(text: string): Record<string, unknown> | undefined {
  // Anything that may be an alias goes to the slow read, which finds real aliases exactly.
  if (text.includes('*') && mayHoldAlias.test(text)) return undefined;
  let data: unknown;
  try {
    // js-yaml refuses control characters itself, so binary data also takes the slow read and its message.
    // The core schema of YAML 1.2, like `yaml`: dates stay text, no merge keys.
    data = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || hasSharedNodes(data)) return undefined;
  return data as Record<string, unknown>;
}

const mayHoldAlias = /(^|[\s[{,:-])\*[^\s,[\]{}]/m;

/** True when one object appears twice in the data: js-yaml turns aliases into shared references. */
function hasSharedNodes(root: object): boolean {
  const seen = new Set<object>();
  const stack: object[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as object;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const value of Object.values(node)) if (value !== null && typeof value === 'object') stack.push(value as object);
  }
  return false;
}

/** The slow read, with positions, that words every way a file can be broken. */
function readWithPositions(text: string): YamlReadResult {
  const control = findControlCharacter(text);
  if (control) return fail(control.line, control.column, 'control-character');
  if (text.trim() === '') return fail(1, 1, 'empty-file');
  const lines = new LineCounter();
  let document;
  try {
    // Duplicate keys are found below: the library's own check compares each key with every earlier one, quadratic in a map's size.
    document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (error) {
    // The yaml library catches its own stack overflows, but stay safe against any other throw.
    return fail(1, 1, 'yaml-unreadable', { detail: firstLine(error) });
  }
  const sourceMap = new YamlSourceMap(document, lines);

  const duplicates = duplicateKeyProblems(document, lines);
  if (document.errors.length > 0 || duplicates.length > 0) {
    const problems = document.errors.map((error): Problem => {
      const position = lines.linePos(error.pos[0]);
      return wordedProblem(position.line, position.col, describeYamlError(error.code, error.message), error.pos);
    });
    return { ok: false, problems: [...problems, ...duplicates] };
  }

  const aliasProblems: Problem[] = [];
  visit(document, {
    Alias(_key, node) {
      const start = node.range?.[0] ?? 0;
      const position = lines.linePos(start);
      aliasProblems.push(wordedProblem(position.line, position.col, { code: 'alias', params: { name: node.source } }));
    },
  });
  if (aliasProblems.length > 0) return { ok: false, problems: aliasProblems };

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return fail(1, 1, 'yaml-unreadable', { detail: firstLine(error) });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [sourceMap.problemAtStart({ code: 'not-a-map' })] };
  }
  return { ok: true, data, sourceMap };
}

/** Every key written a second time in the same map, found with one set per map (linear in the file). */
function duplicateKeyProblems(document: Document.Parsed, lines: LineCounter): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    Map(_key, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          const range = pair.key.range ?? [0, 0];
          const position = lines.linePos(range[0]);
          problems.push(wordedProblem(position.line, position.col, describeYamlError('DUPLICATE_KEY', ''), [range[0], range[1]]));
        }
        seen.add(pair.key.value);
      }
    },
  });
  return problems;
}

/** Plain words for the YAML errors staff meet most; the library's own text (in English, as a detail) otherwise. */
function describeYamlError(code: string, message: string): { code: CheckerCode; params?: MessageParams } {
  switch (code) {
    case 'DUPLICATE_KEY':
      return { code: 'duplicate-key' };
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return { code: 'yaml-broken-layout', params: { detail: lowerFirst(firstLine(message)) } };
    case 'MULTIPLE_DOCS':
      return { code: 'multiple-documents' };
    case 'TAB_AS_INDENT':
      return { code: 'tab-indent' };
    default:
      return { code: 'yaml-broken', params: { detail: lowerFirst(firstLine(message)) } };
  }
}

function findControlCharacter(text: string): { line: number; column: number } | undefined {
  // Tabs, line feeds and carriage returns are ordinary; any other C0 control (NUL above all) means binary data.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point of this expression
  const match = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - before.lastIndexOf('\n');
  return { line, column };
}

function fail(line: number, column: number, code: CheckerCode, params?: MessageParams): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [wordedProblem(line, column, params ? { code, params } : { code })] };
}

function firstLine(value: unknown): string {
  const text = value instanceof Error ? value.message : String(value);
  return (text.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').trim();
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
