/**
 * A throw-away PostgreSQL database for a benchmark: created fresh on 127.0.0.1:5432 (user
 * postgres, trust auth, as on the project's machines) and dropped afterwards.
 */
import pg from 'pg';

const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database, or why there is none. */
export type BenchDatabase = { ok: true; url: string; name: string; serverVersion: string; drop(): Promise<void> } | { ok: false; reason: string };

/** Creates `paso_bench_<pid>_<time>`; never throws for an unreachable server, says why instead. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `paso_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  let serverVersion: string;
  let stage = 'could not reach postgres@127.0.0.1:5432';
  try {
    await admin.connect();
    stage = `could not create the database ${name}`;
    serverVersion = String((await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? 'unknown');
    await admin.query(`create database ${name}`);
  } catch (error) {
    return { ok: false, reason: `${stage} (${error instanceof Error ? error.message || error.constructor.name : String(error)})` };
  } finally {
    await admin.end().catch(() => undefined);
  }
  return {
    ok: true,
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    name,
    serverVersion,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}
