/**
 * What a review step lists: every answer on the path actually taken, in the order given, each
 * with the step to go back to for "Corregir". Answers on branches the senior left are kept in
 * the state but not shown or used.
 */
import type { LocalizedText, Procedure } from '../procedure/schema.js';
import { compileProcedure } from './compiled.js';
import type { SessionState } from './session.js';

/** How one answer reads on the review screen. */
export type ReviewValue = { kind: 'choice'; label: LocalizedText } | { kind: 'text'; value: string } | { kind: 'checklist'; labels: LocalizedText[] };

/** One line of the review screen. */
export interface ReviewLine {
  stepId: string;
  /** The question or field label. */
  label: LocalizedText;
  value: ReviewValue;
  /** From a sensitive step: shown on the kiosk only, never spoken on the speaker. */
  sensitive: boolean;
}

/** The answers on the path taken so far, for the review step. */
export function reviewLines(procedure: Procedure, state: SessionState): ReviewLine[] {
  const { stepById } = compileProcedure(procedure);
  const lines: ReviewLine[] = [];
  // Round a loop a step is passed more than once; list it once, where it was last answered.
  const lastVisit = new Map(state.trail.map((stepId, index) => [stepId, index]));
  for (const [index, stepId] of state.trail.entries()) {
    if (lastVisit.get(stepId) !== index) continue;
    const step = stepById.get(stepId);
    const answer = state.answers[stepId];
    if (!step || !answer) continue;
    const sensitive = step.sensitive === true;
    if (step.kind === 'question' && answer.kind === 'choice') {
      const choice = step.choices.find((c) => c.id === answer.choiceId);
      if (choice) lines.push({ stepId, label: step.title, value: { kind: 'choice', label: choice.label }, sensitive });
    } else if (step.kind === 'input' && answer.kind === 'text') {
      lines.push({ stepId, label: step.label, value: { kind: 'text', value: answer.value }, sensitive });
    } else if (step.kind === 'checklist' && answer.kind === 'checklist') {
      const labels = step.items.filter((item) => answer.checked.includes(item.id)).map((item) => item.label);
      lines.push({ stepId, label: step.title, value: { kind: 'checklist', labels }, sensitive });
    }
  }
  return lines;
}
