/**
 * The checks that need a whole, well-formed procedure: ids, links between steps, reachability,
 * loops, translations (and which of them are reviewed), privacy of sensitive steps, input patterns and the review-before-submit
 * rule. The staff editor and the command-line checker share them.
 */
import { closestWord } from '../text/closest-word.js';
import { checkReviewedLanguages } from './check-review.js';
import { buildStepGraph, canReach, linksOf, reachableFrom, stronglyConnectedComponents, type StepGraph } from './graph.js';
import { maxProblemsPerFile, type Problem } from './problem.js';
import { isPatternSafe } from './pattern-safety.js';
import type { MessageRef, PlacePart, ProblemWords } from './messages/catalog.js';
import type { Procedure, Step } from './schema.js';
import type { DataPath, SourceMap } from './source-map.js';
import { listTexts } from './texts.js';

/** Runs every content check on a procedure that passed the schema. */
export function checkProcedureContent(procedure: Procedure, sourceMap: SourceMap): Problem[] {
  const graph = buildStepGraph(procedure);
  return [
    ...checkDuplicateIds(procedure, sourceMap),
    ...checkLinks(procedure, sourceMap),
    ...checkFlow(procedure, graph, sourceMap),
    ...checkLanguages(procedure, sourceMap),
    ...checkReviewedLanguages(procedure, sourceMap),
    ...checkSensitiveSteps(procedure, sourceMap),
    ...checkInputPatterns(procedure, sourceMap),
    ...checkQuizAnswers(procedure, sourceMap),
    ...checkReviewBeforeSubmit(procedure, graph, sourceMap),
  ];
}

/** The place "step "id": " that prefixes a problem inside a step. */
function inStep(step: Pick<Step, 'id'>): PlacePart[] {
  return [{ collection: 'steps', id: step.id }];
}

function checkDuplicateIds(procedure: Procedure, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  const findDuplicates = (ids: readonly string[], basePath: DataPath, describe: (id: string) => ProblemWords): void => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) problems.push(map.problemAt([...basePath, index, 'id'], describe(id)));
      seen.add(id);
    });
  };
  findDuplicates(
    procedure.steps.map((s) => s.id),
    ['steps'],
    (id) => ({ code: 'duplicate-step-id', params: { id } }),
  );
  findDuplicates(
    procedure.requirements.map((r) => r.id),
    ['requirements'],
    (id) => ({ code: 'duplicate-requirement-id', params: { id } }),
  );
  findDuplicates(
    procedure.glossary.map((g) => g.id),
    ['glossary'],
    (id) => ({ code: 'duplicate-glossary-id', params: { id } }),
  );
  procedure.steps.forEach((step, i) => {
    if (step.kind === 'question' || step.kind === 'quiz') {
      findDuplicates(
        step.choices.map((c) => c.id),
        ['steps', i, 'choices'],
        (id) => ({ code: 'duplicate-choice-id', params: { id }, place: inStep(step) }),
      );
    }
    if (step.kind === 'checklist') {
      findDuplicates(
        step.items.map((c) => c.id),
        ['steps', i, 'items'],
        (id) => ({ code: 'duplicate-item-id', params: { id }, place: inStep(step) }),
      );
    }
  });
  return problems;
}

function checkLinks(procedure: Procedure, map: SourceMap): Problem[] {
  const ids = procedure.steps.map((step) => step.id);
  const known = new Set(ids);
  const problems: Problem[] = [];
  // Each guess compares the missing id with every step's: only the first problems are listed, so
  // only they get a guess, and a file with thousands of broken links stays linear to check.
  let guessesLeft = maxProblemsPerFile;
  const suggest = (missing: string): { hint?: MessageRef } => {
    if (guessesLeft <= 0) return {};
    guessesLeft -= 1;
    const guess = closestWord(missing, ids);
    return guess ? { hint: { code: 'hint.did-you-mean', params: { word: guess } } } : {};
  };
  if (procedure.start !== undefined && !known.has(procedure.start)) {
    problems.push(map.problemAt(['start'], { code: 'start-missing', params: { to: procedure.start, ...suggest(procedure.start) } }));
  }
  procedure.steps.forEach((step, index) => {
    for (const link of linksOf(step, index)) {
      if (known.has(link.to)) continue;
      const hint = suggest(link.to);
      problems.push(
        map.problemAt(
          link.path,
          link.choiceId
            ? { code: 'choice-link-missing', params: { step: step.id, choice: link.choiceId, to: link.to, ...hint } }
            : { code: 'link-missing', params: { step: step.id, to: link.to, ...hint } },
        ),
      );
    }
    if (step.kind === 'question') {
      step.choices.forEach((choice, i) => {
        if (!choice.next) {
          problems.push(map.problemAt(['steps', index, 'choices', i], { code: 'choice-no-next', params: { step: step.id, choice: choice.id } }));
        }
      });
    } else if (step.kind !== 'done' && !step.next) {
      problems.push(map.problemAt(['steps', index, 'id'], { code: 'dead-end', params: { step: step.id } }));
    }
  });
  return problems;
}

