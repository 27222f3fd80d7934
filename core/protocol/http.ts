/**
 * Schemas of the hub's HTTP contract for the kiosk, volunteer and people routes: request bodies
 * and responses, as zod schemas. Routes are listed in api-routes.ts and paired with these
 * schemas in api-schemas.ts, from which the hub validates both ways and the UIs take their types.
 */
import { z } from 'zod';
import { promptIdSchema, promptSpeeds } from '../audio/manifest.js';
import { onDemandUiKeys, type OnDemandUiKey } from '../audio/spoken-ui-keys.js';
import { callOutcomes, callStates } from '../help-call/states.js';
import { accessRefusalCodes } from './routes.js';
import { workshopRefusalCodes } from './workshop-states.js';
import { entityIdSchema, idSchema, languageCodeSchema, lineSchema, localizedTextSchema, nameSchema, pinSchema, recordIdSchema, tokenSchema } from './common.js';

/**
 * Every error answer: a plain sentence, which field was wrong when one was, and for the refusals
 * UIs translate a stable `code` with its facts (who took the call, minutes left on a lock).
 */
export const errorResponseSchema = z.object({
  error: z.string(),
  field: z.string().optional(),
  code: z
    .enum([
      'call-taken',
      'already-accepted',
      'already-arrived',
      'call-closed',
      'not-your-call',
      'not-found',
      'wrong-credentials',
      'account-locked',
      'too-many-sign-ins',
      'sign-ins-busy',
      'account-disabled',
      'own-account',
      'not-accepted',
      ...accessRefusalCodes,
      ...workshopRefusalCodes,
    ])
    .optional(),
  by: z.string().optional(),
  minutes: z.number().optional(),
});

// --- kiosk ---

/**
 * How the senior is using the kiosk: by touch, or in the spoken mode (issue 17: headphones and a
 * numeric keypad, the screen perhaps blanked), which the volunteer needs to know to assist.
 */
export const kioskModes = ['touch', 'spoken'] as const;

/** One of {@link kioskModes}. */
export type KioskMode = (typeof kioskModes)[number];

/** A kiosk mode as the contract accepts it: exactly one of the names, nothing near it. */
export const kioskModeSchema = z.enum(kioskModes, { error: `mode is one of ${kioskModes.join(', ')}` });

/** Asks for a volunteer. Sending the same key again returns the same call. */
export const createCallRequestSchema = z.strictObject({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'idempotencyKey is 8 to 100 letters, digits, _ or -'),
  procedureId: idSchema,
  procedureVersion: z.int().min(1).optional(),
  stepId: idSchema,
  language: languageCodeSchema,
  // Optional so that kiosks built before the spoken mode keep calling: their calls are touch.
  mode: kioskModeSchema.optional(),
});

/** Anonymous events a kiosk reports; a random id per session, never anything the senior typed. */
export const kioskEventTypes = ['procedure-started', 'step-reached', 'help-called', 'procedure-completed', 'procedure-abandoned', 'idle-reset'] as const;

/** One anonymous kiosk event. */
export const kioskEventSchema = z.strictObject({
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'sessionId is 8 to 64 letters, digits, _ or -'),
  type: z.enum(kioskEventTypes),
  procedureId: idSchema.optional(),
  stepId: idSchema.optional(),
});

/** A batch of events, as a kiosk sends them. */
export const kioskEventsRequestSchema = z.strictObject({ events: z.array(kioskEventSchema).min(1).max(100) });

/** What a kiosk is told about its call. */
export const kioskCallViewSchema = z.object({
  id: recordIdSchema,
  state: z.enum(callStates),
  /** 1 when next; absent once a volunteer accepted. */
  position: z.int().min(1).optional(),
  estimatedWaitSeconds: z.int().min(0).optional(),
  /** The first name of the volunteer on the way. */
  volunteerName: z.string().optional(),
  /** Where to ask in person when nobody could come (escalated) or the hub is unreachable. */
  inPersonHelp: z.string().optional(),
  outcome: z.enum(callOutcomes).optional(),
});

/**
 * The PIN of the volunteer who holds the kiosk's call, typed at the kiosk after they asked from
 * their phone to take control of it (`POST /api/kiosk/calls/:id/volunteer`). The hub checks it
 * against that volunteer only: the kiosk never sends a name.
 */
export const kioskVolunteerSignInRequestSchema = z.strictObject({ pin: pinSchema });

/** The answer: the volunteer's session, held by the kiosk in memory for volunteer mode. */
export const kioskVolunteerSignInResponseSchema = z.object({
  token: tokenSchema,
  /** The first name, which is all the kiosk shows. */
  volunteer: z.object({ name: z.string() }),
});

