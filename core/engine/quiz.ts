/**
 * A quiz step's two phases (issue 18). The screen first asks; once the senior has answered, the
 * same step shows the explanation, naming the senior's answer and the safe one side by side and
 * never judging: whatever was chosen, the same explanation follows and "Siguiente" goes on.
 * The phase is not stored apart: an answer to the quiz in the session is what makes it explain,
 * so the answer lives and is wiped with the session's other answers, on the kiosk only.
 */
import type { LocalizedText, Procedure, StepOf } from '../procedure/schema.js';
import { compileProcedure } from './compiled.js';
import { currentStep, type SessionState } from './session.js';

/** One answer of a quiz as the screen needs it. */
export interface QuizAnswerView {
  id: string;
  label: LocalizedText;
  say?: LocalizedText;
}

/** What a quiz step on screen shows: its question, or after an answer the explanation. */
export type QuizView =
  | { phase: 'ask'; step: StepOf<'quiz'> }
  | {
      phase: 'explain';
      step: StepOf<'quiz'>;
      /** The senior's answer. */
      chosen: QuizAnswerView;
      /** The answer the script marks `correct`. */
      safe: QuizAnswerView;
      /** Whether the senior chose the safe answer: for the lesson's records, never said as a verdict. */
      chosenIsSafe: boolean;
      explanation: LocalizedText;
    };

/** The quiz on screen and its phase, or undefined when the step on screen is not a quiz. */
export function quizView(procedure: Procedure, state: SessionState): QuizView | undefined {
  const step = currentStep(compileProcedure(procedure), state);
  if (step?.kind !== 'quiz') return undefined;
  const answer = state.answers[step.id];
  const chosen = answer?.kind === 'choice' ? step.choices.find((choice) => choice.id === answer.choiceId) : undefined;
  // The checker requires exactly one answer marked correct; a script that slipped past it still shows something.
  const safe = step.choices.find((choice) => choice.correct === true) ?? step.choices[0];
  if (!chosen || !safe) return { phase: 'ask', step };
  return { phase: 'explain', step, chosen: viewOf(chosen), safe: viewOf(safe), chosenIsSafe: chosen.id === safe.id, explanation: step.explanation };
}

function viewOf(choice: StepOf<'quiz'>['choices'][number]): QuizAnswerView {
  return { id: choice.id, label: choice.label, ...(choice.say ? { say: choice.say } : {}) };
}
