/**
 * The procedure script format: the single source of truth for what staff may write in
 * `assets/procedures/*.yaml`. Types are derived from these schemas; the JSON Schema that editors
 * use for autocompletion is generated from them (`npm run procedures:schema`).
 *
 * The schema checks shapes only. Everything that needs the whole procedure (references between
 * steps, reachability, translations against `languages`) lives in `check-graph.ts` and
 * `check-content.ts`, so each problem can be reported at its own place in the file.
 */
import { z } from 'zod';
import { idMaxLength, idPattern } from './ids.js';
// Only the English catalogue: the kiosk reads this schema too, and needs no other language's checker words.
import { en as checkerWords } from './messages/en.js';

/** A language tag such as `es`, `en`, `ar` or `pt-BR`. */
export const languageCodeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, checkerWords['rule.language-code']);

/** Text written once per language: `{ es: "Hola", en: "Hello" }`. */
export const localizedTextSchema = z.record(
  languageCodeSchema,
  z.string().trim().min(1, checkerWords['rule.text-empty']).max(2000, checkerWords['rule.text-too-long']),
);

// The checker finds each rule's code again from its text, to word it in the console's language (messages/catalog.ts).
const idMessage = checkerWords['rule.id-format'];

/** An identifier for a step, choice, item or glossary entry: kebab-case, at most 64 characters. */
export const idSchema = z.string().max(idMaxLength, checkerWords['rule.id-too-long']).regex(idPattern, idMessage);

/** Where a step's spoken text may be played. Sensitive steps must not use `speaker`. */
export const speechOutputSchema = z.enum(['speaker', 'headphones', 'never']);

/** A picture for a step, with its description for those who cannot see it. */
export const imageSchema = z.strictObject({
  /** Path under `assets/images/`. */
  src: z.string().regex(/^(?!\/)(?!.*\.\.)[A-Za-z0-9_\-/]+\.(png|jpg|jpeg|svg|webp)$/, checkerWords['rule.image-file']),
  alt: localizedTextSchema,
});

/** Fields every step kind has. */
const stepCommon = {
  id: idSchema.describe("The step's name, used by `next` to point at it: small letters, digits and dashes."),
  title: localizedTextSchema.describe('The short heading of the screen.'),
  text: localizedTextSchema.describe('The one instruction shown on screen.'),
  say: localizedTextSchema.optional().describe('What is spoken; defaults to `text`.'),
  image: imageSchema.optional().describe('A picture for the step, with a description (`alt`) in each language.'),
  help: localizedTextSchema.optional().describe('"Learn more" text a senior can open.'),
  commonProblems: z.array(localizedTextSchema).max(20).optional().describe('Shown to the volunteer who answers a help call at this step; never to the senior.'),
  sensitive: z.boolean().optional().describe("Content never shown on a volunteer's device and never spoken on the speaker."),
  speak: speechOutputSchema.optional().describe('Where the spoken text may be played (default `speaker`).'),
  // The checker requires a `review` step on every path that leads to a submitting step.
  submits: z.boolean().optional().describe('This step makes something final and real (send, sign, pay); a review step must come before it.'),
  // A practice script must never show or ask for a senior's real data: the checker requires this on its sensitive and input steps.
  practiceData: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe(
      'In a practice script: the made-up value this step uses instead of real data, offered to the senior ("Use este DNI de práctica: 12345678Z") or shown as a fake code.',
    ),
};

/** The step to go to next. Optional in the schema so that a missing one is reported as a dead end. */
const nextSchema = idSchema.optional().describe('The id of the step that comes next.');

const infoStepSchema = z.strictObject({ ...stepCommon, kind: z.literal('info'), next: nextSchema });

/** One answer of a `question` step and where it leads. */
export const choiceSchema = z.strictObject({
  id: idSchema,
  label: localizedTextSchema,
  say: localizedTextSchema.optional(),
  next: nextSchema,
});

const questionStepSchema = z.strictObject({
  ...stepCommon,
  kind: z.literal('question'),
  choices: z.array(choiceSchema).min(2, checkerWords['rule.two-choices']).max(6, checkerWords['rule.six-choices']),
});

