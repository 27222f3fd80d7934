/**
 * What the spoken mode says when a control is reached (issue 17): its name (the prompts of its
 * visible label, from the same catalogue), what kind of control it is and its state, and for an
 * answer its place among the answers: "Sí, me lo han pedido. Respuesta 1 de 3." Pure; the kiosk
 * reads the facts off the control and plays the list.
 */
import type { Utterance } from '../audio/channel.js';
import { uiPromptId } from '../audio/prompt-names.js';

/** The kinds of control the kiosk has, as the spoken mode names them. */
export type ControlRole = 'button' | 'choice' | 'checkbox' | 'field';

/** What the kiosk knows of one control. */
export interface ControlFacts {
  /** Its visible label, as prompts (the control's `data-spoken`). */
  label: readonly Utterance[];
  role: ControlRole;
  /** An answer's place among its question's answers, from 1. */
  position?: { index: number; count: number };
  /** A checkbox: ticked or not. */
  checked?: boolean;
  /** An answer or option already chosen (the comfort screen's sizes, for example). */
  selected?: boolean;
  /** A field: how many characters are typed in it (never what they are). */
  typedLength?: number;
}

/** The most answers a question can have and still be told "Respuesta N de M" (prompts are rendered for each pair). */
export const maxSpokenPosition = 6;
/** The highest step number rendered as "Paso N". */
export const maxSpokenStepNumber = 30;

/** The prompt of "Respuesta `index` de `count`". */
export function positionPromptId(index: number, count: number): string {
  return uiPromptId(`tactile.answer.${String(index)}.${String(count)}`);
}

/** The prompt of "Paso `number`". */
export function stepNumberPromptId(number: number): string {
  return uiPromptId(`tactile.step.${String(number)}`);
}

/** The highest part number rendered as "Volver a la parte N" (a step is rarely split in more than three). */
export const maxSpokenPartNumber = 9;

/** The prompt of "Volver a la parte `part`", the fit pager's way back (kiosk.json `fit.previousPart`). */
export function previousPartPromptId(part: number): string {
  return uiPromptId(`fit.previousPart.${String(part)}`);
}

/** The prompt of one character's name (a letter, a digit), as the picker and the read-back say it. */
export function characterPromptId(character: string): string {
  return uiPromptId(`tactile.char.${character}`);
}

const tactile = (key: string): Utterance => ({ id: uiPromptId(`tactile.${key}`) });

/** The list said when `facts`' control is reached. */
export function describeControl(facts: ControlFacts): Utterance[] {
  const list: Utterance[] = [...facts.label];
  switch (facts.role) {
    case 'button':
      list.push(tactile('kind.button'));
      break;
    case 'choice':
      if (facts.selected === true) list.push(tactile('state.selected'));
      break;
    case 'checkbox':
      list.push(tactile('kind.checkbox'), tactile(facts.checked === true ? 'state.checked' : 'state.unchecked'));
      break;
    case 'field':
      list.push(tactile('kind.field'), tactile((facts.typedLength ?? 0) > 0 ? 'field.filled' : 'field.empty'));
      break;
  }
  const position = facts.position;
  if (position && position.count <= maxSpokenPosition && position.index >= 1 && position.index <= position.count) {
    list.push({ id: positionPromptId(position.index, position.count) });
  }
  return list;
}

/**
 * What is typed, spoken character by character ("uno, dos, zeta"), private: it is the senior's
 * personal data, heard only through the headphones of the spoken mode. Characters without a
 * name of their own are skipped rather than guessed.
 */
export function readBackUtterances(typed: string, named: (character: string) => boolean): Utterance[] {
  if (typed.length === 0) return [{ ...tactile('nothingTyped') }];
  const characters = [...typed.toLocaleUpperCase('es')].filter(named);
  return [tactile('typedIs'), ...characters.map((character): Utterance => ({ id: characterPromptId(character), privacy: 'private' }))];
}