function checkFlow(procedure: Procedure, graph: StepGraph, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  const indexOf = new Map<string, number>();
  procedure.steps.forEach((step, i) => {
    if (!indexOf.has(step.id)) indexOf.set(step.id, i);
  });
  const at = (id: string): DataPath => ['steps', indexOf.get(id) ?? 0, 'id'];

  const reachable = reachableFrom(graph, graph.start);
  for (const step of procedure.steps) {
    if (!reachable.has(step.id) && indexOf.has(graph.start)) {
      problems.push(map.problemAt(at(step.id), { code: 'unreachable', params: { step: step.id, start: graph.start } }));
    }
  }

  const doneIds = procedure.steps.filter((step) => step.kind === 'done').map((step) => step.id);
  if (doneIds.length === 0) {
    problems.push(map.problemAt(['steps'], { code: 'no-done-step' }));
    return problems;
  }
  const canFinish = canReach(graph, doneIds);
  for (const component of stronglyConnectedComponents(graph)) {
    const first = component[0] as string;
    const isLoop = component.length > 1 || (graph.successors.get(first) ?? []).includes(first);
    if (!isLoop || !reachable.has(first) || component.some((id) => canFinish.has(id))) continue;
    const ordered = [...component].sort((a, b) => (indexOf.get(a) ?? 0) - (indexOf.get(b) ?? 0));
    const cycle = [...ordered, ordered[0]].map((id) => `"${id}"`).join(' → ');
    problems.push(map.problemAt(at(ordered[0] as string), { code: 'endless-loop', params: { cycle } }));
  }
  return problems;
}

function checkLanguages(procedure: Procedure, map: SourceMap): Problem[] {
  const declared = procedure.languages;
  const declaredSet = new Set(declared);
  const problems: Problem[] = [];
  for (const entry of listTexts(procedure)) {
    const place = entry.stepId ? inStep({ id: entry.stepId }) : [];
    const field = entry.path.filter((segment) => typeof segment === 'string').slice(-1)[0] as string;
    const missing = declared.filter((language) => entry.text[language] === undefined);
    if (missing.length > 0) {
      problems.push(
        map.problemAt(entry.path, {
          code: 'missing-translation',
          params: { field, missing: missing.map((l) => `"${l}"`).join(', '), declared: declared.join(', ') },
          place,
        }),
      );
    }
    for (const language of Object.keys(entry.text)) {
      if (!declaredSet.has(language)) {
        problems.push(
          map.problemAt([...entry.path, language], { code: 'undeclared-language', params: { field, language, declared: declared.join(', ') }, place }, 'key'),
        );
      }
    }
  }
  return problems;
}

function checkSensitiveSteps(procedure: Procedure, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  procedure.steps.forEach((step, index) => {
    if (step.sensitive !== true) return;
    if ((step.speak ?? 'speaker') === 'speaker') {
      problems.push(map.problemAt(['steps', index, step.speak ? 'speak' : 'sensitive'], { code: 'sensitive-spoken', params: { step: step.id } }));
    }
    // Nothing of a sensitive step reaches a volunteer's device, so its notes for volunteers would be lost.
    if (step.commonProblems && step.commonProblems.length > 0) {
      problems.push(map.problemAt(['steps', index, 'commonProblems'], { code: 'sensitive-common-problems', params: { step: step.id } }, 'key'));
    }
  });
  return problems;
}

function checkInputPatterns(procedure: Procedure, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  procedure.steps.forEach((step, index) => {
    if (step.kind !== 'input') return;
    if (step.pattern !== undefined) {
      try {
        new RegExp(step.pattern, 'u');
        if (!isPatternSafe(step.pattern)) problems.push(map.problemAt(['steps', index, 'pattern'], { code: 'unsafe-pattern', place: inStep(step) }));
      } catch (error) {
        const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
        problems.push(map.problemAt(['steps', index, 'pattern'], { code: 'invalid-pattern', params: { detail: reason }, place: inStep(step) }));
      }
      if (!step.patternError) {
        problems.push(map.problemAt(['steps', index, 'pattern'], { code: 'pattern-without-error', params: { step: step.id } }));
      }
    } else if (step.patternError) {
      problems.push(map.problemAt(['steps', index, 'patternError'], { code: 'pattern-error-without-pattern', params: { step: step.id } }));
    }
  });
  return problems;
}

// A quiz teaches by naming the safe answer after any answer, so it needs exactly one to name.
function checkQuizAnswers(procedure: Procedure, map: SourceMap): Problem[] {
  return procedure.steps.flatMap((step, index) => {
    if (step.kind !== 'quiz') return [];
    const count = step.choices.filter((choice) => choice.correct === true).length;
    return count === 1
      ? []
      : [map.problemAt(['steps', index, 'choices'], { code: 'quiz-one-correct', params: { step: step.id, count: String(count) } }, 'key')];
  });
}

function checkReviewBeforeSubmit(procedure: Procedure, graph: StepGraph, map: SourceMap): Problem[] {
  const reviewIds = new Set(procedure.steps.filter((step) => step.kind === 'review').map((step) => step.id));
  // Walk from the start without ever entering a review step: any submitting step still reached has a path that skips review.
  const reachedWithoutReview = reachableFrom(graph, graph.start, (id) => reviewIds.has(id));
  return procedure.steps.flatMap((step, index) =>
    step.submits === true && reachedWithoutReview.has(step.id)
      ? [map.problemAt(['steps', index, 'submits'], { code: 'submit-without-review', params: { step: step.id } })]
      : [],
  );
}
