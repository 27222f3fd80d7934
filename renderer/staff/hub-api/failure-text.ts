/** Plain words, in the console's language, for a failed request. */
import type { TFunction } from 'i18next';
import type { HubFailure } from './request.js';

/** The message of a failed sign-in. */
export function signInFailureText(failure: HubFailure, t: TFunction): string {
  if (failure.kind === 'network') return t('errors.offline');
  // A locked account and the hub's sign-in limits (429: too many from this network or for this e-mail) say the same.
  if (failure.status === 423 || failure.code === 'account-locked' || failure.code === 'too-many-sign-ins')
    return t('errors.locked', { count: failure.minutes ?? 15 });
  if (failure.code === 'sign-ins-busy') return t('errors.busy');
  if (failure.code === 'account-disabled') return t('errors.accountDisabled');
  if (failure.status === 401 || failure.code === 'wrong-credentials') return t('errors.wrongCredentials');
  if (failure.field === 'email') return t('errors.badEmail');
  return t('errors.other', { message: failure.message });
}

/** The message of any other failed request; `sessionEnded` asks the console to sign in again. */
export function failureText(failure: HubFailure, t: TFunction): { message: string; sessionEnded: boolean } {
  if (failure.kind === 'network') return { message: t('errors.offline'), sessionEnded: false };
  if (failure.status === 401) return { message: t('errors.sessionEnded'), sessionEnded: true };
  if (failure.code === 'check-too-long') return { message: t('errors.checkTooLong'), sessionEnded: false };
  if (failure.code === 'own-account') return { message: t('errors.ownAccount'), sessionEnded: false };
  if (failure.status === 404 && failure.message === 'Not Found') return { message: t('errors.notAvailable'), sessionEnded: false };
  return { message: t('errors.other', { message: failure.message }), sessionEnded: false };
}
