/**
 * The practice rules across files: a practice script's `twinOf` names a procedure that exists,
 * and a twin that says it was generated from it is still what the generator makes from that
 * procedure today (`twin-stale` otherwise: the source changed, or the generator did, and the
 * twin must be generated again). Pure; `check.ts` calls it from the set check.
 */
import type { CheckedFile } from './check.js';
import { makePracticeTwin } from './practice-twin.js';
import { wordedProblem, type Problem } from './problem.js';
import { procedureSchema, type Procedure } from './schema.js';
import { lazySourceMap } from './source-map.js';
import type { ProblemWords } from './messages/catalog.js';

/**
 * Problems of the twins among `files`, by file name. `references` are procedures that are not
 * checked but may be named by `twinOf` (the command line loads a twin's source when only the
 * twin is checked). `readSource` gives a file's text, to place each problem at its `twinOf`;
 * without it, a problem is placed at the file's start.
 */
export function checkTwinSet(
  files: readonly CheckedFile[],
  references: readonly Procedure[] = [],
  readSource?: (fileName: string) => string | undefined,
): Map<string, Problem[]> {
  const problems = new Map<string, Problem[]>();
  // The checked files come first (the first file with an id, as the id rule has it), then the references.
  const byId = new Map<string, Procedure>();
  for (const { result } of files) if (result.procedure && !byId.has(result.procedure.id)) byId.set(result.procedure.id, result.procedure);
  for (const procedure of references) if (!byId.has(procedure.id)) byId.set(procedure.id, procedure);
  // A file with problems has no procedure, but its name still says which id it is meant to have.
  const knownIds = new Set<string>([...byId.keys(), ...files.filter(({ result }) => !result.procedure).map(({ fileName }) => baseNameOf(fileName))]);
  for (const { fileName, result } of files) {
    const twin = result.procedure;
    if (!twin || twin.practice !== true || twin.twinOf === undefined) continue;
    const add = (words: ProblemWords): void => {
      const text = readSource?.(fileName);
      const problem = text !== undefined ? lazySourceMap(text).problemAt(['twinOf'], words) : wordedProblem(1, 1, words);
      problems.set(fileName, [...(problems.get(fileName) ?? []), problem]);
    };
    const source = byId.get(twin.twinOf);
    if (!source) {
      // A source with problems of its own is reported there; its twin cannot be compared until it is fixed.
      if (!knownIds.has(twin.twinOf)) add({ code: 'twin-of-missing', params: { id: twin.twinOf } });
      continue;
    }
    if (isStaleTwin(twin, source)) add({ code: 'twin-stale', params: { id: source.id, version: source.version } });
  }
  return problems;
}

/** True when `twin` is not what the generator makes from `source` today. */
export function isStaleTwin(twin: Procedure, source: Procedure): boolean {
  const made = makePracticeTwin(source);
  if (!made.ok) return true;
  // Both through the schema, so defaults (empty lists) and key order cannot make a difference.
  const expected = procedureSchema.safeParse(made.twin);
  return !expected.success || canonicalJson(expected.data) !== canonicalJson(twin);
}

/** JSON with every object's keys sorted and undefined fields left out, for comparing procedures. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}

function baseNameOf(fileName: string): string {
  return (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.ya?ml$/, '');
}
