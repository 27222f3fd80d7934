/**
 * The steps of a procedure seen as a directed graph: which step can lead to which. The checker
 * uses it to find unreachable steps, dead ends and loops; the step engine uses it to count the
 * steps still ahead.
 */
import type { Procedure, Step } from './schema.js';
import type { DataPath } from './source-map.js';

/** A "go to" written in a step: its own `next`, or a choice's. */
export interface StepLink {
  from: string;
  to: string;
  /** Where the link is written, for locating problems. */
  path: DataPath;
  /** The choice that takes it, for question steps (a quiz has one `next` for every answer). */
  choiceId?: string;
}

/** The links a step declares, whether or not their targets exist. */
export function linksOf(step: Step, stepIndex: number): StepLink[] {
  const at: DataPath = ['steps', stepIndex];
  if (step.kind === 'question') {
    return step.choices.flatMap((choice, i) =>
      choice.next ? [{ from: step.id, to: choice.next, path: [...at, 'choices', i, 'next'], choiceId: choice.id }] : [],
    );
  }
  if (step.kind === 'done' || !step.next) return [];
  return [{ from: step.id, to: step.next, path: [...at, 'next'] }];
}

/** The step graph, with links to missing steps left out. */
export interface StepGraph {
  start: string;
  /** Step ids in file order. */
  ids: readonly string[];
  successors: ReadonlyMap<string, readonly string[]>;
}

/** Builds the graph of a procedure. Duplicate ids keep their first step. */
export function buildStepGraph(procedure: Procedure): StepGraph {
  const ids = procedure.steps.map((step) => step.id);
  const known = new Set(ids);
  const successors = new Map<string, string[]>();
  procedure.steps.forEach((step, index) => {
    if (successors.has(step.id)) return;
    const targets = linksOf(step, index)
      .map((link) => link.to)
      .filter((to) => known.has(to));
    successors.set(step.id, [...new Set(targets)]);
  });
  return { start: procedure.start ?? ids[0] ?? '', ids, successors };
}

/** Every step reachable from `from` (itself included), never entering a step for which `blocked` is true. */
export function reachableFrom(graph: StepGraph, from: string, blocked: (id: string) => boolean = () => false): Set<string> {
  const seen = new Set<string>();
  if (!graph.successors.has(from) || blocked(from)) return seen;
  const stack = [from];
  seen.add(from);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const next of graph.successors.get(id) ?? []) {
      if (seen.has(next) || blocked(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}

/** Every step from which one of `targets` can be reached (the targets included). */
export function canReach(graph: StepGraph, targets: Iterable<string>): Set<string> {
  const predecessors = new Map<string, string[]>();
  for (const [from, tos] of graph.successors) {
    for (const to of tos) predecessors.set(to, [...(predecessors.get(to) ?? []), from]);
  }
  const seen = new Set(targets);
  const stack = [...seen];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const previous of predecessors.get(id) ?? []) {
      if (seen.has(previous)) continue;
      seen.add(previous);
      stack.push(previous);
    }
  }
  return seen;
}

/**
 * Strongly connected components (Tarjan's algorithm, iterative so a long chain of steps cannot
 * overflow the stack). Each component is a set of steps that can all reach each other.
 */
export function stronglyConnectedComponents(graph: StepGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of graph.successors.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    lowLink.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: number };
      const successors = graph.successors.get(frame.id) ?? [];
      if (frame.next < successors.length) {
        const child = successors[frame.next] as string;
        frame.next += 1;
        if (!index.has(child)) {
          index.set(child, counter);
          lowLink.set(child, counter);
          counter += 1;
          stack.push(child);
          onStack.add(child);
          work.push({ id: child, next: 0 });
        } else if (onStack.has(child)) {
          lowLink.set(frame.id, Math.min(lowLink.get(frame.id) as number, index.get(child) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) lowLink.set(parent.id, Math.min(lowLink.get(parent.id) as number, lowLink.get(frame.id) as number));
      if (lowLink.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component.reverse());
      }
    }
  }
  return components;
}
