import { describe, expect, it } from 'vitest';
import { staffSessionStore, type StaffSession } from '../../../renderer/staff/session/staff-session.js';

/** A Storage kept in a Map, as sessionStorage behaves. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

const ana: StaffSession = { token: 'a'.repeat(43), staffId: 'staff-ana', name: 'Ana Ruiz', email: 'ana@example.org', demo: false };

describe("the staff console's remembered sign-in", () => {
  it('keeps who signed in, their staff id included, across a reload', () => {
    const storage = memoryStorage();
    staffSessionStore(storage).save(ana);
    expect(staffSessionStore(storage).load()).toEqual(ana);
  });

  it('counts a sign-in remembered without the staff id (before the console kept it) as none: sign in again', () => {
    const storage = memoryStorage();
    const { staffId: _staffId, ...older } = ana;
    storage.values.set('paso-a-paso.staff.session', JSON.stringify(older));
    expect(staffSessionStore(storage).load()).toBeUndefined();
  });

  it('forgets the sign-in when signing out', () => {
    const storage = memoryStorage();
    const sessions = staffSessionStore(storage);
    sessions.save(ana);
    sessions.clear();
    expect(sessions.load()).toBeUndefined();
  });
});
