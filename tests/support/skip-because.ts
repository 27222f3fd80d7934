/**
 * Skips a vitest test with its reason recorded where `npm test` reads it (the JSON report's
 * `meta.skipReason`, printed as "SKIPPED … : reason" by scripts/test/run-all.mjs): vitest's own
 * skip note does not reach the report, and a skip nobody can read hides what was not tested.
 */
import type { TestContext } from 'vitest';

/** Skips the running test when `condition` holds, saying `reason`. */
export function skipBecause(context: TestContext, condition: boolean, reason: string): void {
  if (!condition) return;
  (context.task.meta as Record<string, unknown>)['skipReason'] = reason;
  context.skip(reason);
}
