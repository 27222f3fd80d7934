import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../../core/text/sentences.js';

describe('sentencesOf', () => {
  it('splits after . ! ? … and the Arabic question mark, keeping each mark', () => {
    expect(sentencesOf('Es gratis. ¿Lo quiere? ¡Bien! Espere… هل لديك؟ نعم.')).toEqual(['Es gratis.', '¿Lo quiere?', '¡Bien!', 'Espere…', 'هل لديك؟', 'نعم.']);
  });

  it('never splits inside a sentence, an abbreviation without a space after, or a web address', () => {
    expect(sentencesOf('Vaya a madrid.es/cita o llame al 010.')).toEqual(['Vaya a madrid.es/cita o llame al 010.']);
  });

  it('gives a text without an end mark as one sentence, and an empty text as itself', () => {
    expect(sentencesOf('Sin punto final')).toEqual(['Sin punto final']);
    expect(sentencesOf('')).toEqual(['']);
  });
});
