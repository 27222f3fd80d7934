/**
 * A procedure indexed for the step engine: steps by id and the length of the longest way from
 * each step to the end. Built once per procedure object and cached, so every transition is a
 * few map look-ups.
 */
import { buildStepGraph, type StepGraph } from '../procedure/graph.js';
import type { Procedure, Step } from '../procedure/schema.js';

/** A procedure with the look-ups the engine needs. */
export interface CompiledProcedure {
  procedure: Procedure;
  graph: StepGraph;
  stepById: ReadonlyMap<string, Step>;
  /**
   * Steps on the longest way from a step to the end, the step itself included, ignoring links
   * that go back to an earlier step ("try again" loops). Used for "step 3 of 7" when the senior
   * has not yet chosen a branch: promising the longer branch means the count only ever shrinks.
   */
  longestFrom: ReadonlyMap<string, number>;
}

const cache = new WeakMap<Procedure, CompiledProcedure>();

/** Compiles a procedure (checked by the checker) for the engine, reusing earlier work for the same object. */
export function compileProcedure(procedure: Procedure): CompiledProcedure {
  const cached = cache.get(procedure);
  if (cached) return cached;
  const stepById = new Map<string, Step>();
  for (const step of procedure.steps) if (!stepById.has(step.id)) stepById.set(step.id, step);
  const graph = buildStepGraph(procedure);
  const compiled: CompiledProcedure = { procedure, graph, stepById, longestFrom: longestPaths(graph) };
  cache.set(procedure, compiled);
  return compiled;
}

/**
 * Longest path lengths on the graph with its back edges removed (a depth-first search from the
 * start, then from any step it missed, finds them). What remains is acyclic, so one memoised
 * pass in reverse finishing order gives every length.
 */
function longestPaths(graph: StepGraph): Map<string, number> {
  const state = new Map<string, 'open' | 'closed'>();
  const finishOrder: string[] = [];
  const forward = new Map<string, string[]>();
  const roots = [graph.start, ...graph.ids];
  for (const root of roots) {
    if (state.has(root) || !graph.successors.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as { id: string; next: number };
      const successors = graph.successors.get(frame.id) ?? [];
      if (frame.next < successors.length) {
        const child = successors[frame.next] as string;
        frame.next += 1;
        const childState = state.get(child);
        if (childState === 'open') continue; // a back edge: a loop, not progress
        forward.set(frame.id, [...(forward.get(frame.id) ?? []), child]);
        if (childState === undefined) {
          state.set(child, 'open');
          stack.push({ id: child, next: 0 });
        }
        continue;
      }
      state.set(frame.id, 'closed');
      finishOrder.push(frame.id);
      stack.pop();
    }
  }
  // Prefer ways that end at a step with no way on (a done step); a child that only loops back counts as one step.
  const longest = new Map<string, number>();
  const endsWell = new Map<string, boolean>();
  for (const id of finishOrder) {
    const children = forward.get(id) ?? [];
    const finishing = children.filter((child) => endsWell.get(child) === true);
    const candidates = finishing.length > 0 ? finishing : children;
    const best = Math.max(0, ...candidates.map((child) => longest.get(child) ?? 0));
    longest.set(id, best + 1);
    endsWell.set(id, (graph.successors.get(id) ?? []).length === 0 || finishing.length > 0);
  }
  return longest;
}
