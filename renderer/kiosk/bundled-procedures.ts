/**
 * The sample procedures bundled into the page and checked in the browser with the same checker
 * staff use. Until the hub serves published procedures (issue 3), this is where the kiosk gets
 * them; it also proves that core/ runs unchanged in a browser.
 */
import { checkProcedureText } from '../../core/procedure/check.js';
import type { Procedure } from '../../core/procedure/schema.js';

const sources = import.meta.glob<string>('../../assets/procedures/*.yaml', { query: '?raw', import: 'default', eager: true });

/** The bundled procedures that pass the checker, in file-name order. */
export function loadBundledProcedures(): Procedure[] {
  return Object.keys(sources)
    .sort()
    .map((name) => checkProcedureText(sources[name] ?? '').procedure)
    .filter((procedure): procedure is Procedure => procedure !== undefined);
}
