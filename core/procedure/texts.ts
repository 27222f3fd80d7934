/**
 * Lists every piece of text in a procedure with where it sits and how it is used. The language
 * check walks it to find missing translations, and the audio builder walks it to find what to
 * speak, so both agree on what "every text" means.
 */
import type { LocalizedText, Procedure, Step } from './schema.js';
import type { DataPath } from './source-map.js';

/** What a text is for; decides whether it is spoken and who sees it. */
export type TextRole =
  | 'title'
  | 'summary'
  | 'step-title'
  | 'step-text'
  | 'step-say'
  | 'help'
  | 'image-alt'
  | 'common-problem'
  | 'choice-label'
  | 'choice-say'
  | 'input-label'
  | 'pattern-error'
  | 'quiz-explanation'
  | 'checklist-item'
  | 'done-what-next'
  | 'done-take-home'
  | 'requirement-label'
  | 'requirement-question'
  | 'requirement-if-missing'
  | 'channel-label'
  | 'channel-details'
  | 'glossary-term'
  | 'glossary-meaning';

/** One text of a procedure and its context. */
export interface TextEntry {
  path: DataPath;
  text: LocalizedText;
  role: TextRole;
  /** Spoken aloud on the kiosk (volunteer-only and picture descriptions are not). */
  spoken: boolean;
  /** The step it belongs to, if any. */
  stepId?: string;
  /** It belongs to a sensitive step: never on the speaker, never on a volunteer's device. */
  sensitive: boolean;
}

// Volunteers read common problems; picture descriptions stand in for the picture, which the spoken text already covers.
const unspokenRoles: ReadonlySet<TextRole> = new Set(['common-problem', 'image-alt']);

/** Every text of a procedure, in file order. */
export function listTexts(procedure: Procedure): TextEntry[] {
  const entries: TextEntry[] = [];
  const add: Add = (path, text, role, step, spoken = !unspokenRoles.has(role)) => {
    if (!text) return;
    entries.push({ path, text, role, spoken, sensitive: step?.sensitive === true, ...(step ? { stepId: step.id } : {}) });
  };

  add(['title'], procedure.title, 'title');
  add(['summary'], procedure.summary, 'summary');
  procedure.requirements.forEach((requirement, i) => {
    add(['requirements', i, 'label'], requirement.label, 'requirement-label');
    add(['requirements', i, 'question'], requirement.question, 'requirement-question');
    add(['requirements', i, 'ifMissing'], requirement.ifMissing, 'requirement-if-missing');
  });
  procedure.channels.forEach((channel, i) => {
    add(['channels', i, 'label'], channel.label, 'channel-label');
    add(['channels', i, 'details'], channel.details, 'channel-details');
  });
  procedure.glossary.forEach((entry, i) => {
    add(['glossary', i, 'term'], entry.term, 'glossary-term');
    add(['glossary', i, 'meaning'], entry.meaning, 'glossary-meaning');
  });
  procedure.steps.forEach((step, i) => addStepTexts(step, ['steps', i], add));
  return entries;
}

type Add = (path: DataPath, text: LocalizedText | undefined, role: TextRole, step?: Step, spoken?: boolean) => void;

function addStepTexts(step: Step, at: DataPath, add: Add): void {
  add([...at, 'title'], step.title, 'step-title', step);
  // `say` replaces `text` as what is spoken, so when it is there `text` is only shown.
  add([...at, 'text'], step.text, 'step-text', step, step.say === undefined);
  add([...at, 'say'], step.say, 'step-say', step);
  add([...at, 'help'], step.help, 'help', step);
  if (step.image) add([...at, 'image', 'alt'], step.image.alt, 'image-alt', step);
  step.commonProblems?.forEach((problem, i) => add([...at, 'commonProblems', i], problem, 'common-problem', step));
  switch (step.kind) {
    case 'question':
      step.choices.forEach((choice, i) => {
        add([...at, 'choices', i, 'label'], choice.label, 'choice-label', step, choice.say === undefined);
        add([...at, 'choices', i, 'say'], choice.say, 'choice-say', step);
      });
      break;
    case 'quiz':
      step.choices.forEach((choice, i) => {
        add([...at, 'choices', i, 'label'], choice.label, 'choice-label', step, choice.say === undefined);
        add([...at, 'choices', i, 'say'], choice.say, 'choice-say', step);
      });
      add([...at, 'explanation'], step.explanation, 'quiz-explanation', step);
      break;
    case 'input':
      add([...at, 'label'], step.label, 'input-label', step);
      add([...at, 'patternError'], step.patternError, 'pattern-error', step);
      break;
    case 'checklist':
      step.items.forEach((item, i) => add([...at, 'items', i, 'label'], item.label, 'checklist-item', step));
      break;
    case 'done':
      add([...at, 'whatNext'], step.whatNext, 'done-what-next', step);
      add([...at, 'takeHome'], step.takeHome, 'done-take-home', step);
      break;
    case 'info':
    case 'review':
    case 'handoff':
      break;
  }
}
