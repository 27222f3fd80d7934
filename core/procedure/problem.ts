/**
 * A problem found in a procedure file, located where a person would fix it.
 *
 * Lines and columns count from 1, like every editor. `range` is the character offsets of the
 * offending text, so the staff editor can underline it.
 */
export interface Problem {
  line: number;
  column: number;
  message: string;
  range?: readonly [start: number, end: number];
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

/** Formats a problem the way compilers do, so editors and CI logs can jump to it: `path:line:column: message`. */
export function formatProblem(fileName: string, problem: Problem): string {
  return `${fileName}:${problem.line}:${problem.column}: ${problem.message}`;
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
  kept.push({
    line: last.line,
    column: last.column,
    message: `${sorted.length - maxProblemsPerFile} more problems were not listed; fix these first`,
  });
  return kept;
}

/** Formats a note like a problem, marked as a note, as compilers mark theirs: `path:line:column: note: message`. */
export function formatNote(fileName: string, note: Note): string {
  return `${fileName}:${note.line}:${note.column}: note: ${note.message}`;
}
