/**
 * Opens the hub's database: SQLite in the data folder by default, PostgreSQL when DATABASE_URL
 * says so. Both go through Kysely, so the rest of the hub never knows which it has, except the
 * change feed (see change-feed.ts).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { hubMigrations } from './migrations.js';
import type { HubDatabase } from './schema.js';

/** Where the data lives. */
export type StorageConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** An open database. */
export interface OpenDatabase {
  db: Kysely<HubDatabase>;
  storage: StorageConfig;
  close(): Promise<void>;
}

// PostgreSQL returns bigint columns as strings (they can exceed 2^53); our millisecond timestamps never do.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Chooses the storage from DATABASE_URL and the data folder. */
export function storageFromEnvironment(databaseUrl: string | undefined, dataFolder: string): StorageConfig {
  if (databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) return { kind: 'postgres', url: databaseUrl };
  if (databaseUrl)
    throw new Error(`DATABASE_URL must start with postgres:// (or be unset for SQLite in ${dataFolder}); it is "${databaseUrl.split(':')[0]}:…"`);
  return { kind: 'sqlite', file: path.join(dataFolder, 'hub.sqlite') };
}

/** Opens the database and brings its tables up to date. */
export async function openDatabase(storage: StorageConfig, log: (message: string) => void = () => undefined): Promise<OpenDatabase> {
  const db = new Kysely<HubDatabase>({ dialect: storage.kind === 'sqlite' ? sqliteDialect(storage.file) : postgresDialect(storage.url, log) });
  try {
    const { error, results } = await new Migrator({ db, provider: hubMigrations }).migrateToLatest();
    const failed = results?.find((result) => result.status === 'Error');
    if (error || failed) throw new Error(`the database could not be brought up to date (${failed?.migrationName ?? 'migrations'}): ${String(error)}`);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, storage, close: () => db.destroy() };
}

function sqliteDialect(file: string): SqliteDialect {
  mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  // WAL: readers never block the writer. NORMAL sync: a committed transaction survives the
  // process being killed (it is in the WAL file); only a power cut may lose the last ones.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database });
}

function postgresDialect(url: string, log: (message: string) => void): PostgresDialect {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server drops (a restart, a failover) must not crash the hub: the
  // pool replaces it on the next query, so say so and go on.
  pool.on('error', (error) => log(`a PostgreSQL connection was lost (${error.message}); it will be replaced`));
  return new PostgresDialect({ pool });
}
