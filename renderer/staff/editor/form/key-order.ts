/**
 * Where a field the form adds goes among its neighbours: in the order the schema (and every
 * sample script) lists them, so a requirements list added to a script lands before its steps and
 * an image before the step's `next`, as an author would have written it by hand.
 */
import {
  channelSchema,
  checklistItemSchema,
  choiceSchema,
  glossaryEntrySchema,
  imageSchema,
  procedureSchema,
  requirementSchema,
  stepSchema,
} from '../../../../core/procedure/schema.js';
import type { DataPath } from '../yaml-document.js';

// A step's own order: its id and kind first, then the fields every kind has, then the kind's own, `next` last.
function stepOrder(shapeKeys: readonly string[]): string[] {
  return ['id', 'kind', ...shapeKeys.filter((key) => key !== 'id' && key !== 'kind' && key !== 'next'), 'next'];
}

const stepOrders = new Map<string, string[]>(stepSchema.options.map((option) => [option.shape.kind.value, stepOrder(Object.keys(option.shape))]));

const listEntryOrders: Record<string, readonly string[]> = {
  requirements: Object.keys(requirementSchema.shape),
  channels: Object.keys(channelSchema.shape),
  glossary: Object.keys(glossaryEntrySchema.shape),
};

const stepListOrders: Record<string, readonly string[]> = {
  choices: Object.keys(choiceSchema.shape),
  items: Object.keys(checklistItemSchema.shape),
};

/**
 * The order of the keys of the map at `path`, read through `read` (the value at a path); a text's
 * languages follow the script's `languages`. Undefined when the map is none the form knows.
 */
export function keyOrderAt(path: DataPath, read: (path: DataPath) => unknown): readonly string[] | undefined {
  const [first, second, third, fourth] = path;
  if (path.length === 0) return Object.keys(procedureSchema.shape);
  if (path.length === 2 && typeof first === 'string' && typeof second === 'number') {
    if (first === 'steps') {
      const kind = read([...path, 'kind']);
      return typeof kind === 'string' ? stepOrders.get(kind) : undefined;
    }
    return listEntryOrders[first];
  }
  if (first === 'steps' && path.length === 3 && third === 'image') return Object.keys(imageSchema.shape);
  if (first === 'steps' && path.length === 4 && typeof third === 'string' && typeof fourth === 'number') return stepListOrders[third];
  const languages = read(['languages']);
  return Array.isArray(languages) ? languages.filter((language): language is string => typeof language === 'string') : undefined;
}
