/**
 * Turns the hub's answers into plain words in the console's language. The hub explains every
 * refusal in one English sentence; the ones a volunteer meets are recognised here and said in
 * their language, and anything else is shown as the hub wrote it rather than hidden.
 */
import type { TFunction } from 'i18next';
import type { HubFailure } from './hub-api.js';

/** What a failure means for the console, besides its message. */
export interface FailureText {
  message: string;
  /** The session is gone (expired, revoked, signed out elsewhere): sign in again. */
  sessionEnded: boolean;
}

/** The plain message of a failed sign-in. */
export function signInFailureText(failure: HubFailure, t: TFunction): string {
  if (failure.kind === 'network') return t('errors.offline');
  if (failure.status === 401) return t('errors.wrongPin');
  if (failure.status === 423) return t('errors.locked', { count: lockMinutes(failure.message) });
  if (failure.status === 404 && failure.field === 'siteId') return t('errors.unknownSite');
  if (failure.field === 'pin') return t('errors.badPin');
  if (failure.field === 'name') return t('errors.emptyName');
  return t('errors.other', { message: failure.message });
}

/** The plain message of a failed command on a call or on the console. */
export function commandFailureText(failure: HubFailure, t: TFunction): FailureText {
  if (failure.kind === 'network') return { message: t('errors.offline'), sessionEnded: false };
  if (failure.status === 401) return { message: t('errors.sessionEnded'), sessionEnded: true };
  return { message: refusalText(failure.status, failure.message, t), sessionEnded: false };
}

function refusalText(status: number, message: string, t: TFunction): string {
  const taken = /^(.+) has already taken this call\.$/.exec(message);
  if (taken) return t('errors.taken', { name: taken[1] === 'Another volunteer' ? t('call.someone') : taken[1] });
  if (message.startsWith('You have already accepted')) return t('errors.alreadyMine');
  if (message.startsWith('You have already said you arrived')) return t('errors.alreadyArrived');
  if (status === 409) return t('errors.closed');
  if (status === 403) return t('errors.notYours');
  if (status === 404) return t('errors.callGone');
  return t('errors.other', { message });
}

/** The minutes a locked account still has to wait, as the hub words it ("Try again in 15 minutes"). */
function lockMinutes(message: string): number {
  const minutes = /in (\d+) minute/.exec(message)?.[1];
  return minutes ? Number(minutes) : 15;
}
