/**
 * Workshops (issue 18): a trainer leads the kiosks of a site through practice lessons. This is
 * the contract between the hub (hub/workshops/), the trainer's page in the volunteer console and
 * the kiosk's PRÁCTICA mode. Commands go over HTTP (routes in api-routes.ts, schemas paired in
 * api-schemas.ts); state is pushed over the one WebSocket (`workshop.grid` to volunteers of the
 * site, `kiosk.workshop` to a participating kiosk; ws.ts). The kiosk reads its answers with the
 * light checks of kiosk-answers.ts, so this file is imported by the kiosk only as types.
 *
 * Who is who:
 * - a **trainer** is a volunteer signed in at the site (the volunteer console's session and
 *   rules; any volunteer of the site may lead its running workshops, a co-trainer answers hands
 *   too) or a member of staff at a site they chose in the staff console (the `staff…Workshop`
 *   routes, the site in the path; they lead their own workshops and the site's volunteers'). The
 *   rule is core/workshop/trainer-rules.ts;
 * - a **participant** is a kiosk of the same site (its device token), in at most one workshop at
 *   a time; it is known by its seat number ("Puesto 3") and, if the senior typed one, a first
 *   name. When the workshop ends (or the kiosk leaves), its row is deleted: only counts remain.
 */
import { z } from 'zod';
import { entityIdSchema, freeTextSchema, idSchema, localizedTextSchema, recordIdSchema } from './common.js';
import { handStates, participantNameMaxLength, pauseMessageMaxLength, workshopLessonLimit, workshopSeatLimit, workshopStates } from './workshop-states.js';

export * from './workshop-states.js';

/** A join code: 4 to 6 digits, unique among running workshops (4 digits first, longer only when those are taken). */
export const workshopCodeSchema = z.string().regex(/^[0-9]{4,6}$/, 'a workshop code is 4 to 6 digits');

/**
 * The first name a senior may type on joining, with the hub's free-text rules for names
 * (core/validation/free-text.ts) and at most 30 characters. Left out (never sent empty): the seat number only.
 */
export const participantNameSchema = freeTextSchema('name').pipe(
  z.string().max(participantNameMaxLength, `the first name is longer than ${participantNameMaxLength} characters`),
);

/** A place in a lesson: a published practice procedure's id and one of its step ids. */
export const lessonPlaceSchema = z.strictObject({ lessonId: idSchema, stepId: idSchema });

/**
 * Follow-the-leader: where the trainer brings everyone. `at` is when the trainer asked (hub
 * clock, ms): a kiosk moves when it sees an `at` it has not followed yet, so asking for the same
 * step again brings back a senior who wandered off.
 */
export const followTargetSchema = z.object({ lessonId: idSchema, stepId: idSchema, at: z.number() });

/** One lesson of a workshop as the trainer's page lists it: its title and steps (to pick a follow target). */
export const workshopLessonSchema = z.object({
  id: idSchema,
  title: localizedTextSchema,
  /** The published version the workshop uses (the one current when it started). */
  version: z.int().min(1),
  steps: z.array(z.object({ id: idSchema, title: localizedTextSchema })),
});

// --- the trainer (volunteer routes) ---

/** The lessons a trainer can choose: every published procedure with `practice: true`. */
export const workshopLessonsResponseSchema = z.object({ lessons: z.array(workshopLessonSchema) });

/** Starts a workshop at the trainer's site with 1 to 12 different lessons, in that order. */
export const startWorkshopRequestSchema = z.strictObject({
  lessonIds: z
    .array(idSchema)
    .min(1, 'choose at least one lesson')
    .max(workshopLessonLimit, `at most ${workshopLessonLimit} lessons in one workshop`)
    .refine((ids) => new Set(ids).size === ids.length, 'a lesson is listed twice'),
});

