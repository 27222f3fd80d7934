import { describeProblem, renderMessage, renderWords, type CheckerCode, type MessageParams, type PlacePart, type ProblemWords } from './messages/catalog.js';

/**
 * A problem found in a procedure file, located where a person would fix it.
 *
 * Lines and columns count from 1, like every editor. `range` is the character offsets of the
 * offending text, so the staff editor can underline it. `message` is in English (the command
 * line's words); `code`, `params` and `place` let a screen word it in its own language
 * (messages/catalog.ts `describeProblem`). A problem stored before codes existed has only `message`.
 */
export interface Problem {
  line: number;
  column: number;
  message: string;
  range?: readonly [start: number, end: number];
  code?: CheckerCode;
  params?: MessageParams;
  place?: readonly PlacePart[];
}

/** A problem at a line and column, worded from the catalogue (its `message` in English). */
export function wordedProblem(line: number, column: number, words: ProblemWords, range?: readonly [number, number]): Problem {
  return {
    line,
    column,
    message: renderWords('en', words),
    code: words.code,
    ...(words.params ? { params: words.params } : {}),
    ...(words.place && words.place.length > 0 ? { place: words.place } : {}),
    ...(range ? { range } : {}),
  };
}

/** The kinds of note; each names what it is about, so the staff console can word it in its own language. */
export type NoteKind = 'unreviewed-language';

/**
 * A finding that does not fail the check and does not stop publishing: something staff should
 * know and act on, at its place in the file. Its `message` is in English, like a problem's (for
 * `npm run procedures:check`); `kind` and `language` let a screen say it in its own words.
 */
export interface Note extends Problem {
  kind: NoteKind;
  /** The language the note is about (for `unreviewed-language`, the one not yet reviewed). */
  language: string;
}

/** The most problems reported for one file; past it a single line says how many were left out. */
export const maxProblemsPerFile = 50;

/** Formats a problem the way compilers do, so editors and CI logs can jump to it: `path:line:column: message` (in English unless `language` says otherwise). */
export function formatProblem(fileName: string, problem: Problem, language = 'en'): string {
  return `${fileName}:${problem.line}:${problem.column}: ${describeProblem(problem, language)}`;
}

/**
 * Keeps the first {@link maxProblemsPerFile} problems, sorted by place, and says how many more
 * there were. Each message is made one line: a message may quote the file (a key written with
 * YAML's `? ` can hold a line break), and `path:line:column: message` must stay one line.
 */
export function limitProblems(problems: readonly Problem[]): Problem[] {
  const sorted = problems
    .map((problem) =>
      problem.message.includes('\n') || problem.message.includes('\r') ? { ...problem, message: problem.message.replace(/\s*[\r\n]+\s*/g, ' ') } : problem,
    )
    .sort((a, b) => a.line - b.line || a.column - b.column);
  if (sorted.length <= maxProblemsPerFile) return sorted;
  const kept = sorted.slice(0, maxProblemsPerFile);
  const last = kept[kept.length - 1] ?? { line: 1, column: 1 };
  kept.push(wordedProblem(last.line, last.column, { code: 'more-problems', params: { count: sorted.length - maxProblemsPerFile } }));
  return kept;
}

/** Formats a note like a problem, marked as a note, as compilers mark theirs: `path:line:column: note: message`. */
export function formatNote(fileName: string, note: Note, language = 'en'): string {
  return `${fileName}:${note.line}:${note.column}: ${renderMessage(language, 'cli.note')}: ${describeProblem(note, language)}`;
}