/** The kinds of typed answer an `input` step accepts; each has a validator in `core/validation`. */
export const inputFormatSchema = z.enum(['dni-nie', 'postcode', 'phone', 'mobile', 'date', 'text', 'number']);

/** One answer of a `quiz` step; exactly one of a step's answers is marked `correct`. */
export const quizChoiceSchema = z.strictObject({
  id: idSchema,
  label: localizedTextSchema,
  say: localizedTextSchema.optional(),
  correct: z.boolean().optional().describe('The right answer; exactly one answer of a quiz has `correct: true`.'),
});

// A lesson's question: whatever the senior answers, the same explanation follows, and the kiosk never says "wrong".
const quizStepSchema = z.strictObject({
  ...stepCommon,
  kind: z.literal('quiz'),
  choices: z.array(quizChoiceSchema).min(2, checkerWords['rule.two-choices']).max(6, checkerWords['rule.six-choices']),
  explanation: localizedTextSchema.describe(
    'Shown and spoken after the senior answers, right or wrong: which answer is right and why, without judging the senior.',
  ),
  next: nextSchema,
});

const inputStepSchema = z.strictObject({
  ...stepCommon,
  kind: z.literal('input'),
  format: inputFormatSchema,
  label: localizedTextSchema.describe('The visible label next to the field.'),
  pattern: z
    .string()
    .min(1)
    .max(200, checkerWords['rule.pattern-too-long'])
    .optional()
    .describe('An extra rule for `text` and `number` answers, as a regular expression.'),
  patternError: localizedTextSchema.optional().describe('What to tell the senior when the answer does not match `pattern`.'),
  example: z.string().max(40).optional().describe('An example shown in the field, like "12345678Z".'),
  optional: z.boolean().optional(),
  next: nextSchema,
});

/** One thing to tick on a `checklist` step. */
export const checklistItemSchema = z.strictObject({ id: idSchema, label: localizedTextSchema });

const checklistStepSchema = z.strictObject({
  ...stepCommon,
  kind: z.literal('checklist'),
  items: z.array(checklistItemSchema).min(1, checkerWords['rule.one-item']).max(8),
  requireAll: z.boolean().optional().describe('When true, the senior can only go on once every item is ticked.'),
  next: nextSchema,
});

const reviewStepSchema = z.strictObject({ ...stepCommon, kind: z.literal('review'), next: nextSchema });

const handoffStepSchema = z.strictObject({ ...stepCommon, kind: z.literal('handoff'), next: nextSchema });

const doneStepSchema = z.strictObject({
  ...stepCommon,
  kind: z.literal('done'),
  whatNext: localizedTextSchema.optional().describe('What happens after the senior leaves the kiosk.'),
  takeHome: localizedTextSchema.optional().describe('Extra text for the printed take-home sheet.'),
  qrUrl: z
    .url({ protocol: /^https$/, error: checkerWords['rule.qr-https'] })
    .optional()
    .describe('Address encoded in the take-home QR code.'),
});

/** One screen of a procedure. */
export const stepSchema = z.discriminatedUnion(
  'kind',
  [infoStepSchema, questionStepSchema, quizStepSchema, inputStepSchema, checklistStepSchema, reviewStepSchema, handoffStepSchema, doneStepSchema],
  { error: checkerWords['rule.step-kind'] },
);

/** Something the senior must have at hand before starting. */
export const requirementSchema = z.strictObject({
  id: idSchema,
  label: localizedTextSchema.describe('The thing itself: "Su DNI en vigor".'),
  question: localizedTextSchema.describe('The yes/no question asked before starting: "¿Tiene su DNI a mano?".'),
  ifMissing: localizedTextSchema.optional().describe('Printed on the "vuelva con…" sheet when the senior does not have it.'),
});

