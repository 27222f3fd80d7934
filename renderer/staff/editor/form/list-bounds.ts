/**
 * How many entries each list of the script may hold, read from the schema's own checks so the
 * form's "Añadir" and "Quitar" buttons never disagree with the checker.
 */
import type { z } from 'zod';
import { procedureSchema, stepSchema } from '../../../../core/procedure/schema.js';

/** The smallest and largest length a list may have; undefined when the schema sets none. */
export interface ListBounds {
  min?: number;
  max?: number;
}

function boundsOf(list: z.ZodArray | undefined): ListBounds {
  const bounds: ListBounds = {};
  for (const check of list?.def.checks ?? []) {
    const def = check._zod.def as { check?: string; minimum?: number; maximum?: number };
    if (def.check === 'min_length' && typeof def.minimum === 'number') bounds.min = def.minimum;
    if (def.check === 'max_length' && typeof def.maximum === 'number') bounds.max = def.maximum;
  }
  return bounds;
}

function stepList(kind: string, key: string): z.ZodArray | undefined {
  const shape: Record<string, unknown> | undefined = stepSchema.options.find((option) => option.shape.kind.value === kind)?.shape;
  return shape?.[key] as z.ZodArray | undefined;
}

/** The bounds of every list the form edits. */
export const listBounds = {
  requirements: boundsOf(procedureSchema.shape.requirements.unwrap()),
  channels: boundsOf(procedureSchema.shape.channels.unwrap()),
  glossary: boundsOf(procedureSchema.shape.glossary.unwrap()),
  choices: boundsOf(stepList('question', 'choices')),
  quizChoices: boundsOf(stepList('quiz', 'choices')),
  items: boundsOf(stepList('checklist', 'items')),
  commonProblems: boundsOf(stepList('info', 'commonProblems')),
} as const;