/** One seat of the trainer's live grid. Nothing else of the participant is ever known. */
export const workshopSeatSchema = z.object({
  seat: z.int().min(1),
  /** Only if the senior typed one. */
  firstName: z.string().optional(),
  /** Where the kiosk is; absent until its first progress report. */
  lessonId: idSchema.optional(),
  stepId: idSchema.optional(),
  /** The step's title in every language of the lesson (null for a private step, as for help calls, or one the lesson no longer has). */
  stepTitle: localizedTextSchema.nullable().optional(),
  /** Since when (hub clock, ms) the kiosk is on this step: "stuck for more than N minutes" is `serverNow - stepSince`. */
  stepSince: z.number().optional(),
  /** The lessons this kiosk finished, in the workshop's order. */
  finishedLessons: z.array(idSchema),
  hand: z.enum(handStates),
  /** When the hand went up (hub clock, ms), while it is raised or answered. */
  handRaisedAt: z.number().optional(),
  /** The first name of whoever answered it, while answered. */
  handAnsweredBy: z.string().optional(),
  joinedAt: z.number(),
});

/** A workshop as its trainers see it: the code, the lessons, every seat. */
export const trainerWorkshopViewSchema = z.object({
  id: recordIdSchema,
  code: workshopCodeSchema,
  siteId: z.string(),
  state: z.enum(workshopStates),
  pauseMessage: z.string().optional(),
  follow: followTargetSchema.nullable(),
  lessons: z.array(workshopLessonSchema),
  /** The first name of the volunteer or member of staff who started it. */
  startedBy: z.string(),
  startedAt: z.number(),
  seats: z.array(workshopSeatSchema),
  seatLimit: z.int().min(1),
});

/** The answer to a start and to every trainer command: the workshop as it now is, and the hub's clock. */
export const trainerWorkshopResponseSchema = z.object({ workshop: trainerWorkshopViewSchema, serverNow: z.number() });

/** The running workshops of the trainer's site. */
export const trainerWorkshopsResponseSchema = z.object({ workshops: z.array(trainerWorkshopViewSchema), serverNow: z.number() });

/** Follow-the-leader on (a place in one of the workshop's lessons) or off (`null`). */
export const followRequestSchema = z.strictObject({ target: lessonPlaceSchema.nullable() });

/** Pauses every screen with a short message, or resumes (`paused: false`, no message). */
export const pauseRequestSchema = z.discriminatedUnion('paused', [
  z.strictObject({
    paused: z.literal(true),
    message: freeTextSchema('line').pipe(
      z.string().min(1, 'write a short message for the screens').max(pauseMessageMaxLength, `at most ${pauseMessageMaxLength} characters`),
    ),
  }),
  z.strictObject({ paused: z.literal(false) }),
]);

/** Path of a seat's hand: `/api/volunteer/workshops/:id/seats/:seat/hand`. */
export const seatParamsSchema = z.object({
  id: recordIdSchema,
  seat: z.coerce.number().int().min(1, 'a seat number starts at 1').max(workshopSeatLimit, `a seat number is at most ${workshopSeatLimit}`),
});

/** A workshop's id in a path. */
export const workshopParamsSchema = z.object({ id: recordIdSchema });

/** The site a member of staff leads at, in a path: `/api/staff/sites/:site/workshops`. */
export const staffSiteParamsSchema = z.object({ site: entityIdSchema });

/** A workshop of the site a member of staff leads at. */
export const staffWorkshopParamsSchema = staffSiteParamsSchema.extend(workshopParamsSchema.shape);

/** A seat of a workshop of the site a member of staff leads at. */
export const staffSeatParamsSchema = staffSiteParamsSchema.extend(seatParamsSchema.shape);

/** Answering a raised hand: an empty body (the participant's kiosk then shows "<first name> viene"). */
export const answerHandRequestSchema = z.strictObject({});

/** Ending a workshop: an empty body. Every participant is wiped; the answer says how many took part. */
export const endWorkshopRequestSchema = z.strictObject({});

/** What ending left: counts only. */
export const endWorkshopResponseSchema = z.object({ participants: z.int().min(0), lessonsCompleted: z.int().min(0) });

// --- the participant (kiosk routes) ---

/** Joins the running workshop of this code at the kiosk's site; joining again resets this kiosk's place (same seat). */
export const joinWorkshopRequestSchema = z.strictObject({
  code: workshopCodeSchema,
  firstName: participantNameSchema.optional(),
});

/**
 * Where the kiosk is now. The lesson must be one of the workshop's, the step one of its
 * published version's; `finishedLessons` lists every lesson finished so far (each one of the
 * workshop's).
 */
export const workshopProgressRequestSchema = z.strictObject({
  lessonId: idSchema,
  stepId: idSchema,
  finishedLessons: z
    .array(idSchema)
    .max(workshopLessonLimit)
    .refine((ids) => new Set(ids).size === ids.length, 'a lesson is listed twice'),
});

