/**
 * The walks a browser test takes through a procedure so that every branch is taken at least
 * once: every choice of every question and every `next`, each walk from the start to an end
 * (a done step, or a step with nowhere to go). Computed from the script itself, independently
 * of the step engine the kiosk runs, so the test checks the kiosk against the file.
 */
import { buildStepGraph, linksOf } from '../../../core/procedure/graph.js';
import type { Procedure, Step } from '../../../core/procedure/schema.js';

/** One screen of a walk: the step, and the choice taken there when it is a question. */
export interface WalkStep {
  step: Step;
  choiceId?: string;
}

const edgeKey = (from: string, to: string, choiceId: string | undefined): string => `${from}>${choiceId ?? ''}>${to}`;

/**
 * Every walk from the start to an end that uses each link at most twice (so a loop is gone
 * round, and a way back into it taken, but never forever); `limit` keeps a badly tangled
 * script from exploding.
 */
function allWalks(procedure: Procedure, limit = 5000): WalkStep[][] {
  const graph = buildStepGraph(procedure);
  const byId = new Map(procedure.steps.map((step, index) => [step.id, { step, index }]));
  const walks: WalkStep[][] = [];
  const visit = (id: string, trail: WalkStep[], used: ReadonlyMap<string, number>): void => {
    if (walks.length >= limit) return;
    const found = byId.get(id);
    if (!found) return;
    const links = linksOf(found.step, found.index).filter((link) => byId.has(link.to) && (used.get(edgeKey(link.from, link.to, link.choiceId)) ?? 0) < 2);
    const hasWayOn = linksOf(found.step, found.index).some((link) => byId.has(link.to));
    if (!hasWayOn) {
      walks.push([...trail, { step: found.step }]);
      return;
    }
    for (const link of links) {
      const key = edgeKey(link.from, link.to, link.choiceId);
      visit(
        link.to,
        [...trail, { step: found.step, ...(link.choiceId ? { choiceId: link.choiceId } : {}) }],
        new Map([...used, [key, (used.get(key) ?? 0) + 1]]),
      );
    }
  };
  visit(graph.start, [], new Map());
  return walks;
}

function edgesOf(walk: WalkStep[]): string[] {
  return walk.slice(0, -1).map((at, i) => edgeKey(at.step.id, (walk[i + 1] as WalkStep).step.id, at.choiceId));
}

/**
 * A small set of walks that together take every link of the script at least once and reach
 * every end: greedily, the walk that takes the most links not yet taken, shortest first on ties.
 */
export function branchWalks(procedure: Procedure): WalkStep[][] {
  const candidates = allWalks(procedure);
  const allEdges = new Set(candidates.flatMap(edgesOf));
  const allEnds = new Set(candidates.map((walk) => (walk[walk.length - 1] as WalkStep).step.id));
  const chosen: WalkStep[][] = [];
  const covered = new Set<string>();
  const reached = new Set<string>();
  while (covered.size < allEdges.size || reached.size < allEnds.size) {
    let best: WalkStep[] | undefined;
    let bestGain = 0;
    for (const walk of candidates) {
      const end = (walk[walk.length - 1] as WalkStep).step.id;
      const gain = new Set(edgesOf(walk).filter((edge) => !covered.has(edge))).size + (reached.has(end) ? 0 : 1);
      if (gain > bestGain || (gain === bestGain && gain > 0 && best !== undefined && walk.length < best.length)) {
        best = walk;
        bestGain = gain;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const edge of edgesOf(best)) covered.add(edge);
    reached.add((best[best.length - 1] as WalkStep).step.id);
  }
  return chosen;
}

/** Every link of the script between steps that exist, for checking the walks cover them all. */
export function everyLink(procedure: Procedure): string[] {
  const known = new Set(procedure.steps.map((step) => step.id));
  return procedure.steps.flatMap((step, index) =>
    linksOf(step, index)
      .filter((link) => known.has(link.to))
      .map((link) => edgeKey(link.from, link.to, link.choiceId)),
  );
}

/** The links a walk takes. */
export function linksTaken(walk: WalkStep[]): string[] {
  return edgesOf(walk);
}

/**
 * A valid answer for an input step, from its format, or for `text`/`number` with a pattern,
 * from the pattern (only the simple "n digits" shape the samples use; anything else fails the
 * test so a new sample pattern gets a sample answer on purpose).
 */
export function sampleAnswer(step: Extract<Step, { kind: 'input' }>): string {
  if (step.pattern !== undefined) {
    const digits = /^\^\[0-9\]\{(\d+)\}\$$/.exec(step.pattern);
    if (!digits) throw new Error(`no sample answer for the pattern ${step.pattern} of step ${step.id}`);
    return '1234567890123456789'.repeat(3).slice(0, Number(digits[1]));
  }
  switch (step.format) {
    case 'dni-nie':
      return '12345678Z';
    case 'postcode':
      return '28001';
    case 'phone':
    case 'mobile':
      return '612345678';
    case 'date':
      return '01/02/1950';
    case 'number':
      return '42';
    case 'text':
      return 'Calle Mayor 1';
  }
}

/** Where a walk is, for a failing assertion's message: "cita-previa › inicio › tiene-clave › …" up to its `index`th screen. */
export function walkLabel(procedure: Procedure, steps: readonly WalkStep[], index: number): string {
  return [procedure.id, ...steps.slice(0, index + 1).map((at) => at.step.id)].join(' › ');
}
