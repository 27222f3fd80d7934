/**
 * The procedures the hub serves to kiosks and describes to volunteers. Loaded from the sample
 * folder and checked at start; publishing new versions arrives with the staff console.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkProcedureBytes } from '../../core/procedure/check.js';
import type { Procedure, Step } from '../../core/procedure/schema.js';

/** Published procedures by id. */
export interface ProcedureCatalog {
  list(): readonly Procedure[];
  get(id: string): Procedure | undefined;
  step(procedureId: string, stepId: string): Step | undefined;
}

/** Loads every procedure of a folder; a file with problems is left out and reported to `log`. */
export function loadProcedureCatalog(folder: string, log: (message: string) => void): ProcedureCatalog {
  const procedures = new Map<string, Procedure>();
  for (const name of readdirSync(folder).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    const result = checkProcedureBytes(readFileSync(path.join(folder, name)));
    if (result.procedure) procedures.set(result.procedure.id, result.procedure);
    else log(`procedure ${name} was not loaded: ${result.problems[0]?.message ?? 'unknown problem'}`);
  }
  return {
    list: () => [...procedures.values()],
    get: (id) => procedures.get(id),
    step: (procedureId, stepId) => procedures.get(procedureId)?.steps.find((step) => step.id === stepId),
  };
}
