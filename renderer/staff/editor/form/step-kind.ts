/**
 * Changing a step's kind from the form: the fields the new kind has no place for are removed
 * (the schema refuses them, and the form could not show them to be removed by hand) and the ones
 * it needs are added, so the step stays a step the clerk can finish in the form. Where the step
 * led is kept: on a question's first answer, and back from it; on a quiz's one `next` (a quiz's
 * answers lead nowhere of their own, and turned into a question each leads where the quiz did).
 */
import { stepSchema, type StepKind } from '../../../../core/procedure/schema.js';
import { asList, asRecord, asText } from '../form-data.js';
import type { DataPath, FormEdit } from '../yaml-document.js';
import { emptyText, newChecklistItem, newChoice } from './item-templates.js';

const kindKeys = new Map<string, ReadonlySet<string>>(stepSchema.options.map((option) => [option.shape.kind.value, new Set(Object.keys(option.shape))]));

/** The fields a step of `kind` may have; for an unknown kind, those every kind has. */
export function fieldsOfKind(kind: string): readonly string[] {
  const own = kindKeys.get(kind);
  if (own) return [...own];
  return [...(kindKeys.get('review') ?? [])].filter((key) => key !== 'next');
}

/** The fields of `step` that a step of `kind` cannot have. */
export function droppedByKindChange(step: Record<string, unknown>, kind: StepKind): string[] {
  const allowed = kindKeys.get(kind);
  return allowed ? Object.keys(step).filter((key) => !allowed.has(key)) : [];
}

/** The edits that turn the step at `path` into a step of `kind`. */
export function kindChangeEdits(step: Record<string, unknown>, path: DataPath, kind: StepKind, languages: readonly string[]): FormEdit[] {
  const set = (key: string, value: unknown): FormEdit => ({ kind: 'set', path: [...path, key], value });
  const edits: FormEdit[] = [set('kind', kind), ...droppedByKindChange(step, kind).map((key) => set(key, undefined))];
  const allowed = kindKeys.get(kind);
  const led = asText(step['next']) || asText(asRecord(asList(step['choices'])[0])['next']);
  if (kind === 'question' && step['choices'] === undefined) {
    const first = newChoice([], languages, led || undefined);
    edits.push(set('choices', [first, newChoice([first.id], languages)]));
  }
  if (kind === 'quiz') {
    const choices = asList(step['choices']);
    if (step['choices'] === undefined) {
      const first = newChoice([], languages);
      edits.push(set('choices', [first, newChoice([first.id], languages)]));
    } else if (choices.some((choice) => asRecord(choice)['next'] !== undefined)) {
      // A question's answers become a quiz's: they lose their own way on (the schema refuses it).
      edits.push(
        set(
          'choices',
          choices.map((choice) => withoutKey(asRecord(choice), 'next')),
        ),
      );
    }
    if (step['explanation'] === undefined) edits.push(set('explanation', emptyText(languages)));
  }
  if (kind === 'question' && step['kind'] === 'quiz' && step['choices'] !== undefined) {
    // A quiz's answers become a question's: no answer is "the safe one" there, and each leads where the quiz led.
    edits.push(
      set(
        'choices',
        asList(step['choices']).map((choice) => ({ ...withoutKey(asRecord(choice), 'correct'), ...(led ? { next: led } : {}) })),
      ),
    );
  }
  if (kind === 'checklist' && step['items'] === undefined) edits.push(set('items', [newChecklistItem([], languages)]));
  if (kind === 'input') {
    if (step['format'] === undefined) edits.push(set('format', 'text'));
    if (step['label'] === undefined) edits.push(set('label', emptyText(languages)));
  }
  if (allowed?.has('next') && step['next'] === undefined && led) edits.push(set('next', led));
  return edits;
}

function withoutKey(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}
