/**
 * "Paso 3 de 7": where the senior is along the branch actually taken, and how many steps are
 * still ahead on it. The answers already given decide the way ahead; an unanswered question
 * counts its longest branch, so the total only shrinks as the senior answers. A "try again" loop
 * counts as asking its question once more. Recomputed from the answers on every call.
 */
import type { Procedure } from '../procedure/schema.js';
import { compileProcedure } from './compiled.js';
import { missingAnswer, nextStepId, type SessionState } from './session.js';

/** The step number on screen and the steps in all. */
export interface Progress {
  position: number;
  total: number;
}

/** Computes the progress of a session. */
export function getProgress(procedure: Procedure, state: SessionState): Progress {
  const { stepById, longestFrom } = compileProcedure(procedure);
  const passed = new Set(state.trail);
  const walked = new Set<string>();
  let ahead = 0;
  let id: string | undefined = state.current;
  while (id !== undefined) {
    const step = stepById.get(id);
    if (!step) break;
    // Ahead of the current step, a step passed before (or earlier in this walk) is entered again
    // round a loop, and the engine then asks it afresh: its stored answer does not decide the way on.
    const reentered = walked.size > 0 && (passed.has(id) || walked.has(id));
    const answer = reentered ? undefined : state.answers[id];
    if (missingAnswer(step, answer)) {
      ahead += longestFrom.get(id) ?? 1;
      break;
    }
    // A loop of steps that ask nothing has no way out; the checker refuses those, but never spin.
    if (walked.has(id)) break;
    walked.add(id);
    ahead += 1;
    id = nextStepId(step, answer);
  }
  return { position: state.trail.length + 1, total: state.trail.length + ahead };
}
