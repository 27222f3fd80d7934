/**
 * The step engine's public surface. Reading a stored state back (state-schema.ts) is imported
 * from its own module: it uses zod, which the kiosk, the engine's main user, does not ship.
 */
export { compileProcedure } from './compiled.js';
export { getProgress } from './progress.js';
export { quizView, type QuizAnswerView, type QuizView } from './quiz.js';
export { reviewLines } from './review.js';
export {
  answerStep,
  clearAnswer,
  correctAnswer,
  goBack,
  goNext,
  jumpToStep,
  possibleNextStepIds,
  startSession,
  type AnswerInput,
  type EngineResult,
  type SessionState,
} from './session.js';
