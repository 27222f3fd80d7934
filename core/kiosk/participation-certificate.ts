/**
 * The words of the large-print certificate of participation a kiosk prints at the end of a
 * workshop (issue 18): its title, the first name only when the participant typed one, the lessons,
 * the centre and the date. Nothing else about the participant is ever on it: the paper leaves the
 * building. Pure: the kiosk's strings come in as a `translate` function (the `certificate.*` keys
 * of assets/locales/<language>/kiosk.json), and the renderer draws the lines it gets.
 */

/** The kiosk strings the certificate uses, under `certificate.` in each kiosk locale file. */
export const certificateKeys = ['title', 'intro', 'introNoLessons', 'centre', 'date', 'closing'] as const;

/** One of {@link certificateKeys}. */
export type CertificateKey = (typeof certificateKeys)[number];

/** A kiosk string of the certificate in its language, with its placeholders filled in. */
export type CertificateTranslate = (key: CertificateKey, params?: Record<string, string>) => string;

/** A lesson title written in another language than the certificate's (a lesson with no Arabic text, say). */
export interface TitleInLanguage {
  text: string;
  lang: string;
}

/** What the certificate is made from. */
export interface CertificateInput {
  /** The titles of the lessons done, in the certificate's language where the lesson has it. */
  lessonTitles: readonly (string | TitleInLanguage)[];
  /** The workshop's day, `YYYY-MM-DD`, as the kiosk's clock reads it where the centre is ({@link localDay}). */
  day: string;
  /** The centre (site) where the workshop was held. */
  centreName: string;
  /** The first name the participant chose to type, if any; anything else about them never reaches the certificate. */
  firstName?: string | undefined;
  /** The certificate's language: the kiosk's language (es, en or ar). */
  language: string;
}

/** What a line of the certificate is, which decides how large it is printed. */
export type CertificateLineKind = 'title' | 'name' | 'intro' | 'lesson' | 'centre' | 'date' | 'closing';

/** One line of the certificate, in print order. */
export interface CertificateLine {
  kind: CertificateLineKind;
  text: string;
  /** Set when the line is in another language than the certificate's. */
  lang?: string;
}

/** The longest first name printed, in characters as a reader counts them; a longer one is cut with "…". */
export const certificateNameMaxLength = 40;

// Latin digits in Arabic too: the Arabic speakers the centres serve mostly read them (as the kiosk's other numbers).
const dateLocales: Readonly<Record<string, string>> = { es: 'es-ES', en: 'en-GB', ar: 'ar-u-nu-latn' };

/**
 * The certificate's lines: title, the first name (only when one was typed), the words before the
 * lessons, each lesson once, the centre, the date and a closing word.
 */
export function participationCertificateLines(input: CertificateInput, translate: CertificateTranslate): CertificateLine[] {
  const name = certificateFirstName(input.firstName);
  const lessons = lessonLines(input.lessonTitles, input.language);
  const centre = oneLine(input.centreName);
  return [
    { kind: 'title', text: translate('title') },
    ...(name === undefined ? [] : [{ kind: 'name' as const, text: name }]),
    { kind: 'intro', text: translate(lessons.length > 0 ? 'intro' : 'introNoLessons') },
    ...lessons,
    ...(centre === '' ? [] : [{ kind: 'centre' as const, text: translate('centre', { centre }) }]),
    { kind: 'date', text: translate('date', { date: certificateDate(input.day, input.language) }) },
    { kind: 'closing', text: translate('closing') },
  ];
}

/**
 * How tightly the certificate is set on its one A4 page: `roomy` for up to three lessons of
 * ordinary length (160 characters with the name), `compact` (smaller type and spacing, never under 24 pt) for more, so that six
 * lessons with a long name and a long centre name still fit one sheet.
 */
export type CertificateLayout = 'roomy' | 'compact';

/** Lessons from which the certificate is set compact. */
export const compactFromLessons = 4;
/** Characters of lesson titles and name together beyond which it is set compact (a centre's name takes two lines at most in either). */
export const compactBeyondCharacters = 160;

/** The layout that fits these lines on one A4 page (see {@link CertificateLayout}). */
export function certificateLayout(lines: readonly CertificateLine[]): CertificateLayout {
  const lessons = lines.filter((line) => line.kind === 'lesson').length;
  const characters = lines.filter((line) => line.kind === 'lesson' || line.kind === 'name').reduce((sum, line) => sum + [...line.text].length, 0);
  return lessons >= compactFromLessons || characters > compactBeyondCharacters ? 'compact' : 'roomy';
}

/**
 * The first name as printed: one line, without invisible or control characters (which could
 * reorder or hide what prints), at most {@link certificateNameMaxLength} characters; none when
 * nothing readable was typed.
 */
export function certificateFirstName(typed: string | undefined): string | undefined {
  if (typed === undefined) return undefined;
  const name = oneLine(typed);
  if (name === '') return undefined;
  const characters = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name)].map((part) => part.segment);
  return characters.length <= certificateNameMaxLength
    ? name
    : `${characters
        .slice(0, certificateNameMaxLength - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * A day (`YYYY-MM-DD`) written out in the certificate's language: "6 de diciembre de 2026",
 * "6 December 2026", "6 ديسمبر 2026". Throws on anything that is not a real calendar day.
 */
export function certificateDate(day: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const moment = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!moment || Number.isNaN(moment.getTime()) || moment.toISOString().slice(0, 10) !== day) {
    throw new Error(`the certificate's day must be a calendar day written YYYY-MM-DD, not "${day}"`);
  }
  return new Intl.DateTimeFormat(dateLocales[language] ?? language, { dateStyle: 'long', timeZone: 'UTC' }).format(moment);
}

/** The calendar day (`YYYY-MM-DD`) of a moment where the centre is, for {@link CertificateInput.day}. */
export function localDay(at: Date, timeZone = 'Europe/Madrid'): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function lessonLines(titles: CertificateInput['lessonTitles'], language: string): CertificateLine[] {
  const seen = new Set<string>();
  const lines: CertificateLine[] = [];
  for (const title of titles) {
    const text = oneLine(typeof title === 'string' ? title : title.text);
    // A lesson done twice (the trainer restarted it) is listed once.
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const lang = typeof title === 'string' ? language : title.lang;
    lines.push(lang === language ? { kind: 'lesson', text } : { kind: 'lesson', text, lang });
  }
  return lines;
}

/** Text on one line: invisible formatting characters (direction marks and overrides) removed, line breaks and control characters made spaces, runs of spaces made one. */
function oneLine(text: string): string {
  return text
    .replace(/\p{Cf}/gu, '')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
