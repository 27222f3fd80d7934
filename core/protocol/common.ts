/** Small schemas shared by the HTTP and WebSocket contracts. */
import { z } from 'zod';
import { idSchema, languageCodeSchema, localizedTextSchema } from '../procedure/schema.js';

export { idSchema, languageCodeSchema, localizedTextSchema };

/** Ids the hub generates (random UUIDs). */
export const recordIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'this id is not one the hub gave out');

/** Ids of sites, kiosks and volunteers, which staff may choose (`demo-kiosk-1`) or the hub generates. */
export const entityIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is small letters, digits and dashes');

/** A bearer token as the hub issues it. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'this is not a token the hub gave out');

/** A volunteer's PIN: four to eight digits. */
export const pinSchema = z.string().regex(/^[0-9]{4,8}$/, 'a PIN is 4 to 8 digits');

/** A display name of a person, kiosk or site. */
export const nameSchema = z.string().trim().min(1, 'the name is empty').max(80, 'the name is longer than 80 characters');
