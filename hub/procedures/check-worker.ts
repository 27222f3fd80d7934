/**
 * The worker thread that checks procedure scripts for the hub (script-checker.ts starts it):
 * the checker is synchronous and a hostile 512 KB script can keep it busy for seconds, which on
 * the hub's own thread would stop every kiosk's requests and sockets. Here it only stops this
 * thread, which the hub terminates when the check overruns its budget.
 */
import { parentPort } from 'node:worker_threads';
import { checkProcedureText } from '../../core/procedure/check.js';
import { readDraftFacts } from '../../core/procedure/draft-facts.js';
import type { CheckedScript, CheckJob, CheckReply, WorkerReady } from './script-checker.js';

parentPort?.on('message', (job: CheckJob) => {
  let reply: CheckReply;
  try {
    reply = job.kind === 'facts' ? { job: job.job, ok: true, facts: readDraftFacts(job.source) } : { job: job.job, ok: true, checked: check(job.source) };
  } catch (error) {
    // The checker never throws by design; should it, the hub answers 500 rather than waiting for the budget.
    reply = { job: job.job, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});

/** The check and the facts the list shows; a script that passed gives them without a second parse. */
function check(source: string): CheckedScript {
  const result = checkProcedureText(source);
  if (!result.procedure) return { result, facts: readDraftFacts(source) };
  const { id, title, lastVerified } = result.procedure;
  return { result, facts: { id, title, lastVerified } };
}

// Loaded: the hub starts each script's budget from here on, so starting the worker is not held against the first script.
parentPort?.postMessage({ ready: true } satisfies WorkerReady);
