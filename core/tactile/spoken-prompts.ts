/**
 * The spoken mode's prompts (issue 17), rendered by the speech builder like every other prompt:
 * its fixed sentences and control words (kiosk.json `tactile.*`), "Respuesta N de M" and
 * "Paso N" for each figure the kiosk can need, and the name of every character the picker offers
 * and the read-back says. A figure or character outside these has no prompt, and describe.ts
 * leaves it out rather than say a wrong one.
 */
import type { PromptText } from '../audio/prompt-text.js';
import { fillTemplate, lookupKey } from '../audio/template.js';
import {
  characterPromptId,
  maxSpokenPartNumber,
  maxSpokenPosition,
  maxSpokenStepNumber,
  positionPromptId,
  previousPartPromptId,
  stepNumberPromptId,
} from './describe.js';
import { pickerDigits, pickerLetters, type PickerCommand } from './picker.js';

/** The spoken mode's fixed sentences and words, as kiosk.json keys (each rendered as `ui/<key>`). */
export const tactileSpokenKeys = [
  'tactile.start',
  'tactile.welcome',
  'tactile.top',
  'tactile.kind.button',
  'tactile.kind.checkbox',
  'tactile.kind.field',
  'tactile.state.checked',
  'tactile.state.unchecked',
  'tactile.state.selected',
  'tactile.field.empty',
  'tactile.field.filled',
  'tactile.typing',
  'tactile.picker',
  'tactile.pickerClosed',
  'tactile.deleted',
  'tactile.nothingTyped',
  'tactile.typedIs',
  'tactile.finished',
  'tactile.noBack',
  'tactile.screenOff',
  'tactile.screenOn',
  'tactile.isOff',
  'tactile.isOn',
  'tactile.command.delete',
  'tactile.command.readBack',
  'tactile.command.finish',
  'tactile.slower',
  'tactile.faster',
  'tactile.quieter',
  'tactile.louder',
  'tactile.slowest',
  'tactile.fastest',
  'tactile.quietest',
  'tactile.loudest',
] as const;

/** The templates filled with every figure (`tactile.answer`, `tactile.step`): their keys are spoken through the ids below. */
export const tactileTemplateKeys = ['tactile.answer', 'tactile.step'] as const;

/** The catalogue key of a picker command's name. */
export function pickerCommandKey(command: PickerCommand): string {
  const keys: Record<PickerCommand, string> = { delete: 'tactile.command.delete', 'read-back': 'tactile.command.readBack', finish: 'tactile.command.finish' };
  return keys[command];
}

/** Every character the spoken mode can name: the picker's letters and digits. */
export const namedCharacters: readonly string[] = [...pickerLetters, ...pickerDigits];

/** The spoken mode's prompts in each locale's language; a key missing from a locale is skipped (audio:check reports it). */
export function tactilePrompts(locales: Readonly<Record<string, unknown>>): PromptText[] {
  const prompts: PromptText[] = [];
  for (const [language, locale] of Object.entries(locales)) {
    const add = (id: string, text: string | undefined): void => {
      if (text !== undefined) prompts.push({ id, language, text, sensitive: false });
    };
    for (const key of tactileSpokenKeys) add(`ui/${key}`, lookupKey(locale, key));
    const answer = lookupKey(locale, 'tactile.answer');
    if (answer !== undefined) {
      for (let total = 1; total <= maxSpokenPosition; total += 1) {
        for (let position = 1; position <= total; position += 1) add(positionPromptId(position, total), fillTemplate(answer, { position, total }));
      }
    }
    const step = lookupKey(locale, 'tactile.step');
    if (step !== undefined) for (let number = 1; number <= maxSpokenStepNumber; number += 1) add(stepNumberPromptId(number), fillTemplate(step, { number }));
    const previousPart = lookupKey(locale, 'fit.previousPart');
    if (previousPart !== undefined)
      for (let part = 1; part <= maxSpokenPartNumber; part += 1) add(previousPartPromptId(part), fillTemplate(previousPart, { part }));
    // A character's name is the character itself: each language's voice says it its own way ("eñe", "zed").
    for (const character of namedCharacters) add(characterPromptId(character), character);
  }
  return prompts;
}
