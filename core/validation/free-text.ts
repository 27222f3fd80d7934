/**
 * Free text that staff and volunteers type (names of people, sites and kiosks, locations, the
 * in-person help line, changelog lines): normalised and refused with a reason when it carries
 * characters that hide, reorder or impersonate text. Issue 15 stored all seven of: a NUL, a
 * right-to-left override (U+202E), a name of zero-width spaces only, ESC and BEL, `<script>`, a
 * lone surrogate and "Аnа" (Cyrillic А and а around a Latin n, which reads as "Ana").
 *
 * Names shown on a kiosk, a volunteer's phone, the staff console and in logs must read as what
 * they are: React escapes `<`, but a report or export opened in a spreadsheet or a log read in a
 * terminal may not, and a bidi override or a look-alike letter fools the eye everywhere.
 */

/** What kind of free text: a `name` (person, site, kiosk) or a `line` (a location, a note, a changelog line). */
export type FreeTextKind = 'name' | 'line';

/** Why a text was refused. */
export type FreeTextProblem = 'lone-surrogate' | 'control' | 'direction' | 'invisible' | 'nothing-visible' | 'angle-bracket' | 'mixed-script';

/** The tidied text, or the first reason it was refused and the character or word at fault. */
export type FreeTextCheck = { ok: true; value: string } | { ok: false; problem: FreeTextProblem; culprit: string };

// Control characters (C0, DEL, C1): NUL ends strings in C, ESC starts terminal escapes in a log
// read with `less -R` or `tail`, BEL rings; none has a place in a line of text. Tabs and line
// breaks are spaces in a one-line field (below), so they are turned into spaces first.
const control = /\p{Cc}/u;
// Embeddings, overrides and isolates reorder what follows them ("Ana\u202Eetelbaf" shows as
// "Anafablete"): refused everywhere. The plain marks (LRM, RLM, ALM) reorder nothing and
// Arabic and Hebrew text needs them, so a line keeps them; a name has no use for them.
const directionControl = /[\u202A-\u202E\u2066-\u2069]/u;
const directionMark = /[\u200E\u200F\u061C]/u;
// Invisible characters: the format characters (zero-width space, word joiner, BOM, soft hyphen,
// tag characters…) and the letters that draw nothing (Hangul fillers, braille blank). Zero-width
// joiner and non-joiner are kept: Persian, Indic scripts and emoji sequences need them.
const invisible = /(?!\u200C|\u200D|\u200E|\u200F|\u061C)[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/u;
// Separators other than the space (line and paragraph separators, no-break spaces) become a space.
const spaces = /[\s\p{Z}]+/gu;
const visible = /[\p{L}\p{N}\p{P}\p{S}]/u;
const letter = /\p{L}/u;
const angleBracket = /[<>\uFF1C\uFF1E]/u;
// A word: letters with their combining marks. No library for look-alikes: the confusables data
// of UTS #39 is a large table to keep up to date, and Node's regular expressions already know
// each letter's script. Mixing Latin with Cyrillic or Greek inside one word is what look-alike
// spoofing needs ("Аnа", "pаypal") and what no real name or word does; a whole word in one
// script ("Анна", "Σοφία") is a real name and passes.
const word = /[\p{L}\p{M}]+/gu;
const lookAlikeScripts = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/** Checks and tidies one free-text value: NFC, spaces collapsed and trimmed, then the refusals. */
export function checkFreeText(raw: string, kind: FreeTextKind): FreeTextCheck {
  // A lone surrogate is not text at all (it breaks UTF-8 writers and some databases); Node 20
  // has isWellFormed, which the ES2023 typings the project compiles against do not declare yet.
  if (!(raw as string & { isWellFormed(): boolean }).isWellFormed()) return { ok: false, problem: 'lone-surrogate', culprit: '' };
  const text = raw.normalize('NFC');
  const refused = (problem: FreeTextProblem, culprit: string): FreeTextCheck => ({ ok: false, problem, culprit });
  const found = (pattern: RegExp): string | undefined => pattern.exec(text.replace(/[\t\n\r]/g, ' '))?.[0];

  const controlCharacter = found(control);
  if (controlCharacter !== undefined) return refused('control', controlCharacter);
  const direction = found(directionControl) ?? (kind === 'name' ? found(directionMark) : undefined);
  if (direction !== undefined) return refused('direction', direction);
  const hidden = found(invisible);
  if (hidden !== undefined) return refused('invisible', hidden);

  const value = text.replace(spaces, ' ').trim();
  if (value !== '' && !(kind === 'name' ? letter : visible).test(value)) return refused('nothing-visible', '');
  const bracket = found(angleBracket);
  if (bracket !== undefined) return refused('angle-bracket', bracket);
  for (const [each] of value.matchAll(word)) {
    if (lookAlikeScripts.filter((script) => script.test(each)).length > 1) return refused('mixed-script', each);
  }
  return { ok: true, value };
}

/** U+XXXX for a character, as the refusals name it. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The refusal in plain words, to follow the field's name ("name: …"). */
export function describeFreeTextProblem(check: Extract<FreeTextCheck, { ok: false }>, kind: FreeTextKind): string {
  const again = 'type it again without it';
  switch (check.problem) {
    case 'lone-surrogate':
      return 'it holds a broken character (half of an emoji or of a rare letter); type it again';
    case 'control':
      return `it holds an invisible control character (${codePointName(check.culprit)}); ${again}`;
    case 'direction':
      return `it holds a character that changes the direction of the text (${codePointName(check.culprit)}); ${again}`;
    case 'invisible':
      return `it holds an invisible character (${codePointName(check.culprit)}); ${again}`;
    case 'nothing-visible':
      return kind === 'name' ? 'a name needs at least one letter' : 'there is nothing to read in it';
    case 'angle-bracket':
      return `"<" and ">" are not allowed; ${again}`;
    case 'mixed-script':
      return `"${check.culprit}" mixes Latin letters with Cyrillic or Greek ones that look the same; type it again in one alphabet`;
  }
}
