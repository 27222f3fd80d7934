/**
 * The words of the workshop's certificate of participation (issue 18), drawn from the kiosk's own
 * strings in Spanish, English and Arabic: a name only when one was typed, every lesson once, the
 * centre and the date in the language's own way.
 */
import { describe, expect, it } from 'vitest';
import ar from '../../../assets/locales/ar/kiosk.json';
import en from '../../../assets/locales/en/kiosk.json';
import es from '../../../assets/locales/es/kiosk.json';
import {
  certificateDate,
  certificateLayout,
  certificateFirstName,
  certificateKeys,
  localDay,
  participationCertificateLines,
  type CertificateInput,
  type CertificateTranslate,
} from '../../../core/kiosk/participation-certificate.js';

const locales = { es, en, ar } as const;
type Language = keyof typeof locales;

/** The kiosk's `certificate.*` strings in one language, filled in the way i18next does. */
function translateIn(language: Language): CertificateTranslate {
  const words = (locales[language] as unknown as { certificate: Record<string, string> }).certificate;
  return (key, params = {}) => {
    const template = words[key];
    if (template === undefined) throw new Error(`no certificate.${key} in ${language}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? `{{${name}}}`);
  };
}

const lessons = ['¿Este SMS es de verdad?', 'Su PIN de Cl@ve no se lo dice a nadie, tampoco a un voluntario'];
const base: CertificateInput = { lessonTitles: lessons, day: '2026-12-06', centreName: 'Centro de Mayores Usera', language: 'es' };

function linesOf(input: Partial<CertificateInput>, language: Language = 'es'): string[] {
  return participationCertificateLines({ ...base, language, ...input }, translateIn(language)).map((line) => `${line.kind}: ${line.text}`);
}

describe('the certificate of participation', () => {
  it('without a name has no name line: title, the words before the lessons, each lesson, centre, date, closing', () => {
    expect(linesOf({})).toEqual([
      'title: Certificado de participación',
      'intro: Por participar en un taller de competencias digitales, con estas lecciones:',
      'lesson: ¿Este SMS es de verdad?',
      'lesson: Su PIN de Cl@ve no se lo dice a nadie, tampoco a un voluntario',
      'centre: Centro: Centro de Mayores Usera',
      'date: Fecha: 6 de diciembre de 2026',
      'closing: ¡Enhorabuena!',
    ]);
  });

  it('with the first name the participant typed, prints it under the title, and nothing else about them', () => {
    const lines = linesOf({ firstName: '  Ana  ' });
    expect(lines.slice(0, 3)).toEqual(['title: Certificado de participación', 'name: Ana', expect.stringMatching(/^intro: /)]);
    expect(lines.filter((line) => line.startsWith('name: '))).toEqual(['name: Ana']);
  });

  it('a name of spaces, or of invisible characters only, is no name', () => {
    for (const firstName of ['', '   ', '\u200f\u202e', '\n\t'])
      expect(
        linesOf({ firstName }).some((line) => line.startsWith('name:')),
        JSON.stringify(firstName),
      ).toBe(false);
  });

  it('a typed name is one line, without direction overrides or control characters, and cut at 40 characters', () => {
    expect(certificateFirstName('Ana\nMaría')).toBe('Ana María');
    // A right-to-left override would print the name back to front, or hide words after it.
    expect(certificateFirstName('Ana\u202eairaM')).toBe('AnaairaM');
    const long = certificateFirstName('M'.repeat(60));
    expect(long).toBe(`${'M'.repeat(39)}…`);
    expect([...(long ?? '')]).toHaveLength(40);
    // Cut between letters as a reader counts them, never inside an accented one written in two code points.
    expect(certificateFirstName(`${'a'.repeat(38)}e\u0301e\u0301e\u0301`)).toBe(`${'a'.repeat(38)}e\u0301…`);
  });

  it('lists every lesson once, in the order done, and leaves out empty titles', () => {
    const lines = linesOf({ lessonTitles: ['Uno', ' ', 'Dos', 'Uno', 'Tres'] }).filter((line) => line.startsWith('lesson: '));
    expect(lines).toEqual(['lesson: Uno', 'lesson: Dos', 'lesson: Tres']);
  });

  it('with no lesson finished, says the participation alone', () => {
    const lines = linesOf({ lessonTitles: [] });
    expect(lines).toContain('intro: Por participar en un taller de competencias digitales.');
    expect(lines.some((line) => line.startsWith('lesson: '))).toBe(false);
  });

  it('marks a lesson title in another language than the certificate, so it reads in its own direction', () => {
    const lines = participationCertificateLines(
      { ...base, language: 'ar', lessonTitles: [{ text: '¿Este SMS es de verdad?', lang: 'es' }, 'درس'] },
      translateIn('ar'),
    );
    expect(lines.filter((line) => line.kind === 'lesson')).toEqual([
      { kind: 'lesson', text: '¿Este SMS es de verdad?', lang: 'es' },
      { kind: 'lesson', text: 'درس' },
    ]);
  });

  it('is written in English and Arabic from the kiosk strings, the date in each language', () => {
    expect(linesOf({ firstName: 'Ana' }, 'en')).toEqual([
      'title: Certificate of participation',
      'name: Ana',
      'intro: For taking part in a digital skills workshop, with these lessons:',
      'lesson: ¿Este SMS es de verdad?',
      'lesson: Su PIN de Cl@ve no se lo dice a nadie, tampoco a un voluntario',
      'centre: Centre: Centro de Mayores Usera',
      'date: Date: 6 December 2026',
      'closing: Congratulations!',
    ]);
    const arabic = linesOf({}, 'ar');
    expect(arabic[0]).toBe('title: شهادة مشاركة');
    expect(arabic).toContain('date: التاريخ: 6 ديسمبر 2026');
    expect(arabic).toContain('centre: المركز: Centro de Mayores Usera');
  });

  it('every certificate string exists in es, en and ar, with the same placeholders', () => {
    for (const key of certificateKeys) {
      const placeholders = (language: Language) => [...translateIn(language)(key).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
      expect(placeholders('en'), key).toEqual(placeholders('es'));
      expect(placeholders('ar'), key).toEqual(placeholders('es'));
    }
  });
});

describe("the certificate's date", () => {
  it('is the day written out in Spanish, English and Arabic (Latin digits)', () => {
    expect(certificateDate('2027-01-05', 'es')).toBe('5 de enero de 2027');
    expect(certificateDate('2027-01-05', 'en')).toBe('5 January 2027');
    expect(certificateDate('2027-01-05', 'ar')).toBe('5 يناير 2027');
  });

  it('refuses what is not a calendar day, saying what it wants', () => {
    for (const day of ['2026-02-30', '2026-13-01', '6/12/2026', '', '2026-12-06T10:00']) {
      expect(() => certificateDate(day, 'es'), day).toThrow(/YYYY-MM-DD/);
    }
  });

  it("is the centre's calendar day, even just after midnight there while it is still yesterday in UTC", () => {
    expect(localDay(new Date('2026-12-05T23:30:00Z'))).toBe('2026-12-06');
    expect(localDay(new Date('2026-07-05T22:30:00Z'))).toBe('2026-07-06');
    expect(localDay(new Date('2026-12-05T23:30:00Z'), 'UTC')).toBe('2026-12-05');
  });
});

describe("the certificate's layout on its A4 page", () => {
  const layoutOf = (input: Partial<CertificateInput>) => certificateLayout(participationCertificateLines({ ...base, ...input }, translateIn('es')));

  it('is roomy for up to three lessons of ordinary length, with a name', () => {
    expect(layoutOf({ firstName: 'María de los Ángeles Fernández' })).toBe('roomy');
    expect(layoutOf({ lessonTitles: ['Uno'] })).toBe('roomy');
  });

  it('is compact from four lessons, or beyond 160 characters of titles and name', () => {
    expect(layoutOf({ lessonTitles: ['Uno', 'Dos', 'Tres', 'Cuatro'] })).toBe('compact');
    expect(layoutOf({ lessonTitles: ['L'.repeat(70), 'M'.repeat(70), 'N'.repeat(21)] })).toBe('compact');
    expect(layoutOf({ lessonTitles: ['L'.repeat(70), 'M'.repeat(70), 'N'.repeat(20)] })).toBe('roomy');
  });
});
