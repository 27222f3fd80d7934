/**
 * The procedure checker: from the text of a file to a typed procedure or a list of located
 * problems, and the notes that do not fail it. Pure: reading files and printing belong to `scripts/procedures-check.ts` and the
 * staff editor.
 */
import { checkProcedureContent } from './check-content.js';
import { checkPracticeRules } from './check-practice.js';
import { checkTwinSet } from './check-twins.js';
import { checkProcedureSchema } from './check-schema.js';
import { unreviewedLanguageNotes } from './check-review.js';
import type { ProblemWords } from './messages/catalog.js';
import { limitProblems, wordedProblem, type Note, type Problem } from './problem.js';
import { decodeProcedureBytes, readProcedureYaml } from './read-yaml.js';
import type { Procedure } from './schema.js';

/**
 * What checking one file gives: the procedure when it has no problems, the problems (each one
 * fails the check and stops publishing) and the notes (which do neither: a language no native
 * speaker has reviewed yet). Notes need a procedure that passed the schema, so a file the schema
 * refuses has none until it is fixed.
 */
export interface ProcedureCheckResult {
  procedure?: Procedure;
  problems: Problem[];
  notes: Note[];
}

/** Checks the text of one procedure file. Never throws, whatever the text. */
export function checkProcedureText(text: string): ProcedureCheckResult {
  const read = readProcedureYaml(text);
  if (!read.ok) return { problems: limitProblems(read.problems), notes: [] };
  const schema = checkProcedureSchema(read.data, read.sourceMap);
  if (!schema.ok) return { problems: limitProblems(schema.problems), notes: [] };
  const problems = [...checkProcedureContent(schema.procedure, read.sourceMap), ...checkPracticeRules(schema.procedure, read.sourceMap)];
  const notes = unreviewedLanguageNotes(schema.procedure, read.sourceMap);
  return problems.length === 0 ? { procedure: schema.procedure, problems, notes } : { problems: limitProblems(problems), notes };
}

/** Checks the raw bytes of a procedure file (refusing binary and oversized files first). */
export function checkProcedureBytes(bytes: Uint8Array): ProcedureCheckResult {
  const decoded = decodeProcedureBytes(bytes);
  return decoded.ok ? checkProcedureText(decoded.text) : { problems: decoded.problems, notes: [] };
}

/** A checked file, as the set check needs it. */
export interface CheckedFile {
  fileName: string;
  result: ProcedureCheckResult;
}

/**
 * The checks across files: each procedure's id matches its file name (so staff find it), no
 * two files share an id (the kiosk could not tell them apart), and practice twins name a
 * procedure and still match it (check-twins.ts, which reads `twin` for `references` and
 * `readSource`). Problems are keyed by file name.
 */
export function checkProcedureSet(
  files: readonly CheckedFile[],
  twin: { references?: readonly Procedure[]; readSource?: (fileName: string) => string | undefined } = {},
): Map<string, Problem[]> {
  const problems = new Map<string, Problem[]>();
  const add = (fileName: string, words: ProblemWords): void => {
    problems.set(fileName, [...(problems.get(fileName) ?? []), wordedProblem(1, 1, words)]);
  };
  const firstFileWithId = new Map<string, string>();
  for (const { fileName, result } of files) {
    const procedure = result.procedure;
    if (!procedure) continue;
    const baseName = fileName
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.ya?ml$/, '');
    if (baseName !== procedure.id) add(fileName, { code: 'file-name-mismatch', params: { id: procedure.id } });
    const earlier = firstFileWithId.get(procedure.id);
    if (earlier) add(fileName, { code: 'id-used-twice', params: { id: procedure.id, file: earlier } });
    else firstFileWithId.set(procedure.id, fileName);
  }
  for (const [fileName, found] of checkTwinSet(files, twin.references, twin.readSource)) problems.set(fileName, [...(problems.get(fileName) ?? []), ...found]);
  return problems;
}
