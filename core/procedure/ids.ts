/**
 * The scripts' rule for ids (steps, choices, items, glossary entries, procedures), without zod:
 * core/procedure/schema.ts builds `idSchema` from it, and the kiosk, which ships no zod (issue
 * 13), checks ids with {@link isProcedureId}.
 */

/** Kebab-case: small letters and digits, single dashes between them. */
export const idPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The longest id. */
export const idMaxLength = 64;

/** Whether `value` is an id a script may use. */
export function isProcedureId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= idMaxLength && idPattern.test(value);
}
