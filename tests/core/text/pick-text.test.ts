import { describe, expect, it } from 'vitest';
import { pickText, shownLanguage } from '../../../core/text/pick-text.js';

const title = { es: 'Certificado de empadronamiento', en: 'Census registration certificate' };

describe('picking a text written per language', () => {
  it('is in the language asked for when it is written in it', () => {
    expect(pickText(title, 'en')).toEqual({ text: 'Census registration certificate', lang: 'en' });
  });

  it('falls back to Spanish, marked as Spanish, when it is not', () => {
    expect(pickText(title, 'ar')).toEqual({ text: 'Certificado de empadronamiento', lang: 'es' });
  });

  it('takes whichever language there is when neither the one asked for nor Spanish is written', () => {
    expect(pickText({ fr: 'Certificat', ar: 'شهادة' }, 'en')).toEqual({ text: 'Certificat', lang: 'fr' });
  });

  it('counts a blank text as missing', () => {
    expect(pickText({ en: '  ', es: 'Hola' }, 'en')).toEqual({ text: 'Hola', lang: 'es' });
  });

  it('gives an empty text in the language asked for when there is nothing', () => {
    expect(pickText(undefined, 'en')).toEqual({ text: '', lang: 'en' });
    expect(pickText(null, 'ar')).toEqual({ text: '', lang: 'ar' });
    expect(pickText({ es: ' ' }, 'en')).toEqual({ text: '', lang: 'en' });
  });
});

describe('the language a procedure is shown in', () => {
  it('is the chosen one when the procedure is written in it, else Spanish', () => {
    expect(shownLanguage(['es', 'en', 'ar'], 'ar')).toBe('ar');
    expect(shownLanguage(['es', 'en'], 'ar')).toBe('es');
  });
});
