/** Small schemas shared by the HTTP and WebSocket contracts. */
import { z } from 'zod';
import { idSchema, languageCodeSchema, localizedTextSchema } from '../procedure/schema.js';
import { checkFreeText, describeFreeTextProblem, type FreeTextKind } from '../validation/free-text.js';

export { idSchema, languageCodeSchema, localizedTextSchema };

/** Ids the hub generates (random UUIDs). */
export const recordIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'this id is not one the hub gave out');

/** Ids of sites, kiosks and volunteers, which staff may choose (`demo-kiosk-1`) or the hub generates. */
export const entityIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is small letters, digits and dashes');

/** A bearer token as the hub issues it. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'this is not a token the hub gave out');

/** A volunteer's PIN: four to eight digits. */
export const pinSchema = z.string().regex(/^[0-9]{4,8}$/, 'a PIN is 4 to 8 digits');

/**
 * A free-text field staff or volunteers fill, as core/validation/free-text.ts tidies it (NFC,
 * spaces collapsed, trimmed) or refuses it (control, direction-changing and invisible
 * characters, lone surrogates, `<` and `>`, words mixing Latin with Cyrillic or Greek look-alikes),
 * in words that follow the field's name in the hub's 400. Lengths are checked after tidying.
 */
export function freeTextSchema(kind: FreeTextKind) {
  return z.string().transform((raw, context) => {
    const check = checkFreeText(raw, kind);
    if (check.ok) return check.value;
    context.issues.push({ code: 'custom', message: describeFreeTextProblem(check, kind), input: raw });
    return z.NEVER;
  });
}

/** A display name of a person, kiosk or site. */
export const nameSchema = freeTextSchema('name').pipe(z.string().min(1, 'the name is empty').max(80, 'the name is longer than 80 characters'));

/** A line of free text staff write (a location, where to ask in person), up to `max` characters. */
export function lineSchema(max: number) {
  return freeTextSchema('line').pipe(z.string().max(max, `at most ${max} characters`));
}
