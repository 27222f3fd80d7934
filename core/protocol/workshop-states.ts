/**
 * The plain facts of the workshop contract (core/protocol/workshop.ts) without zod, so that the
 * kiosk, which ships no zod (issue 13), can read its workshop with the light checks of
 * kiosk-answers.ts and name the refusals. workshop.ts re-exports all of it.
 */

/** Most kiosks in one workshop (a centre's room; the 30-kiosk test stays under it). */
export const workshopSeatLimit = 40;

/** Most lessons one workshop offers. */
export const workshopLessonLimit = 12;

/** Most workshops running at once at one site. */
export const runningWorkshopLimit = 20;

/**
 * The longest wait, in minutes, a refusal for too many wrong join codes names (the site's lock,
 * hub/workshops/join-code-lock.ts); the kiosk has a spoken sentence ready for each figure up to it.
 */
export const joinCodeLockMaxMinutes = 20;

/** How long a participant's first name may be. */
export const participantNameMaxLength = 30;

/** The trainer's pause message, shown (and spoken) on every participant's screen. */
export const pauseMessageMaxLength = 120;

/** The state of a workshop. `ended` is only ever pushed once, as the last word. */
export const workshopStates = ['running', 'paused', 'ended'] as const;
export type WorkshopState = (typeof workshopStates)[number];

/** A participant's hand: down, raised (waiting), or answered (the trainer is coming). */
export const handStates = ['down', 'raised', 'answered'] as const;
export type HandState = (typeof handStates)[number];

/** The stable codes of the workshop refusals (4xx), which the console and the kiosk word themselves. */
export const workshopRefusalCodes = [
  /** No running workshop has this code at the kiosk's site (a wrong code, or another site's). */
  'workshop-not-found',
  /** The code was this site's workshop, which has ended; or a command to an ended workshop. */
  'workshop-ended',
  /** Every seat is taken. */
  'workshop-full',
  /** This kiosk is in no workshop (it left, or the workshop ended). */
  'not-in-workshop',
  /** A lesson that is not one of the workshop's, or a start with a lesson that is not a published practice script. */
  'lesson-not-in-workshop',
  'lesson-not-practice',
  /** A step id the lesson's published version does not have. */
  'step-not-found',
  /** Answering a hand that is not raised, or a seat nobody holds. */
  'hand-not-raised',
  'seat-not-found',
  /** A site already has {@link runningWorkshopLimit} workshops running. */
  'too-many-workshops',
  /** Too many wrong join codes from this kiosk or its site: joining waits `minutes` (hub/workshops/join-code-lock.ts). */
  'join-code-locked',
  /** A member of staff chose a site the hub does not know to lead a workshop at. */
  'site-not-found',
] as const;
export type WorkshopRefusalCode = (typeof workshopRefusalCodes)[number];
