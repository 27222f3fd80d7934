/**
 * The step engine's public surface. Reading a stored state back (state-schema.ts) is imported
 * from its own module: it uses zod, which the kiosk, the engine's main user, does not ship.
 */
export { compileProcedure, type CompiledProcedure } from './compiled.js';
export { getProgress, type Progress } from './progress.js';
export { reviewLines, type ReviewLine, type ReviewValue } from './review.js';
export {
  answerStep,
  clearAnswer,
  correctAnswer,
  goBack,
  goNext,
  jumpToStep,
  possibleNextStepIds,
  startSession,
  type Answer,
  type AnswerInput,
  type Correction,
  type EngineError,
  type EngineResult,
  type SessionState,
} from './session.js';
