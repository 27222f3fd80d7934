/**
 * Checks one procedure file from disk. An enormous file is refused by its size, without reading
 * it into memory. Synchronous on purpose: a checker reading a thousand small files one after the
 * other spends more time scheduling promises than reading.
 */
import { readFileSync, statSync } from 'node:fs';
import { checkProcedureBytes, type ProcedureCheckResult } from '../../core/procedure/check.js';
import { wordedProblem } from '../../core/procedure/problem.js';
import { fileTooLargeProblem, maxProcedureFileBytes } from '../../core/procedure/read-yaml.js';

/** Reads and checks one file; a file that cannot be read is a problem, not a crash. */
export function checkProcedureFileSync(fileName: string): ProcedureCheckResult {
  try {
    const size = statSync(fileName).size;
    if (size > maxProcedureFileBytes) return { problems: [fileTooLargeProblem(size)], notes: [] };
    return checkProcedureBytes(readFileSync(fileName));
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    return { problems: [wordedProblem(1, 1, { code: 'file-unreadable', params: { detail: reason } })], notes: [] };
  }
}
