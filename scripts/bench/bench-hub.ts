/**
 * A hub for a benchmark, in its own process: a fresh SQLite file in a temporary folder, or a
 * fresh PostgreSQL database, the bench's staff account written beforehand with the hub's own
 * module (with PASO_DEMO=0 a hub has no accounts), `node --import tsx hub/main.ts` with
 * PASO_DEMO=0 and LOG_LEVEL=warn on a free loopback port, answering /health.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiRoutes } from '../../core/protocol/api-routes.js';
import { storageFromEnvironment, type StorageConfig } from '../../hub/db/connect.js';
import { freeLoopbackPort, startNodeChild, waitUntilReady, type NodeChild } from './bench-processes.js';
import { HubHttp } from './hub-bench-clients.js';
import { seedStaffAccount } from './hub-bench-setup.js';

/** A running bench hub. */
interface BenchHub {
  hub: NodeChild;
  http: HubHttp;
  storage: StorageConfig;
  /** From the start of the process to its first /health answer. */
  startupMs: number;
  /** The lines the hub logged as JSON (warnings and errors at LOG_LEVEL=warn). */
  warnings(): string[];
  /** Stops the hub and removes its temporary folder. */
  stop(): Promise<void>;
}

/** Starts a hub on `databaseUrl` (PostgreSQL) or, without one, on SQLite; `nodeArgs` go to its Node. */
export async function startBenchHub(databaseUrl: string | undefined, nodeArgs: readonly string[] = []): Promise<BenchHub> {
  const dataFolder = await mkdtemp(path.join(tmpdir(), 'paso-hub-bench-'));
  let hub: NodeChild | undefined;
  let http: HubHttp | undefined;
  const stop = async (): Promise<void> => {
    http?.close();
    await hub?.stop();
    await rm(dataFolder, { recursive: true, force: true });
  };
  try {
    const storage = storageFromEnvironment(databaseUrl, dataFolder);
    await seedStaffAccount(storage);
    const port = await freeLoopbackPort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataFolder, PASO_DEMO: '0', LOG_LEVEL: 'warn' };
    delete env['DATABASE_URL'];
    delete env['PASO_SWEEP_MS'];
    if (databaseUrl) env['DATABASE_URL'] = databaseUrl;
    const child = startNodeChild('the hub', 'hub/main.ts', env, nodeArgs);
    hub = child;
    const client = new HubHttp(`http://127.0.0.1:${port}`);
    http = client;
    const startedAt = performance.now();
    await waitUntilReady(child, async () => (await client.request<{ status: string }>('GET', apiRoutes.health.path)).status === 'ok', 60_000);
    const startupMs = performance.now() - startedAt;
    const warnings = (): string[] =>
      child
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
    return { hub: child, http: client, storage, startupMs, warnings, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
