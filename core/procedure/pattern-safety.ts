/**
 * Whether an input step's `pattern` can hang the kiosk. JavaScript's regular expressions
 * backtrack: a pattern such as `^(a|aa)+$` tries exponentially many ways to split an answer that
 * almost matches (1.4 s for 39 characters, and each further character doubles it), and the kiosk
 * cannot interrupt a match once it runs. redos-detector (static analysis, no matching) tells
 * whether any answer could be matched in too many ways; such a pattern is refused when staff
 * check, save or publish a script, so it never reaches a kiosk.
 *
 * The analyser stays here, in the full checker: the kiosk never loads it (its page budget is
 * 150 KB gzipped), it relies on its hub having refused such patterns.
 */
import { isSafePattern } from 'redos-detector';
import { en } from './messages/en.js';
import type { Procedure, Step } from './schema.js';

/**
 * The longest the analyser may think about one pattern. A pattern it cannot clear in this time
 * has so many ways to match that it is refused as unsafe too (`^(a|aa)+$` is one).
 */
const analysisTimeoutMs = 250;

/** Verdicts by pattern: the same pattern in many steps, or in every catalogue reload, is analysed once. */
const verdicts = new Map<string, boolean>();
const maxRememberedVerdicts = 1000;

/**
 * True when no answer can make `pattern` (compiled with the `u` flag, as core/validation does)
 * backtrack catastrophically; false when one can, or when the analyser could not tell in time.
 */
export function isPatternSafe(pattern: string): boolean {
  const known = verdicts.get(pattern);
  if (known !== undefined) return known;
  let safe: boolean;
  try {
    safe = isSafePattern(pattern, { unicode: true, timeout: analysisTimeoutMs }).safe;
  } catch {
    // A pattern the analyser cannot read is one nobody can vouch for.
    safe = false;
  }
  if (verdicts.size >= maxRememberedVerdicts) verdicts.clear();
  verdicts.set(pattern, safe);
  return safe;
}

/** What staff read when a pattern is refused; the checker and the hub's catalogue log say the same. */
export const unsafePatternMessage = en['unsafe-pattern'];

/**
 * How much analysing one pass over the catalogue may cost the hub's thread: a script may hold up
 * to 200 patterns, each up to {@link analysisTimeoutMs} to analyse, and the catalogue loads on
 * the hub's thread. Real catalogues hold a handful of patterns, each analysed in milliseconds, and
 * every verdict is remembered, so the budget only ever runs out on a hostile catalogue.
 */
export const catalogueAnalysisBudgetMs = 200;

/** Time left for analysing patterns (spent only on analyses, never on what surrounds them), and the clock that measures it. */
export interface AnalysisBudget {
  now: () => number;
  leftMs: number;
}

function analyseWithin(pattern: string, budget: AnalysisBudget): boolean | undefined {
  if (budget.leftMs <= 0) return undefined;
  const started = budget.now();
  const safe = isPatternSafe(pattern);
  budget.leftMs -= budget.now() - started;
  return safe;
}

/**
 * The procedure without the patterns that can hang a kiosk, and the steps whose pattern was
 * taken out. For versions published before patterns were analysed: the hub serves them with the
 * input's format check only (a looser check beats a frozen kiosk) and says so in its log.
 * Patterns not analysed before `budget` runs out are taken out too (`unchecked`): a pattern
 * nobody has vouched for is not served; a later load, with more verdicts remembered, serves it.
 */
export function withoutUnsafePatterns(procedure: Procedure, budget: AnalysisBudget): { procedure: Procedure; unsafe: string[]; unchecked: string[] } {
  const unsafe: string[] = [];
  const unchecked: string[] = [];
  const steps = procedure.steps.map((step): Step => {
    if (step.kind !== 'input' || step.pattern === undefined) return step;
    const verdict = verdicts.get(step.pattern) ?? analyseWithin(step.pattern, budget);
    if (verdict === true) return step;
    (verdict === false ? unsafe : unchecked).push(step.id);
    const { pattern: _pattern, patternError: _patternError, ...rest } = step;
    return rest;
  });
  return unsafe.length + unchecked.length === 0 ? { procedure, unsafe, unchecked } : { procedure: { ...procedure, steps }, unsafe, unchecked };
}
