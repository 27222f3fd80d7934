/**
 * The signed-in staff session, kept in sessionStorage: a reload keeps the person signed in,
 * closing the tab ends it on this computer (shared office desktops).
 */
import { z } from 'zod';
import { tokenSchema } from '../../../core/protocol/common.js';

/** What the console remembers of a sign-in. */
export const staffSessionSchema = z.object({ token: tokenSchema, name: z.string(), email: z.string(), demo: z.boolean() });

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
  return {
    load: () => {
      try {
        const parsed = staffSessionSchema.safeParse(JSON.parse(storage.getItem(storageKey) ?? 'null'));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    save: (session) => {
      try {
        storage.setItem(storageKey, JSON.stringify(session));
      } catch {
        /* kept in memory only */
      }
    },
    clear: () => {
      try {
        storage.removeItem(storageKey);
      } catch {
        /* nothing stored */
      }
    },
  };
}
