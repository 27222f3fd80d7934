/** The step engine's public surface. */
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
export { parseSessionState, sessionStateSchema } from './state-schema.js';
