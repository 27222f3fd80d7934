/**
 * Turns the hub's answers into plain words in the console's language. The hub explains every
 * refusal in one English sentence and gives the ones a volunteer meets a stable code; those are
 * said here in the volunteer's language, and anything else is shown as the hub wrote it.
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
  if (failure.status === 423) return t('errors.locked', { count: failure.detail?.minutes ?? 15 });
  if (failure.detail?.code === 'account-disabled') return t('errors.accountDisabled');
  // The hub's sign-in limits (too many from this network or for this name) and its full hashing queue.
  if (failure.detail?.code === 'too-many-sign-ins') return t('errors.tooManySignIns', { count: failure.detail.minutes ?? 15 });
  if (failure.detail?.code === 'sign-ins-busy') return t('errors.busy');
  if (failure.status === 404 && failure.field === 'siteId') return t('errors.unknownSite');
  if (failure.field === 'pin') return t('errors.badPin');
  // Only an empty name is "type your name"; a name the hub refused for what it holds (an
  // invisible character, a look-alike letter: issue 15) is shown in the hub's own words.
  if (failure.field === 'name' && failure.message === 'name: the name is empty') return t('errors.emptyName');
  return t('errors.other', { message: failure.message });
}

/** The plain message of a failed command on a call or on the console. */
export function commandFailureText(failure: HubFailure, t: TFunction): FailureText {
  if (failure.kind === 'network') return { message: t('errors.offline'), sessionEnded: false };
  if (failure.status === 401) return { message: t('errors.sessionEnded'), sessionEnded: true };
  return { message: refusalText(failure, t), sessionEnded: false };
}

/** Says a refusal in the console's language by its stable code; the hub's own words otherwise. */
function refusalText(failure: Extract<HubFailure, { kind: 'refused' }>, t: TFunction): string {
  switch (failure.detail?.code) {
    case 'call-taken':
      return t('errors.taken', { name: failure.detail.by === undefined || failure.detail.by === 'Another volunteer' ? t('call.someone') : failure.detail.by });
    case 'already-accepted':
      return t('errors.alreadyMine');
    case 'already-arrived':
      return t('errors.alreadyArrived');
    case 'call-closed':
      return t('errors.closed');
    case 'not-your-call':
      return t('errors.notYours');
    case 'not-found':
      return t('errors.callGone');
    default:
      return t('errors.other', { message: failure.message });
  }
}
