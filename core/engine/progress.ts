/**
 * "Paso 3 de 7": where the senior is along the branch actually taken, and how many steps are
 * still ahead on it. Unanswered questions count their longest branch, so the total only ever
 * shrinks as the senior answers; it is recomputed from the answers on every call.
 */
import type { Procedure } from '../procedure/schema.js';
import { compileProcedure } from './compiled.js';
import { plannedPath, type SessionState } from './session.js';

/** The step number on screen and the steps in all. */
export interface Progress {
  position: number;
  total: number;
}

/** Computes the progress of a session. */
export function getProgress(procedure: Procedure, state: SessionState): Progress {
  const compiled = compileProcedure(procedure);
  const position = state.trail.length + 1;
  const planned = plannedPath(compiled, state.current, state.answers);
  const last = planned[planned.length - 1];
  const lastStep = last === undefined ? undefined : compiled.stepById.get(last);
  // The planned path stops at the first undecided step (or a loop); count the longest way on from there.
  const beyond = lastStep && lastStep.kind !== 'done' ? (compiled.longestFrom.get(lastStep.id) ?? 1) - 1 : 0;
  return { position, total: position + Math.max(planned.length - 1, 0) + beyond };
}
