/**
 * One value kept in a Storage (sessionStorage in the pages) under a key and checked with a zod
 * schema when read back. The volunteer and staff sessions both use it.
 */
import type { z } from 'zod';

/** Reads, writes and forgets one stored value. */
export interface StoredValue<T> {
  load(): T | undefined;
  save(value: T): void;
  clear(): void;
}

/** A {@link StoredValue}; anything unreadable counts as nothing stored. */
export function storedValue<T>(schema: z.ZodType<T>, key: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): StoredValue<T> {
  return {
    load: () => {
      try {
        const parsed = schema.safeParse(JSON.parse(storage.getItem(key) ?? 'null'));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    save: (value) => {
      // Storage can be refused (private mode); the value then lasts until the next reload.
      try {
        storage.setItem(key, JSON.stringify(value));
      } catch {
        /* kept in memory only */
      }
    },
    clear: () => {
      try {
        storage.removeItem(key);
      } catch {
        /* nothing to forget */
      }
    },
  };
}