/** One way to do the procedure outside the kiosk. */
export const channelSchema = z.strictObject({
  kind: z.enum(['online', 'phone', 'in-person', 'chat']),
  label: localizedTextSchema,
  details: localizedTextSchema.optional(),
  appointment: z.enum(['required', 'not-needed', 'not-needed-65-plus', 'depends']).optional(),
  url: z.url({ protocol: /^https$/, error: checkerWords['rule.channel-https'] }).optional(),
  phone: z
    .string()
    .regex(/^[0-9 +]{3,20}$/, checkerWords['rule.phone'])
    .optional(),
});

/** A hard word the senior can tap to hear and read its meaning. */
export const glossaryEntrySchema = z.strictObject({
  id: idSchema,
  term: localizedTextSchema,
  meaning: localizedTextSchema,
});

/** A whole procedure script. */
export const procedureSchema = z.strictObject({
  id: idSchema.describe("The procedure's name; the file is called <id>.yaml."),
  version: z.int().min(1, checkerWords['rule.version']).describe('Raised by one at every publication.'),
  title: localizedTextSchema.describe('The name on the catalogue tile.'),
  summary: localizedTextSchema.describe('One sentence under the title on the catalogue tile.'),
  icon: idSchema.describe("The name of the tile's icon."),
  officialUrl: z.url({ protocol: /^https$/, error: checkerWords['rule.official-https'] }).describe('The official page the facts are checked against.'),
  owner: z.string().trim().min(1).max(200).describe('Who answers for this script.'),
  lastVerified: z.iso
    .date({ error: checkerWords['rule.last-verified'] })
    .describe('The day the script was last checked against the official page (YYYY-MM-DD).'),
  languages: z
    .array(languageCodeSchema)
    .min(1, checkerWords['rule.one-language'])
    .refine((codes) => new Set(codes).size === codes.length, checkerWords['rule.language-twice'])
    .describe('Every language the texts are written in; every text needs all of them.'),
  reviewedLanguages: z
    .array(languageCodeSchema)
    .refine((codes) => new Set(codes).size === codes.length, checkerWords['rule.language-twice'])
    .default([])
    .describe(
      'The languages whose text a native speaker has read and approved for seniors, like [es, en]; each one must be in `languages`. ' +
        'Leave a language out until it is reviewed (a machine translation is not reviewed), and take it out again when its text changes. ' +
        'Without this field no language counts as reviewed. The checker notes every language not listed; a note does not stop publishing.',
    ),
  example: z.boolean().optional().describe('A demo script: the kiosk labels it as an example.'),
  practice: z
    .boolean()
    .optional()
    .describe(
      'A workshop script: nothing real is sent, codes and letters are fake, no official link is offered. The checker holds it to that: no channel address or QR address, no submitting step, and practiceData on every sensitive and input step.',
    ),
  twinOf: idSchema
    .optional()
    .describe('In a practice script: the id of the real procedure it was generated from (`npm run procedures:twins`). Needs `practice: true`.'),
  requirements: z.array(requirementSchema).max(12).default([]).describe('What to have at hand before starting.'),
  channels: z.array(channelSchema).max(12).default([]).describe('Other ways to do the procedure: online, phone, in person, chat.'),
  glossary: z.array(glossaryEntrySchema).max(100).default([]).describe('Hard words the senior can tap to hear explained.'),
  start: idSchema.optional().describe('The first step; defaults to the first one listed.'),
  steps: z.array(stepSchema).min(1, checkerWords['rule.one-step']).max(200, checkerWords['rule.at-most-steps']).describe('The screens, one instruction each.'),
});

/** Text in each of a procedure's languages. */
export type LocalizedText = z.infer<typeof localizedTextSchema>;
/** A validated procedure script. */
export type Procedure = z.infer<typeof procedureSchema>;
/** Any step of a procedure. */
export type Step = z.infer<typeof stepSchema>;
/** The kind names of steps. */
export type StepKind = Step['kind'];
/** A step of a given kind. */
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;
/** The typed-answer formats. */
export type InputFormat = z.infer<typeof inputFormatSchema>;

/** Every step kind, in the order the documentation lists them. */
export const stepKinds: readonly StepKind[] = ['info', 'question', 'quiz', 'input', 'checklist', 'review', 'handoff', 'done'];