/** The kiosk's own identity and site, for the kiosk screen and its offline fallback text. */
export const kioskMeResponseSchema = z.object({
  kiosk: z.object({ id: entityIdSchema, name: z.string(), location: z.string() }),
  site: z.object({ id: entityIdSchema, name: z.string(), inPersonHelp: z.string() }),
  demo: z.boolean(),
});

/** A small whole number in a query string ("3"), refusing "3.5", "-1", "1e3" and blanks. */
const queryInteger = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,3}$/, `write a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.int().min(min).max(max));

/** Which live values each help-call (or workshop hand) status sentence needs; the hub adds the site's in-person help itself. */
export const speechValuesNeeded: Readonly<Record<OnDemandUiKey, readonly ('position' | 'minutes' | 'name')[]>> = {
  'help.queued': ['position', 'minutes'],
  'help.queuedSoon': ['position'],
  'help.coming': ['name'],
  'help.arrived': ['name'],
  'help.nobodyCame': [],
  'help.unreachable': [],
  'workshop.handAnswered': ['name'],
};

/**
 * Asks the hub to speak a help-call status sentence (`GET /api/kiosk/speech?key=help.coming&name=Ana&language=es`).
 * The kiosk sends a key from a fixed list and the live values; the hub composes the sentence
 * from its own copy of the template, so no free text from a kiosk is ever rendered.
 */
export const speechQuerySchema = z
  .strictObject({
    key: z.enum(onDemandUiKeys, { error: `key is one of ${onDemandUiKeys.join(', ')}` }),
    language: languageCodeSchema,
    speed: z.enum(promptSpeeds, { error: `speed is one of ${promptSpeeds.join(', ')}` }).default('slow'),
    position: queryInteger(1, 99).optional(),
    minutes: queryInteger(0, 999).optional(),
    name: z
      .string()
      .regex(/^\p{L}[\p{L}\p{M}' -]{0,59}$/u, 'a name is 1 to 60 letters (spaces, hyphens and apostrophes between them)')
      .optional(),
  })
  .superRefine((query, context) => {
    for (const value of speechValuesNeeded[query.key]) {
      if (query[value] === undefined) context.addIssue({ code: 'custom', path: [value], message: `${query.key} needs ${value}` });
    }
  });

/**
 * Asks the hub to speak a prompt the kiosk's audio build does not have: a published procedure's
 * text in its current wording (`GET /api/kiosk/speech/prompt?id=proc/cita-previa/steps/dni/text&language=es`),
 * or one of the interface's spoken texts while the build has not finished (`id=ui/attract.start`).
 * The kiosk names the text, and the hub reads it from its own catalogue or kiosk locales, so no
 * free text from a kiosk is ever rendered.
 */
export const promptSpeechQuerySchema = z.strictObject({
  id: promptIdSchema,
  language: languageCodeSchema,
  speed: z.enum(promptSpeeds, { error: `speed is one of ${promptSpeeds.join(', ')}` }).default('slow'),
});

/** The spoken sentence: its text and where to fetch it (under /audio/). */
export const speechResponseSchema = z.object({ text: z.string(), ogg: z.string(), mp3: z.string(), duration: z.number().positive() });

// --- volunteer ---

/** A volunteer signs in with their name and PIN for a site. */
export const volunteerLoginRequestSchema = z.strictObject({ siteId: entityIdSchema, name: nameSchema, pin: pinSchema });

/** The answer to a volunteer login. */
export const volunteerLoginResponseSchema = z.object({
  token: tokenSchema,
  volunteer: z.object({ id: entityIdSchema, name: z.string(), languages: z.array(languageCodeSchema), available: z.boolean() }),
  site: z.object({ id: entityIdSchema, name: z.string() }),
  demo: z.boolean(),
});

/** The availability switch. */
export const availabilityRequestSchema = z.strictObject({ available: z.boolean() });

/**
 * "Tomar el control del quiosco": the volunteer who holds a call asks its kiosk for their PIN
 * (`POST /api/volunteer/calls/:id/take-over`, an empty body). Only that volunteer may.
 */
export const takeOverRequestSchema = z.strictObject({});

/** How a volunteer closes a call. */
export const resolveCallRequestSchema = z.strictObject({ outcome: z.enum(callOutcomes) });

/** What a volunteer sees of a call: never the senior's answers, never a sensitive step's content. */
export const volunteerCallViewSchema = z.object({
  id: recordIdSchema,
  state: z.enum(callStates),
  kioskName: z.string(),
  kioskLocation: z.string(),
  procedureTitle: localizedTextSchema,
  /** Null when the step is sensitive: the volunteer learns only that it is a private step. */
  stepTitle: localizedTextSchema.nullable(),
  sensitiveStep: z.boolean(),
  commonProblems: z.array(localizedTextSchema),
  language: languageCodeSchema,
  /** How the senior is using the kiosk; in the spoken mode they may not see its screen. */
  mode: kioskModeSchema,
  createdAt: z.number(),
  acceptedAt: z.number().optional(),
  volunteerName: z.string().optional(),
  /** Accepted by the volunteer who is looking. */
  mine: z.boolean(),
  /** Offered to the volunteer who is looking (they are available and eligible). */
  offeredToMe: z.boolean(),
  outcome: z.enum(callOutcomes).optional(),
});

/** The volunteer's list of calls. */
export const volunteerCallsResponseSchema = z.object({ calls: z.array(volunteerCallViewSchema), serverNow: z.number(), available: z.boolean() });

// --- staff ---

/** Staff sign in with e-mail and password. */
export const staffLoginRequestSchema = z.strictObject({ email: z.email('this is not an e-mail address').max(200), password: z.string().min(1).max(200) });

/** The answer to a staff login. */
export const staffLoginResponseSchema = z.object({
  token: tokenSchema,
  staff: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  demo: z.boolean(),
});

/** Creates a site. */
export const createSiteRequestSchema = z.strictObject({
  id: entityIdSchema.optional(),
  name: nameSchema,
  location: lineSchema(200).default(''),
  /** Seconds before an unaccepted call escalates. */
  escalationSeconds: z.int().min(15).max(3600).default(120),
  /** What the kiosk tells a senior when nobody can come: where to ask in person. */
  inPersonHelp: lineSchema(300).pipe(z.string().min(1, 'say where a senior can ask in person')),
});

/** Creates a kiosk; the answer carries its device token, shown once. */
export const createKioskRequestSchema = z.strictObject({
  id: entityIdSchema.optional(),
  siteId: entityIdSchema,
  name: nameSchema,
  location: lineSchema(200).default(''),
});

/** Creates a volunteer. */
export const createVolunteerRequestSchema = z.strictObject({
  id: entityIdSchema.optional(),
  name: nameSchema,
  pin: pinSchema,
  siteIds: z.array(entityIdSchema).min(1).max(20),
  languages: z.array(languageCodeSchema).min(1).max(10),
});

/** Changes a volunteer's languages or sites. */
export const updateVolunteerRequestSchema = z.strictObject({
  languages: z.array(languageCodeSchema).min(1).max(10).optional(),
  siteIds: z.array(entityIdSchema).min(1).max(20).optional(),
});

/** Sets a new PIN (and unlocks the account). */
export const resetPinRequestSchema = z.strictObject({ pin: pinSchema });

/** A staff password: long, since it guards everything staff can do. */
const staffPasswordSchema = z.string().min(10, 'a staff password has at least 10 characters').max(200);

/** Creates a staff account. */
export const createStaffRequestSchema = z.strictObject({
  email: z.email('this is not an e-mail address').max(200),
  name: nameSchema,
  password: staffPasswordSchema,
});

/** Sets a staff account's password. */
export const staffPasswordRequestSchema = z.strictObject({ password: staffPasswordSchema });

/** Disables (`true`) or enables (`false`) a volunteer or a staff account. */
export const setDisabledRequestSchema = z.strictObject({ disabled: z.boolean() });

/** Types derived from the schemas above. */
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type CreateCallRequest = z.infer<typeof createCallRequestSchema>;
export type KioskCallView = z.infer<typeof kioskCallViewSchema>;
export type KioskEvent = z.infer<typeof kioskEventSchema>;
export type KioskMeResponse = z.infer<typeof kioskMeResponseSchema>;
export type SpeechQuery = z.infer<typeof speechQuerySchema>;
export type SpeechResponse = z.infer<typeof speechResponseSchema>;
export type VolunteerLoginRequest = z.infer<typeof volunteerLoginRequestSchema>;
export type VolunteerLoginResponse = z.infer<typeof volunteerLoginResponseSchema>;
export type VolunteerCallView = z.infer<typeof volunteerCallViewSchema>;
export type VolunteerCallsResponse = z.infer<typeof volunteerCallsResponseSchema>;
export type StaffLoginResponse = z.infer<typeof staffLoginResponseSchema>;
export type CreateSiteRequest = z.infer<typeof createSiteRequestSchema>;
export type CreateKioskRequest = z.infer<typeof createKioskRequestSchema>;
export type CreateVolunteerRequest = z.infer<typeof createVolunteerRequestSchema>;
