import { describe, expect, it } from 'vitest';
import { glossaryPieces } from '../../../renderer/kiosk/glossary/glossary-pieces.js';

const terms = [
  { id: 'empadronamiento', term: 'empadronamiento' },
  { id: 'census', term: 'census' },
  { id: 'census-registration', term: 'census registration' },
  { id: 'clave', term: 'Cl@ve' },
];

describe('glossary words in a step text', () => {
  it('finds a term whatever its case, keeping the text as written', () => {
    expect(glossaryPieces('Su Empadronamiento, gratis.', terms)).toEqual(['Su ', { id: 'empadronamiento', text: 'Empadronamiento' }, ', gratis.']);
  });

  it('matches whole words only, accents included', () => {
    expect(glossaryPieces('reempadronamiento y empadronamientos', terms)).toEqual(['reempadronamiento y empadronamientos']);
    expect(glossaryPieces('empadronamientó', terms)).toEqual(['empadronamientó']);
  });

  it('prefers the longest term and handles terms with symbols', () => {
    expect(glossaryPieces('Your census registration and Cl@ve.', terms)).toEqual([
      'Your ',
      { id: 'census-registration', text: 'census registration' },
      ' and ',
      { id: 'clave', text: 'Cl@ve' },
      '.',
    ]);
  });

  it('leaves text without terms alone', () => {
    expect(glossaryPieces('Nada difícil.', terms)).toEqual(['Nada difícil.']);
    expect(glossaryPieces('Nada difícil.', [])).toEqual(['Nada difícil.']);
    expect(glossaryPieces('', terms)).toEqual([]);
  });
});
