/** Plain words, in the console's language, for a failed request. */
import type { TFunction } from 'i18next';
import { describeProblem } from '../../../core/procedure/messages/catalog.js';
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
  const refusal = refusalText(failure, t);
  if (refusal !== undefined) return { message: refusal, sessionEnded: false };
  if (failure.code === 'own-account') return { message: t('errors.ownAccount'), sessionEnded: false };
  if (failure.status === 404 && failure.message === 'Not Found') return { message: t('errors.notAvailable'), sessionEnded: false };
  return { message: t('errors.other', { message: failure.message }), sessionEnded: false };
}

/**
 * A refusal the hub names by its `reason` (hub/http/hub-error.ts `RefusalWords`), in the console's
 * words (`refusal.<reason>`), filled with the refusal's `params`; undefined for a reason this
 * console has no words for (a newer hub), which then shows the hub's own sentence.
 */
function refusalText(failure: HubFailure & { kind: 'refused' }, t: TFunction): string | undefined {
  const body = isRecord(failure.body) ? failure.body : {};
  const reason = typeof body['reason'] === 'string' ? body['reason'] : undefined;
  if (reason === undefined || !/^[A-Za-z]+$/.test(reason)) return undefined;
  const key = `refusal.${reason}`;
  const params = isRecord(body['params']) ? body['params'] : {};
  // What stops a publication: the first problem, said in the console's language like the editor's list.
  const first = Array.isArray(body['problems']) && isRecord(body['problems'][0]) ? body['problems'][0] : undefined;
  const firstText =
    first && typeof first['message'] === 'string'
      ? t('refusal.problemAt', { line: first['line'], message: describeProblem({ ...first, message: first['message'] }, consoleLanguage()) })
      : '';
  const text = t(key, { ...params, first: firstText, defaultValue: '' });
  return text === '' || text === key ? undefined : text;
}

/** The console's language, as its i18next set-up writes it on the page (`<html lang>`). */
function consoleLanguage(): string {
  return typeof document === 'undefined' ? 'en' : document.documentElement.lang || 'en';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
