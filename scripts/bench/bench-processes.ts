/**
 * Child processes for benchmarks: a free loopback port, a Node child running a TypeScript file
 * through tsx, readiness checks, and stopping every child this process started (also when the
 * bench fails or is interrupted).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Whether something accepts connections on `port` of the loopback address now. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port free on 127.0.0.1 right now: the OS picks one, we close it and hand it on. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('the OS gave no port'))));
    });
  });
}

/** A running child and the tail of what it printed. */
export interface NodeChild {
  name: string;
  pid: number;
  /** The last few kilobytes of its stdout and stderr, for error messages. */
  output(): string;
  exited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `node [nodeArgs] --import tsx <script>` from the repository root with the given environment. */
export function startNodeChild(name: string, script: string, env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []): NodeChild {
  installExitHook();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.resolve(root, script)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const gone = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
    child.once('error', (error) => {
      keep(Buffer.from(`\n${error.message}\n`));
      running.delete(child);
      resolve();
    });
  });
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null || !running.has(child);
  return {
    name,
    pid: child.pid ?? -1,
    output: () => tail,
    exited,
    stop: async (graceMs = 5000) => {
      if (exited()) return gone;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** Resolves once `ready()` says yes; fails if the child exits first or `timeoutMs` passes. */
export async function waitUntilReady(child: NodeChild, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exited()) throw new Error(`${child.name} exited before it was ready:\n${child.output().trim()}`);
    if (await ready().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`${child.name} was not ready within ${timeoutMs / 1000} s:\n${child.output().trim()}`);
}

/** Resolves when the child has printed `text` (on stdout or stderr). */
export function printed(child: NodeChild, text: string): () => Promise<boolean> {
  return () => Promise.resolve(child.output().includes(text));
}

export function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Whatever happens to this process, no child outlives it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}
