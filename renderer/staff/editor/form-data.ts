/**
 * Reading the form's values out of YAML data that may not (yet) fit the schema: whatever the
 * author typed in the YAML pane, the form shows what it can and never throws.
 */

/** A map, or an empty one. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A list, or an empty one. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A text: strings as they are, numbers and booleans written out, anything else empty. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** The languages the procedure declares (its text columns), Spanish when none can be read. */
export function languagesOf(data: unknown): string[] {
  const languages = asList(asRecord(data)['languages']).filter((value): value is string => typeof value === 'string' && value !== '');
  return languages.length > 0 ? languages : ['es'];
}

/** What the step list shows of each step. */
export interface StepOutline {
  index: number;
  id: string;
  kind: string;
  title: Record<string, unknown>;
}

/** The steps, in order, as far as they can be read. */
export function stepOutlines(data: unknown): StepOutline[] {
  return asList(asRecord(data)['steps']).map((step, index) => {
    const record = asRecord(step);
    return { index, id: asText(record['id']), kind: asText(record['kind']), title: asRecord(record['title']) };
  });
}

/** An id not used yet: `base`, else `base-2`, `base-3`… */
export function freshId(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

/** A step id not used yet, like `paso-nuevo-2`. */
export function freshStepId(taken: readonly string[], base = 'paso-nuevo'): string {
  return freshId(taken, base);
}
