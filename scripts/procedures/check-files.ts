/**
 * Reads procedure files from disk and runs the pure checker on them. Kept apart from the CLI
 * entry so tests and the benchmark can call it directly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkProcedureSet, type CheckedFile } from '../../core/procedure/check.js';
import type { Procedure } from '../../core/procedure/schema.js';
import { renderMessage } from '../../core/procedure/messages/catalog.js';
import { formatNote, formatProblem } from '../../core/procedure/problem.js';
import { checkProcedureFileSync } from './check-one-file.js';

/** What the checker prints and how it exits. */
export interface CheckReport {
  lines: string[];
  exitCode: 0 | 1 | 2;
  files: CheckedFile[];
}

/** Expands folders to their `.yaml`/`.yml` files (sorted, recursively) and keeps files as given. */
export async function findProcedureFiles(targets: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const target of targets) {
    const info = await stat(target).catch(() => undefined);
    if (!info) missing.push(target);
    else if (info.isDirectory()) files.push(...(await listYamlFiles(target)));
    else files.push(target);
  }
  return { files, missing };
}

async function listYamlFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await listYamlFiles(full)));
    else if (/\.ya?ml$/.test(entry.name)) found.push(full);
  }
  return found;
}

/**
 * The language the command line speaks, from the environment as POSIX tools read it: `LC_ALL`,
 * else `LC_MESSAGES`, else `LANG`. Spanish for `es…` (`es_ES.UTF-8`), else English.
 */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): 'en' | 'es' {
  const setting = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => value !== undefined && value !== '');
  return setting?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Checks files and folders, returning the lines to print (in `language`, English by default) and the exit code. */
export async function checkProcedureFiles(targets: readonly string[], language: 'en' | 'es' = 'en'): Promise<CheckReport> {
  const say = (code: Parameters<typeof renderMessage>[1], params?: Parameters<typeof renderMessage>[2]): string => renderMessage(language, code, params);
  const { files, missing } = await findProcedureFiles(targets);
  const lines = missing.map((target) => say('cli.no-such-file', { target }));
  if (files.length === 0 && missing.length === 0) {
    return { lines: [say('cli.no-files', { targets: targets.join(', ') })], exitCode: 2, files: [] };
  }

  const checked = checkAll(files);
  const setProblems = checkProcedureSet(checked, { references: twinSourcesOutside(checked), readSource: readTextOrNothing });

  let problemCount = 0;
  for (const { fileName, result } of checked) {
    for (const problem of [...result.problems, ...(setProblems.get(fileName) ?? [])]) {
      lines.push(formatProblem(fileName, problem, language));
      problemCount += 1;
    }
  }
  // Notes come after every problem: they do not fail the check, and a failing run's problems should come first.
  const noteCount = checked.reduce((sum, { result }) => sum + result.notes.length, 0);
  for (const { fileName, result } of checked) {
    for (const note of result.notes) lines.push(formatNote(fileName, note, language));
  }
  const notesSaid = noteCount > 0 ? say(noteCount === 1 ? 'cli.notes-one' : 'cli.notes-other', { count: noteCount }) : '';
  if (problemCount > 0 || missing.length > 0) {
    const bad = checked.filter(({ fileName, result }) => result.problems.length > 0 || setProblems.has(fileName)).length;
    lines.push(
      say('cli.problems-in-files', {
        problems: say(problemCount === 1 ? 'cli.problems-one' : 'cli.problems-other', { count: problemCount }),
        bad,
        files: say(checked.length === 1 ? 'cli.files-one' : 'cli.files-other', { count: checked.length }),
        notes: notesSaid,
      }),
    );
    return { lines, exitCode: 1, files: checked };
  }
  lines.push(summarise(checked, language, notesSaid));
  return { lines, exitCode: 0, files: checked };
}

/**
 * Checks files one after the other on this thread. Worker threads were tried and measured: each
 * costs about 0.4 s to start with the TypeScript loader, more than it saves on 1,000 files.
 */
function checkAll(files: readonly string[]): CheckedFile[] {
  return files.map((fileName) => ({ fileName, result: checkProcedureFileSync(fileName) }));
}

/**
 * The sources of the practice twins checked whose source is not among the files checked (staff
 * checking one twin): looked for beside the twin and in the folder above (a twin in
 * `assets/procedures/workshop/` comes from `assets/procedures/`). Not reported on, only compared with.
 */
function twinSourcesOutside(checked: readonly CheckedFile[]): Procedure[] {
  const ids = new Set(checked.flatMap(({ result }) => (result.procedure ? [result.procedure.id] : [])));
  const found: Procedure[] = [];
  for (const { fileName, result } of checked) {
    const sourceId = result.procedure?.twinOf;
    if (sourceId === undefined || ids.has(sourceId)) continue;
    for (const folder of [path.dirname(fileName), path.dirname(path.dirname(fileName))]) {
      const candidate = path.join(folder, `${sourceId}.yaml`);
      const source = existsSync(candidate) ? checkProcedureFileSync(candidate).procedure : undefined;
      if (source?.id === sourceId) {
        found.push(source);
        ids.add(sourceId);
        break;
      }
    }
  }
  return found;
}

/** A file's text, to place a problem across files at its field; nothing when it cannot be read. */
function readTextOrNothing(fileName: string): string | undefined {
  try {
    return readFileSync(fileName, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function summarise(files: readonly CheckedFile[], language: 'en' | 'es', notes: string): string {
  const procedures = files.map((file) => file.result.procedure).filter((p) => p !== undefined);
  const steps = procedures.reduce((sum, procedure) => sum + procedure.steps.length, 0);
  const languages = [...new Set(procedures.flatMap((procedure) => procedure.languages))].sort();
  return renderMessage(language, 'cli.ok', {
    procedures: renderMessage(language, procedures.length === 1 ? 'cli.procedures-one' : 'cli.procedures-other', { count: procedures.length }),
    steps,
    languages: languages.join(', '),
    notes,
  });
}
