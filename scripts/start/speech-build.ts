/**
 * `npm start`'s speech build: `npm run audio:build` as a child process started once the hub and
 * the kiosk are up, so a fresh machine speaks within a minute (the hub renders any prompt the
 * build has not reached yet) instead of waiting minutes for every prompt first. It runs at a
 * lower priority than the hub, its lines reach the terminal prefixed with `speech: `, and it is
 * stopped with `npm start`, whole process group included (espeak-ng and ffmpeg).
 */
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import path from 'node:path';

/** The prefix of the build's lines on the terminal. */
export const speechLinePrefix = 'speech: ';

/**
 * Cuts a stream's chunks into lines, at `\n` and at `\r` (a terminal progress bar redraws with
 * `\r`), and hands on the non-empty ones; `flush` hands on a last line without its end.
 */
export function lineSplitter(onLine: (line: string) => void): { push(chunk: string): void; flush(): void } {
  let pending = '';
  const emit = (line: string): void => {
    if (line.trim() !== '') onLine(line.trimEnd());
  };
  return {
    push: (chunk) => {
      const parts = (pending + chunk).split(/\r\n|\r|\n/);
      pending = parts.pop() ?? '';
      for (const part of parts) emit(part);
    },
    flush: () => {
      emit(pending);
      pending = '';
    },
  };
}

/** The running build. */
export interface SpeechBuild {
  pid: number | undefined;
  /** Resolves with the exit code once the build has ended (by itself or stopped). */
  ended: Promise<number | null>;
  /** SIGTERM to the build's process group, SIGKILL after `graceMs`; resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the group at once, for the moment the launcher itself exits. */
  kill(): void;
}

/** What {@link startSpeechBuild} needs. */
export interface SpeechBuildOptions {
  root: string;
  env: NodeJS.ProcessEnv;
  /** Receives every line to show, already prefixed. */
  write: (line: string) => void;
  /** Niceness of the build and of every tool it starts (default 10: the hub's requests come first). */
  niceness?: number;
}

/** Starts `npm run audio:build`'s work through the bundling launcher (scripts/launch/run-ts.mjs). */
export function startSpeechBuild(options: SpeechBuildOptions): SpeechBuild {
  const launcher = path.join(options.root, 'scripts/launch/run-ts.mjs');
  // Its own process group (detached), so stopping it reaches espeak-ng and ffmpeg too, and a
  // Ctrl+C in the terminal reaches npm start first, which stops the build itself.
  const child = spawn(process.execPath, [launcher, 'scripts/audio/build.ts'], {
    cwd: options.root,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) {
    try {
      // Set before the build starts any tool (Node takes tens of milliseconds to start): they inherit it.
      setPriority(child.pid, options.niceness ?? 10);
    } catch {
      // A system that refuses leaves the build at normal priority: slower hub answers, nothing worse.
    }
  }
  const prefixed = (line: string): void => options.write(`${speechLinePrefix}${line}`);
  const out = lineSplitter(prefixed);
  const err = lineSplitter(prefixed);
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk));
  const ended = new Promise<number | null>((resolve) => {
    child.once('close', (code) => {
      out.flush();
      err.flush();
      resolve(code);
    });
    child.once('error', (error) => {
      prefixed(`could not start the build: ${error.message}`);
      resolve(null);
    });
  });
  const signal = (name: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, name);
    } catch {
      // The group is already gone.
    }
  };
  return {
    pid: child.pid,
    ended,
    stop: async (graceMs = 3000) => {
      signal('SIGTERM');
      const forced = setTimeout(() => signal('SIGKILL'), graceMs);
      await ended;
      clearTimeout(forced);
    },
    kill: () => signal('SIGKILL'),
  };
}
