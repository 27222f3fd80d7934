/**
 * A published procedure as the kiosk reads it from its own hub, checked without zod (issue 13:
 * the kiosk ships no zod). The hub ran the full checker (schema, graph and content) when staff
 * published the script, so the kiosk checks the shape it relies on: every field it reads has the
 * type the step engine and the screens expect, step kinds and formats are ones it knows, ids are
 * ids (they end up in selectors and prompt names), and an input's `pattern` compiles. Content
 * rules the hub enforced (text lengths, the form of URLs and dates) are not checked again, and
 * fields the kiosk does not know are kept but not looked at.
 *
 * The shapes mirror core/procedure/schema.ts; tests/core/procedure/light-procedure.test.ts holds
 * them together field by field over the sample procedures.
 */
import { anyOf, arrayOf, integerFrom, isBoolean, isString, objectOf, oneOf, optional, recordOf, type Shape } from '../shape/light-check.js';
import { isProcedureId } from './ids.js';
import type { Procedure } from './schema.js';

const text = recordOf(isString);
const id: Shape<string> = isProcedureId;
const next = optional(id);

/** An input's own rule must compile the way core/validation uses it, or the step would throw. */
const compilingPattern: Shape<string> = (value): value is string => {
  if (typeof value !== 'string' || value.length === 0) return false;
  try {
    new RegExp(value, 'u');
    return true;
  } catch {
    return false;
  }
};

const common = {
  id,
  title: text,
  text,
  say: optional(text),
  image: optional(objectOf({ src: isString, alt: text })),
  help: optional(text),
  commonProblems: optional(arrayOf(text)),
  sensitive: optional(isBoolean),
  speak: optional(oneOf(['speaker', 'headphones', 'never'])),
  submits: optional(isBoolean),
  practiceData: optional(isString),
};

const choice = objectOf({ id, label: text, say: optional(text), next });

const quizChoice = objectOf({ id, label: text, say: optional(text), correct: optional(isBoolean) });

const step = anyOf(
  objectOf({ ...common, kind: oneOf(['info']), next }),
  objectOf({ ...common, kind: oneOf(['question']), choices: arrayOf(choice, 2) }),
  objectOf({ ...common, kind: oneOf(['quiz']), choices: arrayOf(quizChoice, 2), explanation: text, next }),
  objectOf({
    ...common,
    kind: oneOf(['input']),
    format: oneOf(['dni-nie', 'postcode', 'phone', 'mobile', 'date', 'text', 'number']),
    label: text,
    pattern: optional(compilingPattern),
    patternError: optional(text),
    example: optional(isString),
    optional: optional(isBoolean),
    next,
  }),
  objectOf({ ...common, kind: oneOf(['checklist']), items: arrayOf(objectOf({ id, label: text }), 1), requireAll: optional(isBoolean), next }),
  objectOf({ ...common, kind: oneOf(['review']), next }),
  objectOf({ ...common, kind: oneOf(['handoff']), next }),
  objectOf({ ...common, kind: oneOf(['done']), whatNext: optional(text), takeHome: optional(text), qrUrl: optional(isString) }),
);

const procedure = objectOf({
  id,
  version: integerFrom(1),
  title: text,
  summary: text,
  icon: id,
  officialUrl: isString,
  owner: isString,
  lastVerified: isString,
  languages: arrayOf(isString, 1),
  reviewedLanguages: optional(arrayOf(isString)),
  example: optional(isBoolean),
  practice: optional(isBoolean),
  twinOf: optional(id),
  requirements: optional(arrayOf(objectOf({ id, label: text, question: text, ifMissing: optional(text) }))),
  channels: optional(
    arrayOf(
      objectOf({
        kind: oneOf(['online', 'phone', 'in-person', 'chat']),
        label: text,
        details: optional(text),
        appointment: optional(oneOf(['required', 'not-needed', 'not-needed-65-plus', 'depends'])),
        url: optional(isString),
        phone: optional(isString),
      }),
    ),
  ),
  glossary: optional(arrayOf(objectOf({ id, term: text, meaning: text }))),
  start: optional(id),
  steps: arrayOf(step, 1),
});

/**
 * The procedure in `value` when it has the shape the kiosk relies on (with the lists the script
 * may leave out filled in as empty, as the schema's defaults do), else undefined.
 */
export function readPublishedProcedure(value: unknown): Procedure | undefined {
  if (!procedure(value)) return undefined;
  // `satisfies`: the shape above must give everything the zod-derived type promises.
  return {
    ...value,
    reviewedLanguages: value.reviewedLanguages ?? [],
    requirements: value.requirements ?? [],
    channels: value.channels ?? [],
    glossary: value.glossary ?? [],
  } satisfies Procedure;
}
