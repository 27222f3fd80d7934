/**
 * The rules of practice scripts (`practice: true`), which workshops run: nothing real may be
 * offered, sent or asked for. A practice script has no channel address and no take-home QR
 * address (`officialUrl` stays: it is the fact-check reference, never shown as a link), no
 * submitting step, and made-up `practiceData` on every sensitive and every input step, which for
 * an input must be an answer the input itself accepts. `practiceData` and `twinOf` belong to
 * practice scripts only. The rules across files (`twinOf` names a procedure; a generated twin
 * still matches its source) are in `check-twins.ts`.
 */
import { validateField } from '../validation/index.js';
import { isPatternSafe } from './pattern-safety.js';
import type { MessageRef } from './messages/catalog.js';
import type { Problem } from './problem.js';
import type { Procedure, Step, StepOf } from './schema.js';
import type { SourceMap } from './source-map.js';

/** Runs the practice rules on a procedure that passed the schema. */
export function checkPracticeRules(procedure: Procedure, map: SourceMap): Problem[] {
  if (procedure.practice !== true) return checkNotPractice(procedure, map);
  const problems: Problem[] = [];
  procedure.channels.forEach((channel, index) => {
    if (channel.url !== undefined) {
      problems.push(
        map.problemAt(['channels', index, 'url'], {
          code: 'practice-official-link',
          params: { field: 'url' },
          place: [{ collection: 'channels', number: index + 1 }],
        }),
      );
    }
  });
  procedure.steps.forEach((step, index) => {
    const place = [{ collection: 'steps' as const, id: step.id }];
    if (step.kind === 'done' && step.qrUrl !== undefined) {
      problems.push(map.problemAt(['steps', index, 'qrUrl'], { code: 'practice-official-link', params: { field: 'qrUrl' }, place }));
    }
    if (step.submits === true) problems.push(map.problemAt(['steps', index, 'submits'], { code: 'practice-submits', params: { step: step.id } }));
    if (step.practiceData === undefined) {
      if (step.sensitive === true || step.kind === 'input') {
        problems.push(map.problemAt(['steps', index, 'id'], { code: 'practice-data-missing', params: { step: step.id } }));
      }
    } else if (step.kind === 'input') {
      const detail = practiceValueProblem(step.practiceData, step);
      if (detail) {
        problems.push(
          map.problemAt(['steps', index, 'practiceData'], { code: 'practice-data-invalid', params: { value: step.practiceData, step: step.id, detail } }),
        );
      }
    }
  });
  return problems;
}

/** Outside a practice script, `twinOf` and `practiceData` have no meaning: a real script must not carry fake data. */
function checkNotPractice(procedure: Procedure, map: SourceMap): Problem[] {
  const problems: Problem[] = [];
  if (procedure.twinOf !== undefined) problems.push(map.problemAt(['twinOf'], { code: 'twin-not-practice' }, 'key'));
  procedure.steps.forEach((step: Step, index) => {
    if (step.practiceData !== undefined) {
      problems.push(map.problemAt(['steps', index, 'practiceData'], { code: 'practice-data-outside-practice', params: { step: step.id } }, 'key'));
    }
  });
  return problems;
}

/**
 * Why a practice value is not an answer its input step accepts, or nothing when it is. The
 * step's pattern is tried only when it is a valid and safe regular expression: a broken or
 * catastrophic pattern is reported by its own rule, and must never run in the checker.
 */
export function practiceValueProblem(value: string, step: Pick<StepOf<'input'>, 'format' | 'pattern'>): MessageRef | undefined {
  const byFormat = validateField(value, { format: step.format });
  if (!byFormat.ok) return { code: 'practice-detail.format', params: { format: step.format } };
  if (step.pattern === undefined || !isUsablePattern(step.pattern)) return undefined;
  const withPattern = validateField(value, { format: step.format, pattern: step.pattern });
  return withPattern.ok ? undefined : { code: 'practice-detail.pattern', params: { pattern: step.pattern } };
}

function isUsablePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return false;
  }
  return isPatternSafe(pattern);
}
