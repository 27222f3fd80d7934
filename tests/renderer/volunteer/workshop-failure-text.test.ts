import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../assets/locales/en/volunteer.json';
import es from '../../../assets/locales/es/volunteer.json';
import type { ErrorResponse } from '../../../core/protocol/http.js';
import type { HubFailure } from '../../../renderer/volunteer/hub-api/hub-api.js';
import { workshopFailureText } from '../../../renderer/volunteer/workshop/workshop-failure-text.js';

async function translator(language: 'es' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng: language, resources: { es: { translation: es }, en: { translation: en } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const refused = (code: NonNullable<ErrorResponse['code']>, message = 'the hub says no'): HubFailure => ({
  kind: 'refused',
  status: 409,
  message,
  detail: { code },
});

describe("a refused workshop command, in the trainer's words", () => {
  it('words the hub’s workshop codes in Spanish and English', async () => {
    const es = await translator('es');
    const en = await translator('en');
    expect(workshopFailureText(refused('hand-not-raised'), es)).toEqual({ message: 'Esa persona ya no tiene la mano levantada.', sessionEnded: false });
    expect(workshopFailureText(refused('workshop-ended'), es).message).toBe('Este taller ya ha terminado.');
    expect(workshopFailureText(refused('seat-not-found'), en).message).toBe('That seat has already left the workshop.');
    expect(workshopFailureText(refused('step-not-found'), en).message).toBe('That step is no longer in the lesson. Choose another.');
  });

  it('falls back to the console’s words: a lost session, no network, or the hub’s own sentence', async () => {
    const es = await translator('es');
    expect(workshopFailureText({ kind: 'refused', status: 401, message: 'no session' }, es)).toEqual({
      message: 'Su sesión ha terminado. Entre otra vez.',
      sessionEnded: true,
    });
    expect(workshopFailureText({ kind: 'network' }, es).sessionEnded).toBe(false);
    expect(workshopFailureText({ kind: 'refused', status: 400, message: 'lessonIds: choose at least one lesson' }, es).message).toContain(
      'choose at least one lesson',
    );
  });
});
