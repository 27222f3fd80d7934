/**
 * Reads a session state back from JSON (a renderer reload, the staff preview's "share this
 * step" link) and refuses anything that does not fit the procedure, instead of trusting it.
 */
import { z } from 'zod';
import type { Procedure } from '../procedure/schema.js';
import { compileProcedure } from './compiled.js';
import type { SessionState } from './session.js';

const stepIdSchema = z.string().min(1).max(64);

/** The JSON shape of a {@link SessionState}. */
export const sessionStateSchema = z.strictObject({
  procedureId: z.string().min(1).max(64),
  procedureVersion: z.int().min(1),
  current: stepIdSchema,
  trail: z.array(stepIdSchema).max(1000),
  answers: z.record(
    stepIdSchema,
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('choice'), choiceId: z.string().max(64) }),
      z.strictObject({ kind: z.literal('text'), value: z.string().max(200) }),
      z.strictObject({ kind: z.literal('checklist'), checked: z.array(z.string().max(64)).max(20) }),
    ]),
  ),
  correction: z.strictObject({ reviewStepId: stepIdSchema, passedSteps: z.array(stepIdSchema).max(1000) }).optional(),
});

/** Parses a stored state for a procedure; every step it names must exist in that procedure's version. */
export function parseSessionState(procedure: Procedure, value: unknown): { ok: true; state: SessionState } | { ok: false; message: string } {
  const parsed = sessionStateSchema.safeParse(value);
  if (!parsed.success) return { ok: false, message: `the saved session is not valid: ${parsed.error.issues[0]?.message ?? 'unknown shape'}` };
  const state = parsed.data;
  if (state.procedureId !== procedure.id || state.procedureVersion !== procedure.version) {
    return {
      ok: false,
      message: `the saved session is for ${state.procedureId} version ${state.procedureVersion}, not ${procedure.id} version ${procedure.version}`,
    };
  }
  const { stepById } = compileProcedure(procedure);
  const named = [state.current, ...state.trail, ...Object.keys(state.answers), ...(state.correction ? [state.correction.reviewStepId] : [])];
  const unknown = named.find((id) => !stepById.has(id));
  if (unknown !== undefined) return { ok: false, message: `the saved session names the step "${unknown}", which this procedure does not have` };
  const { correction, ...rest } = state;
  return { ok: true, state: correction ? { ...rest, correction } : rest };
}
