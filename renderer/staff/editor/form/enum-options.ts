/**
 * The fixed choices the form offers (step kinds, where speech plays, typed-answer formats, the
 * kinds of channel and appointment), each in words in the console's language; the script keeps
 * the stable code.
 */
import type { TFunction } from 'i18next';
import { channelSchema, inputFormatSchema, speechOutputSchema, stepKinds } from '../../../../core/procedure/schema.js';

/** One choice of a select: the stored code and its words. */
export interface EnumOption {
  value: string;
  label: string;
}

/** A step kind in words ("Pregunta" for `question`); an unknown kind as written. */
export function stepKindWords(kind: string, t: TFunction): string {
  return (stepKinds as readonly string[]).includes(kind) ? t(`form.kinds.${kind}`) : kind;
}

/** Every step kind, in words. */
export function stepKindOptions(t: TFunction): EnumOption[] {
  return stepKinds.map((kind) => ({ value: kind, label: stepKindWords(kind, t) }));
}

/** Where the step's speech plays; the empty value leaves the field out (the speaker). */
export function speakOptions(t: TFunction): EnumOption[] {
  return [{ value: '', label: t('form.speak.default') }, ...speechOutputSchema.options.map((value) => ({ value, label: t(`form.speak.${value}`) }))];
}

/** The typed-answer formats of an input step. */
export function inputFormatOptions(t: TFunction): EnumOption[] {
  return inputFormatSchema.options.map((value) => ({ value, label: t(`form.formats.${value}`) }));
}

/** The ways to do a procedure away from the kiosk. */
export function channelKindOptions(t: TFunction): EnumOption[] {
  return channelSchema.shape.kind.options.map((value) => ({ value, label: t(`form.channelKinds.${value}`) }));
}

/** Whether a channel needs an appointment; the empty value leaves the field out. */
export function appointmentOptions(t: TFunction): EnumOption[] {
  return [
    { value: '', label: t('form.appointments.none') },
    ...channelSchema.shape.appointment.unwrap().options.map((value) => ({ value, label: t(`form.appointments.${value}`) })),
  ];
}

// The words of each field only some step kinds have, as the form labels it.
const kindFieldKeys: Record<string, string> = {
  next: 'editor.next',
  choices: 'editor.choices',
  explanation: 'form.explanation',
  format: 'form.format',
  label: 'form.inputLabel',
  pattern: 'form.pattern',
  patternError: 'form.patternError',
  example: 'form.inputExample',
  optional: 'form.optional',
  items: 'form.items',
  requireAll: 'form.requireAll',
  whatNext: 'form.whatNext',
  takeHome: 'form.takeHome',
  qrUrl: 'form.qrUrl',
};

/** A step field's name as the form shows it ("Respuestas" for `choices`); an unknown field as written. */
export function stepFieldWords(field: string, t: TFunction): string {
  const key = kindFieldKeys[field];
  return key ? t(key) : field;
}
