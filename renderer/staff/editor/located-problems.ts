/**
 * The checker's problems, placed for the editor: each keeps its line and column (the YAML pane's
 * markers) and gains the data path of the node at that place (the form field that shows it).
 */
import { checkProcedureText } from '../../../core/procedure/check.js';
import type { Note, Problem } from '../../../core/procedure/problem.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { offsetOf, pathFinder, pathStartsWith, type DataPath } from './yaml-document.js';

/** A problem with the data path of the field it is about. */
export interface PlacedProblem extends Problem {
  path: DataPath;
}

/** The outcome of checking the editor's text. */
export interface EditorCheck {
  problems: PlacedProblem[];
  /** Findings that do not stop publishing (a language no native speaker has reviewed), in file order. */
  notes: Note[];
  /** The procedure, when it has no problems at all (what the preview may show). */
  procedure?: Procedure;
}

/** Checks a text with the same pure checker as `npm run procedures:check` and the hub, and places each problem. */
export function checkForEditor(text: string): EditorCheck {
  const result = checkProcedureText(text);
  const find = result.problems.length > 0 ? pathFinder(text) : () => [];
  const problems = result.problems.map((problem) => ({ ...problem, path: find(problem.range?.[0] ?? offsetOf(text, problem.line, problem.column)) }));
  return result.procedure ? { problems, notes: result.notes, procedure: result.procedure } : { problems, notes: result.notes };
}

/** The problems inside a field (its path or below). */
export function problemsUnder(problems: readonly PlacedProblem[], path: DataPath): PlacedProblem[] {
  return problems.filter((problem) => pathStartsWith(problem.path, path));
}

/**
 * The problems inside `path` that none of its shown fields holds, e.g. a step's missing `next`
 * (located at the step itself) or a field the form has no input for. Shown on the step card.
 */
export function problemsNotUnder(problems: readonly PlacedProblem[], path: DataPath, shownFields: readonly (string | number)[]): PlacedProblem[] {
  return problemsUnder(problems, path).filter((problem) => !shownFields.some((field) => pathStartsWith(problem.path, [...path, field])));
}
