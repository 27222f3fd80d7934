import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { staffTranslator } from './support/staff-translator.js';
import en from '../../../assets/locales/en/staff.json';
import es from '../../../assets/locales/es/staff.json';
import { failureText, signInFailureText } from '../../../renderer/staff/hub-api/failure-text.js';

/** Every key path of a nested strings file. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('staff console messages', () => {
  it('says a refused sign-in in plain words, in each language', async () => {
    const t = await staffTranslator('en');
    expect(signInFailureText({ kind: 'network' }, t)).toBe(en.errors.offline);
    expect(signInFailureText({ kind: 'refused', status: 401, message: 'x', code: 'wrong-credentials' }, t)).toBe(en.errors.wrongCredentials);
    expect(signInFailureText({ kind: 'refused', status: 423, message: 'x', minutes: 7 }, t)).toBe('Too many failed attempts. Try again in 7 minutes.');
    const tEs = await staffTranslator('es');
    expect(signInFailureText({ kind: 'refused', status: 400, message: 'x', field: 'email' }, tEs)).toBe(es.errors.badEmail);
    // The hub's sign-in limits and full hashing queue (issue 15), in the console's language.
    expect(signInFailureText({ kind: 'refused', status: 429, message: 'Too many…', code: 'too-many-sign-ins', minutes: 3 }, tEs)).toBe(
      'Demasiados intentos fallidos. Inténtelo de nuevo dentro de 3 minutos.',
    );
    expect(signInFailureText({ kind: 'refused', status: 503, message: 'busy', code: 'sign-ins-busy' }, tEs)).toBe(es.errors.busy);
  });

  it("a 401 anywhere ends the session; other refusals keep the hub's sentence", async () => {
    const t = await staffTranslator('es');
    expect(failureText({ kind: 'refused', status: 401, message: 'expired' }, t)).toEqual({ message: es.errors.sessionEnded, sessionEnded: true });
    // The checker's time budget (issue 15) in the console's language, not the hub's English.
    expect(failureText({ kind: 'refused', status: 503, message: 'This script took too long…', code: 'check-too-long' }, t)).toEqual({
      message: es.errors.checkTooLong,
      sessionEnded: false,
    });
    expect(failureText({ kind: 'refused', status: 422, message: 'write one line saying what changed' }, t)).toEqual({
      message: 'El servidor lo ha rechazado: write one line saying what changed',
      sessionEnded: false,
    });
  });

  it('says that a disabled account cannot sign in, and that nobody may disable or delete their own account', async () => {
    const t = await staffTranslator('es');
    expect(signInFailureText({ kind: 'refused', status: 403, message: 'x', code: 'account-disabled' }, t)).toBe(es.errors.accountDisabled);
    expect(failureText({ kind: 'refused', status: 409, message: 'x', code: 'own-account' }, t)).toEqual({ message: es.errors.ownAccount, sessionEnded: false });
  });

  it("says the hub's refusals by their reason in the console's language, the first problem of a publication included", async () => {
    const t = await staffTranslator('es');
    // The console's i18next set-up writes its language on <html lang>, which words the checker's problems.
    vi.stubGlobal('document', { documentElement: { lang: 'es' } });
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const nul = { kind: 'refused', status: 400, message: 'source: the script contains a NUL character; is it a binary file?', field: 'source' } as const;
    expect(failureText({ ...nul, body: { error: nul.message, field: 'source', reason: 'sourceNul' } }, t).message).toBe(es.refusal.sourceNul);
    const problem = { line: 4, column: 3, message: 'step "a" is a dead end: …', code: 'dead-end', params: { step: 'a' } };
    const refused = { error: 'The draft has 2 problems…', code: 'has-problems', problems: [problem], reason: 'draftHasProblems', params: { count: 2 } };
    expect(failureText({ kind: 'refused', status: 422, message: refused.error, code: 'has-problems', body: refused }, t).message).toBe(
      'El borrador tiene 2 problemas que corregir antes de poder publicarlo. El primero: línea 4: ' +
        'el paso "a" es un callejón sin salida: no es un paso "done" y no lleva a ninguna parte; añada "next:"',
    );
    const published = { error: 'Version 3 is already the published one.', code: 'nothing-to-publish', reason: 'alreadyPublished', params: { version: 3 } };
    expect(failureText({ kind: 'refused', status: 409, message: published.error, body: published }, t).message).toBe('La versión 3 ya es la publicada.');
    // A reason this console has no words for (a newer hub) keeps the hub's sentence.
    const unknown = { error: 'Something new.', reason: 'somethingNew' };
    expect(failureText({ kind: 'refused', status: 409, message: unknown.error, body: unknown }, t).message).toBe('El servidor lo ha rechazado: Something new.');
  });

  it('Spanish and English have the same strings', () => {
    expect(keys(en).sort()).toEqual(keys(es).sort());
  });
});
