/**
 * Two hubs sharing one fresh PostgreSQL database, as a city runs them: what one hub commits the
 * other must push (the change feed). For a file's or a describe block's tests: the hubs start
 * before them, and after them close and the database is dropped.
 */
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { startTestHub, type TestHub } from './test-hub.js';

/** The two hubs, once started. */
export interface TwoHubs {
  readonly a: TestHub;
  readonly b: TestHub;
}

/** Starts the hubs in `beforeAll`; `beforeClose` runs first in `afterAll` (sockets to stop). */
export function useTwoHubsOnPostgres(beforeClose: () => void | Promise<void> = () => undefined): TwoHubs {
  let database: TestDatabase | undefined;
  let a: TestHub | undefined;
  let b: TestHub | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    a = await startTestHub({ storage: { kind: 'postgres', url: database.url } });
    b = await startTestHub({ storage: { kind: 'postgres', url: database.url } });
  }, 60_000);
  afterAll(async () => {
    await beforeClose();
    await Promise.all([a?.close(), b?.close()]);
    await database?.drop();
  });
  const started = (hub: TestHub | undefined): TestHub => {
    if (!hub) throw new Error('the two hubs are not started yet: use them inside a test');
    return hub;
  };
  return {
    get a() {
      return started(a);
    },
    get b() {
      return started(b);
    },
  };
}
