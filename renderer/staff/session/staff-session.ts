/**
 * The signed-in staff session, kept in sessionStorage: a reload keeps the person signed in,
 * closing the tab ends it on this computer (shared office desktops).
 */
import { storedValue } from '../../ui/stored-value.js';
import { z } from 'zod';
import { tokenSchema } from '../../../core/protocol/common.js';

/**
 * What the console remembers of a sign-in: the token, and who signed in (`staffId`, the hub's id
 * of the account, names them as the author of what they save).
 */
export const staffSessionSchema = z.object({ token: tokenSchema, staffId: z.string(), name: z.string(), email: z.string(), demo: z.boolean() });

/** A remembered sign-in. */
export type StaffSession = z.infer<typeof staffSessionSchema>;

const storageKey = 'paso-a-paso.staff.session';

/** Reads and writes the session. */
export interface StaffSessionStore {
  load(): StaffSession | undefined;
  save(session: StaffSession): void;
  clear(): void;
}

/** A {@link StaffSessionStore} over a Storage; anything unreadable counts as no session. */
export function staffSessionStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): StaffSessionStore {
  return storedValue(staffSessionSchema, storageKey, storage);
}
