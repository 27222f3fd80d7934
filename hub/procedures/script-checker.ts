/**
 * Checks procedure scripts off the hub's event loop, within a time budget. The checker is
 * synchronous: on the hub's thread a hostile script (500 KB of problems) held `/health`, every
 * kiosk's request and every socket for minutes. Here one worker thread (a pool of one) checks
 * one script at a time, others wait their turn, and a check that overruns its budget has its
 * worker terminated (a fresh one takes the next script) and is answered with a plain 503.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ProcedureCheckResult } from '../../core/procedure/check.js';
import type { DraftFacts } from '../../core/procedure/draft-facts.js';
import { HubError } from '../http/hub-error.js';

/** What checking a script gives: the checker's result and the facts the procedure list shows. */
export interface CheckedScript {
  result: ProcedureCheckResult;
  facts: DraftFacts;
}

/** A script sent to the worker: to check (which gives its facts too), or only to read its facts (for the procedure list). */
export interface CheckJob {
  job: number;
  kind: 'check' | 'facts';
  source: string;
}

/** The worker's first message: its modules are loaded and it takes scripts. */
export interface WorkerReady {
  ready: true;
}

/** The worker's answer to one job. */
export type CheckReply =
  | { job: number; ok: true; checked: CheckedScript }
  | { job: number; ok: true; facts: DraftFacts }
  | { job: number; ok: false; error: string };

/** Checks scripts and reads drafts' facts off the hub's thread; `close` stops the worker. */
export interface ScriptChecker {
  check(source: string): Promise<CheckedScript>;
  facts(source: string): Promise<DraftFacts>;
  close(): Promise<void>;
}

/** How long one script may take to check. Real scripts take well under 100 ms; 5 s leaves room for a slow machine. */
const defaultCheckBudgetMs = 5_000;

/** The answer to a script whose check overran the budget; nothing was saved or published. */
function tooLongToCheck(budgetMs: number): HubError {
  return new HubError(
    503,
    `This script took too long to check (more than ${budgetMs / 1000} s), so it was not checked, saved or published. A real procedure checks in well under a second: look for thousands of repeated or unknown fields, or split the procedure.`,
    'source',
    { code: 'check-too-long', seconds: budgetMs / 1000 },
  );
}

interface Pending {
  job: CheckJob;
  resolve: (reply: CheckReply & { ok: true }) => void;
  reject: (error: Error) => void;
}

/**
 * The worker runs TypeScript sources, like the hub itself (`node --import tsx hub/main.ts`, the
 * tests, and `npm start`, whose bundle points `import.meta.url` at this source file). On Node 20
 * a worker ignores ESM loader hooks (`--import tsx` in its `execArgv`, or `module.register`), so
 * the worker starts as a line of CommonJS that installs tsx's `require` hook, by path (whatever
 * the current folder), and requires the worker's source.
 */
function startWorker(): Worker {
  const require = createRequire(import.meta.url);
  const hook = require.resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./check-worker.ts', import.meta.url));
  const worker = new Worker(`require(${JSON.stringify(hook)}).register(); require(${JSON.stringify(entry)});`, { eval: true });
  // An idle checker must not keep a stopping hub alive.
  worker.unref();
  return worker;
}

/** How long a worker may take to load (about 0.5 s with tsx; far more on a machine that swaps). */
const startBudgetMs = 60_000;

/** A checker with one worker thread, started on the first script, and a budget per script. */
export function workerScriptChecker(options: { budgetMs?: number } = {}): ScriptChecker {
  const budgetMs = options.budgetMs ?? defaultCheckBudgetMs;
  const queue: Pending[] = [];
  let worker: Worker | undefined;
  let ready = false;
  let startTimer: NodeJS.Timeout | undefined;
  let running: { pending: Pending; timer: NodeJS.Timeout } | undefined;
  let nextJob = 1;
  let closed = false;

  const finish = (): void => {
    if (running) clearTimeout(running.timer);
    running = undefined;
    runNext();
  };

  const dropWorker = (reason: Error): void => {
    const current = running;
    const old = worker;
    worker = undefined;
    ready = false;
    clearTimeout(startTimer);
    running = undefined;
    if (current) {
      clearTimeout(current.timer);
      current.pending.reject(reason);
    }
    void old?.terminate();
    runNext();
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = startWorker();
    ready = false;
    const lost = (error: Error): void => {
      if (worker !== started) return;
      // A worker that fails while loading would fail every script the same way (and be restarted for ever): tell them all.
      if (!ready) for (const pending of queue.splice(0)) pending.reject(error);
      dropWorker(error);
    };
    // A worker that cannot load fails every waiting script rather than leaving them waiting.
    startTimer = setTimeout(() => lost(new Error('the procedure checker did not start')), startBudgetMs);
    startTimer.unref();
    started.on('message', (reply: CheckReply | WorkerReady) => {
      if (worker !== started) return;
      if ('ready' in reply) {
        ready = true;
        clearTimeout(startTimer);
        runNext();
        return;
      }
      if (!running || reply.job !== running.pending.job.job) return;
      const { pending } = running;
      if (reply.ok) pending.resolve(reply);
      else pending.reject(new Error(`the procedure checker failed: ${reply.error}`));
      finish();
    });
    started.on('error', lost);
    started.on('exit', () => lost(new Error('the procedure checker stopped unexpectedly')));
    worker = started;
    return started;
  };

  function runNext(): void {
    if (running || closed || queue.length === 0) return;
    const current = ensureWorker();
    if (!ready) return;
    const pending = queue.shift() as Pending;
    // The budget counts from when the loaded worker gets the script: waiting in the queue, or for the worker to load, is not held against it.
    const timer = setTimeout(() => dropWorker(tooLongToCheck(budgetMs)), budgetMs);
    running = { pending, timer };
    current.postMessage(pending.job);
  }

  const send = (kind: CheckJob['kind'], source: string): Promise<CheckReply & { ok: true }> => {
    if (closed) return Promise.reject(new Error('the procedure checker is closed'));
    return new Promise((resolve, reject) => {
      queue.push({ job: { job: nextJob++, kind, source }, resolve, reject });
      runNext();
    });
  };

  return {
    async check(source) {
      const reply = await send('check', source);
      if (!('checked' in reply)) throw new Error('the procedure checker answered a check with something else');
      return reply.checked;
    },
    async facts(source) {
      const reply = await send('facts', source);
      if (!('facts' in reply)) throw new Error('the procedure checker answered a read with something else');
      return reply.facts;
    },
    async close() {
      closed = true;
      const stopping = new Error('the hub is stopping');
      for (const pending of queue.splice(0)) pending.reject(stopping);
      const current = worker;
      worker = undefined;
      clearTimeout(startTimer);
      if (running) {
        clearTimeout(running.timer);
        running.pending.reject(stopping);
        running = undefined;
      }
      await current?.terminate();
    },
  };
}
