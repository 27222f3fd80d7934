/**
 * Light shape checks, without zod, for the few answers the kiosk reads from its own hub. zod
 * stays the contract (core/protocol, core/procedure); the kiosk checks the same shapes with these
 * few lines instead, because zod's classic API cannot be tree-shaken and would cost a senior's
 * kiosk about 26 KB of gzipped JavaScript (issue 13). Each check is typed against the zod-derived
 * type it stands for, so a field the contract adds shows up as a type error here, and the tests
 * hold every check to its zod schema on the sample data mutated field by field.
 *
 * What a light check leaves out on purpose: content rules (lengths, trimming, the form of a URL
 * or a date) that the hub already enforced when it stored the data; and it ignores fields it does
 * not know, so a newer hub's additions do not empty a kiosk's screen.
 */

/** Checks that a value has a shape; the type says which. */
export type Shape<T> = (value: unknown) => value is T;

/** The type a {@link Shape} checks for. */
export type ShapeType<S> = S extends Shape<infer T> ? T : never;

type Fields = Record<string, Shape<unknown>>;
type OptionalKeys<F extends Fields> = { [K in keyof F]: undefined extends ShapeType<F[K]> ? K : never }[keyof F];
type RequiredKeys<F extends Fields> = Exclude<keyof F, OptionalKeys<F>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The object type an {@link objectOf} check stands for: fields that may be undefined are optional. */
export type ObjectOf<F extends Fields> = Simplify<{ [K in RequiredKeys<F>]: ShapeType<F[K]> } & { [K in OptionalKeys<F>]?: ShapeType<F[K]> }>;

/** A plain object (not null, not an array), as JSON.parse makes them. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Any string. */
export const isString: Shape<string> = (value): value is string => typeof value === 'string';

/** true or false. */
export const isBoolean: Shape<boolean> = (value): value is boolean => typeof value === 'boolean';

/** A finite number. */
export const isNumber: Shape<number> = (value): value is number => typeof value === 'number' && Number.isFinite(value);

/** A whole number at least `min` (zod's `z.int().min(min)`). */
export function integerFrom(min: number): Shape<number> {
  return (value): value is number => Number.isSafeInteger(value) && (value as number) >= min;
}

/** A number above zero (zod's `z.number().positive()`). */
export const isPositive: Shape<number> = (value): value is number => isNumber(value) && value > 0;

/** One of the given values (zod's `z.enum` and `z.literal`). */
export function oneOf<const V extends readonly (string | number | boolean)[]>(values: V): Shape<V[number]> {
  return (value): value is V[number] => (values as readonly unknown[]).includes(value);
}

/** A string that matches `pattern`. */
export function matching(pattern: RegExp): Shape<string> {
  return (value): value is string => typeof value === 'string' && pattern.test(value);
}

/** The value, or nothing at all. */
export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return (value): value is T | undefined => value === undefined || shape(value);
}

/** The value, or null. */
export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  return (value): value is T | null => value === null || shape(value);
}

/** An array of `item`, with at least `min` of them. */
export function arrayOf<T>(item: Shape<T>, min = 0): Shape<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.length >= min && value.every((entry) => item(entry));
}

/** An object whose every value is `item` (zod's `z.record(z.string(), item)`). */
export function recordOf<T>(item: Shape<T>): Shape<Record<string, T>> {
  return (value): value is Record<string, T> => isPlainObject(value) && Object.values(value).every((entry) => item(entry));
}

/** An object with these fields; other fields are allowed and left alone. */
export function objectOf<F extends Fields>(fields: F): Shape<ObjectOf<F>> {
  const entries = Object.entries(fields);
  return (value): value is ObjectOf<F> => isPlainObject(value) && entries.every(([key, shape]) => shape(value[key]));
}

/** Any of the shapes (zod's `z.union` and `z.discriminatedUnion`). */
export function anyOf<S extends readonly Shape<unknown>[]>(...shapes: S): Shape<ShapeType<S[number]>> {
  return (value): value is ShapeType<S[number]> => shapes.some((shape) => shape(value));
}
