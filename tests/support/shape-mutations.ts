/**
 * Holds a light shape check (core/shape/light-check.ts) to the zod schema it stands for: every
 * value in a valid sample is swapped for values of the wrong type, and every field is left out,
 * one at a time; the light check must accept exactly what zod accepts. Content rules (an empty
 * text, an id in capitals) are not mutated: those are the hub's to enforce, and the light checks
 * leave them out on purpose.
 */
import { expect } from 'vitest';
import type { z } from 'zod';

/** One change to a sample: where, and the value put there (`missing` leaves the field out). */
export interface Mutation {
  path: string;
  value: unknown;
  missing: boolean;
}

/** Values of other types than `value`'s, as a hub answer gone wrong could carry. */
function wrongTypes(value: unknown): unknown[] {
  if (typeof value === 'string') return [42, null, true, {}];
  if (typeof value === 'number') return [String(value), null, true];
  if (typeof value === 'boolean') return [String(value), 0, null];
  if (Array.isArray(value)) return ['x', {}, null, 3];
  if (typeof value === 'object' && value !== null) return ['x', [], null, 3];
  return ['x', 1];
}

/** Every path below `root` (objects' fields and arrays' entries), with the value there. */
function* paths(node: unknown, at: (string | number)[] = []): Generator<{ at: (string | number)[]; value: unknown }> {
  yield { at, value: node };
  if (Array.isArray(node)) for (const [index, entry] of node.entries()) yield* paths(entry, [...at, index]);
  else if (typeof node === 'object' && node !== null) for (const [key, entry] of Object.entries(node)) yield* paths(entry, [...at, key]);
}

/** A copy of `root` with the value at `at` replaced by `value`, or the field removed. */
function changed(root: unknown, at: readonly (string | number)[], value: unknown, missing: boolean): unknown {
  if (at.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at[at.length - 1] as string | number;
  if (missing) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
  return copy;
}

/** Every wrong-type and missing-field mutation of `sample`. */
export function* mutations(sample: unknown): Generator<Mutation & { mutated: unknown }> {
  for (const { at, value } of paths(sample)) {
    const path = at.join('.') || '(the whole answer)';
    for (const wrong of wrongTypes(value)) yield { path, value: wrong, missing: false, mutated: changed(sample, at, wrong, false) };
    if (at.length > 0 && !Array.isArray(changedParent(sample, at)))
      yield { path, value: undefined, missing: true, mutated: changed(sample, at, undefined, true) };
  }
}

function changedParent(root: unknown, at: readonly (string | number)[]): unknown {
  let node = root;
  for (const key of at.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/**
 * Asserts that `light` accepts a valid `sample` as zod does, and each of its mutations exactly
 * when zod does; returns how many mutations were tried.
 */
export function expectSameVerdicts(sample: unknown, light: (value: unknown) => boolean, schema: z.ZodType): number {
  expect(schema.safeParse(sample).success, 'the sample itself fits the zod schema').toBe(true);
  expect(light(sample), 'the light check accepts the sample').toBe(true);
  const disagreements: string[] = [];
  let tried = 0;
  for (const mutation of mutations(sample)) {
    tried += 1;
    const zod = schema.safeParse(mutation.mutated).success;
    if (light(mutation.mutated) !== zod)
      disagreements.push(
        `${mutation.path} ${mutation.missing ? 'left out' : `set to ${JSON.stringify(mutation.value)}`}: zod ${zod ? 'accepts' : 'refuses'}, the light check does not`,
      );
  }
  expect(disagreements.slice(0, 20)).toEqual([]);
  return tried;
}
