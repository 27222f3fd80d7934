/**
 * The PRÁCTICA look (issue 18): which procedures put the kiosk in it, where practice scripts go
 * in the catalogue, and what a step offers instead of real data. A practice script sends nothing
 * and opens no official page; the kiosk says so with a constant banner and its own colours, and
 * offers the script's made-up value (`practiceData`) where a real one would be asked for.
 *
 * Pure: the kiosk renders what this decides (renderer/kiosk/practice/).
 */
import type { InputFormat, Procedure, Step } from '../procedure/schema.js';

/**
 * The procedures in catalogue order: the real ones first, as published, then the practice
 * scripts, as published. A senior looking for a real procedure meets real ones first.
 */
export function practiceLast(procedures: readonly Procedure[]): Procedure[] {
  return [...procedures.filter((procedure) => procedure.practice !== true), ...procedures.filter((procedure) => procedure.practice === true)];
}

/**
 * Whether the screen shows the PRÁCTICA look: in a workshop always (a workshop holds only
 * practice material), otherwise while a practice procedure is on screen.
 */
export function inPracticeLook(procedure: Procedure | undefined, inWorkshop: boolean): boolean {
  return inWorkshop || procedure?.practice === true;
}

/** What a step offers in the PRÁCTICA look in place of real data. */
export type PracticeOffer =
  /** An input: the value in words ("Use este DNI de práctica: 12345678Z") and a button that types it. */
  | { kind: 'fill'; value: string; wordsKey: PracticeWordsKey }
  /** Any other step: the made-up value shown as what the senior would have received (a code). */
  | { kind: 'show'; value: string };

/** The kiosk.json keys of an input's offer, by what the field asks for. */
export type PracticeWordsKey =
  | 'practice.useDni'
  | 'practice.usePhone'
  | 'practice.useDate'
  | 'practice.usePostcode'
  | 'practice.useNumber'
  | 'practice.useText';

const wordsByFormat: Record<InputFormat, PracticeWordsKey> = {
  'dni-nie': 'practice.useDni',
  phone: 'practice.usePhone',
  mobile: 'practice.usePhone',
  date: 'practice.useDate',
  postcode: 'practice.usePostcode',
  number: 'practice.useNumber',
  text: 'practice.useText',
};

/**
 * The step's practice offer, or none: only in the PRÁCTICA look (a real procedure never offers
 * made-up data, even if a script carried some) and only on a step with `practiceData`.
 */
export function practiceOffer(step: Step, practiceLook: boolean): PracticeOffer | undefined {
  if (!practiceLook || step.practiceData === undefined) return undefined;
  if (step.kind === 'input') return { kind: 'fill', value: step.practiceData, wordsKey: wordsByFormat[step.format] };
  return { kind: 'show', value: step.practiceData };
}
