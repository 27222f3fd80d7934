/**
 * The plain words for a refused workshop command: the hub's stable workshop codes
 * (core/protocol/workshop.ts) in the console's language, the console's usual words otherwise.
 */
import type { TFunction } from 'i18next';
import { commandFailureText, type FailureText } from '../hub-api/hub-error-text.js';
import type { HubFailure } from '../hub-api/hub-api.js';
import { workshopFailureKey } from '../../ui/workshop-trainer/workshop-failure-keys.js';

/** What a failed workshop command means, in words. */
export function workshopFailureText(failure: HubFailure, t: TFunction): FailureText {
  const key = failure.kind === 'refused' ? workshopFailureKey(failure.detail?.code) : undefined;
  return key ? { message: t(key), sessionEnded: false } : commandFailureText(failure, t);
}
