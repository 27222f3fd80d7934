/**
 * A hub in its own process, started the way an operator starts it (`node --import tsx
 * hub/main.ts`), so tests can kill it with SIGKILL or run two of them side by side.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

/** A hub process. */
export interface HubProcess {
  url: string;
  wsUrl: string;
  port: number;
  child: ChildProcess;
  output: string[];
  /** Stops it gracefully (SIGTERM) and waits. */
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL) and waits. */
  kill(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts a hub process and waits until it prints its URLs; a variable set to `undefined` is left unset (`HOST: undefined`: the hub's default). */
export async function startHubProcess(env: Record<string, string | undefined>, port?: number): Promise<HubProcess> {
  const chosen = port ?? (await freePort());
  const merged: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(chosen),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PASO_SWEEP_MS: '200',
    ...env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/main.ts'], {
    cwd: root,
    env: Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start within 20 s:\n${output.join('')}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output.push(chunk.toString());
      if (output.join('').includes('volunteers http://')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the hub exited with ${String(code)} before starting:\n${output.join('')}`));
    });
  });
  const url = `http://127.0.0.1:${chosen}`;
  return {
    url,
    wsUrl: `ws://127.0.0.1:${chosen}/ws`,
    port: chosen,
    child,
    output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