/** Raises or lowers the kiosk's hand (the help button in PRÁCTICA mode). */
export const workshopHandRequestSchema = z.strictObject({ raised: z.boolean() });

/**
 * One answer to a quiz step, for the "most often missed" record: right or wrong only. Never who
 * answered, never which choice.
 */
export const workshopAnswerRequestSchema = z.strictObject({ lessonId: idSchema, stepId: idSchema, correct: z.boolean() });

/** Leaving: an empty body; the kiosk's row is deleted at once. */
export const leaveWorkshopRequestSchema = z.strictObject({});

/** What a participating kiosk is told: the state, the follow target, its own seat and hand, the lessons. */
export const kioskWorkshopViewSchema = z.object({
  id: recordIdSchema,
  state: z.enum(workshopStates),
  pauseMessage: z.string().optional(),
  follow: followTargetSchema.nullable(),
  /** The lessons, in the workshop's order (published practice procedures the kiosk holds). */
  lessonIds: z.array(idSchema),
  seat: z.int().min(1),
  firstName: z.string().optional(),
  hand: z.enum(handStates),
  /** While the hand is answered: the first name of who is coming ("Ana viene"). */
  handAnsweredBy: z.string().optional(),
  /** The first name of the trainer who started it. */
  trainerName: z.string(),
});

/** The kiosk's workshop, or null when it is in none. */
export const kioskWorkshopResponseSchema = z.object({ workshop: kioskWorkshopViewSchema.nullable() });

// --- records (staff) ---

/** The workshop figures of one site in one month (UTC). Counts only: no participant identity. */
export const workshopMonthFiguresSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  /** `YYYY-MM`. */
  month: z.string().regex(/^[0-9]{4}-[0-9]{2}$/),
  workshops: z.int().min(0),
  participants: z.int().min(0),
  lessonsCompleted: z.int().min(0),
});

/** A quiz step and how often it was answered wrongly, per site and month. */
export const missedQuestionSchema = z.object({
  siteId: z.string(),
  month: z.string().regex(/^[0-9]{4}-[0-9]{2}$/),
  lessonId: idSchema,
  stepId: idSchema,
  /** The lesson's and step's titles in their current published version (null when gone). */
  lessonTitle: localizedTextSchema.nullable(),
  stepTitle: localizedTextSchema.nullable(),
  answers: z.int().min(1),
  wrong: z.int().min(0),
  /** wrong / answers, 0 to 1. */
  shareWrong: z.number().min(0).max(1),
});

/** `GET /api/staff/workshop-records?from=&to=` (whole UTC days, as analytics): per site and month, and the most missed questions first. */
export const workshopRecordsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(workshopMonthFiguresSchema),
  /** Most missed first (share wrong, then answers), at most 50. */
  missedQuestions: z.array(missedQuestionSchema),
});

/** Types derived from the schemas above. */
export type LessonPlace = z.infer<typeof lessonPlaceSchema>;
export type FollowTarget = z.infer<typeof followTargetSchema>;
export type WorkshopLesson = z.infer<typeof workshopLessonSchema>;
export type WorkshopSeat = z.infer<typeof workshopSeatSchema>;
export type TrainerWorkshopView = z.infer<typeof trainerWorkshopViewSchema>;
export type TrainerWorkshopResponse = z.infer<typeof trainerWorkshopResponseSchema>;
export type TrainerWorkshopsResponse = z.infer<typeof trainerWorkshopsResponseSchema>;
export type EndWorkshopResponse = z.infer<typeof endWorkshopResponseSchema>;
export type WorkshopProgressRequest = z.infer<typeof workshopProgressRequestSchema>;
export type WorkshopAnswerRequest = z.infer<typeof workshopAnswerRequestSchema>;
export type KioskWorkshopView = z.infer<typeof kioskWorkshopViewSchema>;
export type KioskWorkshopResponse = z.infer<typeof kioskWorkshopResponseSchema>;
export type WorkshopMonthFigures = z.infer<typeof workshopMonthFiguresSchema>;
export type MissedQuestion = z.infer<typeof missedQuestionSchema>;
export type WorkshopRecordsResponse = z.infer<typeof workshopRecordsResponseSchema>;
