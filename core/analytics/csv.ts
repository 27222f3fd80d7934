/**
 * CSV for the analytics export, as spreadsheets read it (RFC 4180): comma-separated, CRLF line
 * ends, a field quoted when it holds a comma, a quote or a line break, quotes doubled inside.
 * Text that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return before one) is prefixed with an apostrophe: titles come from scripts staff typed, and a
 * CSV must never become a way to run something on the desk of whoever opens it. Pure.
 */
import type { LocalizedText } from '../procedure/schema.js';
import type { AnalyticsResponse } from '../protocol/staff-console.js';

/** A cell: text, a number, or empty. */
export type CsvCell = string | number | null;

/** One field, escaped. */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text, each line ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/** The columns of the analytics export. */
export const analyticsCsvHeader = [
  'procedure_id',
  'procedure_title',
  'step_id',
  'step_title',
  'started',
  'reached',
  'completed',
  'help_calls',
  'idle_resets',
  'abandoned',
  'escalations',
  'median_accept_seconds',
  'median_arrive_seconds',
] as const;

function titleIn(text: LocalizedText | null, language: string): string | null {
  if (!text) return null;
  return text[language] ?? Object.values(text)[0] ?? null;
}

/**
 * The analytics as rows: per procedure one summary row (empty step columns), then one row per
 * step. Titles in `language` (Spanish unless told), falling back to the script's first language.
 */
export function analyticsCsvRows(analytics: AnalyticsResponse, language = 'es'): CsvCell[][] {
  const rows: CsvCell[][] = [[...analyticsCsvHeader]];
  for (const procedure of analytics.procedures) {
    const title = titleIn(procedure.title, language);
    rows.push([
      procedure.procedureId,
      title,
      null,
      null,
      procedure.started,
      null,
      procedure.completed,
      procedure.helpCalls,
      procedure.idleResets,
      procedure.abandoned,
      procedure.escalations,
      procedure.medianAcceptSeconds,
      procedure.medianArriveSeconds,
    ]);
    for (const step of procedure.steps) {
      rows.push([
        procedure.procedureId,
        title,
        step.stepId,
        titleIn(step.title, language),
        null,
        step.reached,
        null,
        step.helpCalls,
        step.idleResets,
        step.abandoned,
        null,
        null,
        null,
      ]);
    }
  }
  return rows;
}
