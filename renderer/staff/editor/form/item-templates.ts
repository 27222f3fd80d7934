/**
 * What the form writes when the clerk adds something: an entry with a fresh id, every text in
 * every language of the script, and only the fields the schema requires. Texts start empty, so
 * the checker asks for each one at its field and nothing half-written can be published.
 */
import { asList, asRecord, asText, freshId } from '../form-data.js';

/** An empty text in each language: `{ es: '', en: '' }`. */
export function emptyText(languages: readonly string[]): Record<string, string> {
  return Object.fromEntries(languages.map((language) => [language, '']));
}

/** The ids a list's entries have (entries without one are skipped). */
export function idsOf(list: unknown): string[] {
  return asList(list)
    .map((entry) => asText(asRecord(entry)['id']))
    .filter(Boolean);
}

/** Something the senior must have at hand: what it is and the yes/no question asked before starting. */
export function newRequirement(taken: readonly string[], languages: readonly string[]) {
  return { id: freshId(taken, 'requisito'), label: emptyText(languages), question: emptyText(languages) };
}

/** Another way to do the procedure; in person until the clerk chooses. */
export function newChannel(languages: readonly string[]) {
  return { kind: 'in-person', label: emptyText(languages) };
}

/** A hard word and its meaning. */
export function newGlossaryEntry(taken: readonly string[], languages: readonly string[]) {
  return { id: freshId(taken, 'palabra'), term: emptyText(languages), meaning: emptyText(languages) };
}

/** One thing to tick on a checklist step. */
export function newChecklistItem(taken: readonly string[], languages: readonly string[]) {
  return { id: freshId(taken, 'elemento'), label: emptyText(languages) };
}

/** One answer of a question step; `next` keeps where the step led, when it led somewhere. */
export function newChoice(taken: readonly string[], languages: readonly string[], next?: string) {
  let n = taken.length + 1;
  while (taken.includes(`respuesta-${n}`)) n += 1;
  return { id: `respuesta-${n}`, label: emptyText(languages), ...(next ? { next } : {}) };
}

/** A picture for a step, with its description in each language. */
export function newImage(languages: readonly string[]) {
  return { src: '', alt: emptyText(languages) };
}

/**
 * True when an entry holds something the clerk wrote (a text or a value other than its id and
 * kind, which the form fills in itself): removing it then asks first; an untouched entry just goes.
 */
export function hasWrittenText(entry: unknown, key?: string): boolean {
  if (key === 'id' || key === 'kind') return false;
  if (typeof entry === 'string') return entry.trim() !== '';
  if (typeof entry === 'number' || typeof entry === 'boolean') return true;
  if (Array.isArray(entry)) return entry.some((item) => hasWrittenText(item));
  if (entry !== null && typeof entry === 'object') return Object.entries(entry).some(([name, value]) => hasWrittenText(value, name));
  return false;
}
