/**
 * Fresh PostgreSQL databases for tests, on the server the project's machines run at
 * 127.0.0.1:5432 (`.ci/run` and `npm test` make sure it is up). Each test file gets its own
 * database and drops it at the end.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where the test server is; PGTEST_URL overrides it. Loopback trust ignores the password; a fresh install set it. */
export const postgresServerUrl = process.env['PGTEST_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** A database made for one test file. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `paso_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresServerUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresServerUrl });
      await client.connect();
      try {
        // Connections a closed pool is still ending go away by themselves within moments; forcing
        // them would make the server terminate them under our feet. Wait for them, then force.
        for (let attempt = 0; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}${attempt >= 50 ? ' WITH (FORCE)' : ''}`);
            return;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await client.end();
      }
    },
  };
}
