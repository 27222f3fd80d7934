/**
 * The signed-in session, kept in sessionStorage so a reload (or the phone discarding the tab in
 * the background) keeps the volunteer signed in, while closing the tab ends it on this device.
 */
import { storedValue } from '../../ui/stored-value.js';
import { z } from 'zod';
import { tokenSchema } from '../../../core/protocol/common.js';

/** What the console remembers of a sign-in. */
export const storedSessionSchema = z.object({
  token: tokenSchema,
  volunteerName: z.string(),
  siteName: z.string(),
  demo: z.boolean(),
  available: z.boolean(),
});

/** A remembered sign-in. */
export type StoredSession = z.infer<typeof storedSessionSchema>;

const storageKey = 'paso-a-paso.volunteer.session';

/** Reads and writes the session in a Storage (sessionStorage in the page). */
export interface SessionStore {
  load(): StoredSession | undefined;
  save(session: StoredSession): void;
  clear(): void;
}

/** A {@link SessionStore} over a Storage; anything unreadable counts as no session. */
export function sessionStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): SessionStore {
  return storedValue(storedSessionSchema, storageKey, storage);
}

/** The centre and name last used on this device, offered again so a volunteer types only the PIN. */
export interface LastSignIn {
  siteId: string;
  name: string;
}

const lastSignInSchema = z.object({ siteId: z.string(), name: z.string() });
const lastSignInKey = 'paso-a-paso.volunteer.last-sign-in';

/** Reads the last centre and name (never the PIN) from a Storage (localStorage in the page). */
export function loadLastSignIn(storage: Pick<Storage, 'getItem'>): LastSignIn | undefined {
  try {
    const parsed = lastSignInSchema.safeParse(JSON.parse(storage.getItem(lastSignInKey) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the centre and name of a successful sign-in. */
export function saveLastSignIn(storage: Pick<Storage, 'setItem'>, last: LastSignIn): void {
  try {
    storage.setItem(lastSignInKey, JSON.stringify(last));
  } catch {
    /* not remembered */
  }
}
