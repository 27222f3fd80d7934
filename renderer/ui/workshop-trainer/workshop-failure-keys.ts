/**
 * The trainer's page's words for the hub's stable workshop refusal codes
 * (core/protocol/workshop-states.ts): `workshop.errors.*` in each console's catalogue. Each
 * console words everything else its own way.
 */

const workshopCodes: Readonly<Record<string, string>> = {
  'workshop-ended': 'workshop.errors.ended',
  'workshop-not-found': 'workshop.errors.ended',
  'lesson-not-practice': 'workshop.errors.lessonNotPractice',
  'lesson-not-in-workshop': 'workshop.errors.stepGone',
  'step-not-found': 'workshop.errors.stepGone',
  'hand-not-raised': 'workshop.errors.handNotRaised',
  'seat-not-found': 'workshop.errors.seatGone',
  'site-not-found': 'workshop.errors.siteGone',
};

/** The `workshop.errors.*` key of a stable workshop refusal code, or undefined. */
export function workshopFailureKey(code: string | undefined): string | undefined {
  return code === undefined ? undefined : workshopCodes[code];
}
