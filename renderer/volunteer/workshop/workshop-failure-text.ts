/**
 * The plain words for a refused workshop command: the hub's stable workshop codes
 * (core/protocol/workshop.ts) in the console's language, the console's usual words otherwise.
 */
import type { TFunction } from 'i18next';
import { commandFailureText, type FailureText } from '../hub-api/hub-error-text.js';
import type { HubFailure } from '../hub-api/hub-api.js';

const workshopCodes: Readonly<Record<string, string>> = {
  'workshop-ended': 'workshop.errors.ended',
  'workshop-not-found': 'workshop.errors.ended',
  'lesson-not-practice': 'workshop.errors.lessonNotPractice',
  'lesson-not-in-workshop': 'workshop.errors.stepGone',
  'step-not-found': 'workshop.errors.stepGone',
  'hand-not-raised': 'workshop.errors.handNotRaised',
  'seat-not-found': 'workshop.errors.seatGone',
};

/** What a failed workshop command means, in words. */
export function workshopFailureText(failure: HubFailure, t: TFunction): FailureText {
  const key = failure.kind === 'refused' && failure.detail?.code ? workshopCodes[failure.detail.code] : undefined;
  return key ? { message: t(key), sessionEnded: false } : commandFailureText(failure, t);
}
