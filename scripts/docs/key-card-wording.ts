/**
 * The printed key card's words (docs/keypad-card.*.svg, docs/audio-tactile.md), in the languages
 * it is printed in. These are the card's own short print wording, not the kiosk's catalogue
 * (kiosk.json `keys.*`): under a key there is room for a word or two in large type, so the card
 * says "más despacio" where the kiosk speaks a sentence. Which keys there are, and what each line
 * means, come from core/tactile/key-map.ts ({@link keyCard}); a line without its wording here
 * stops the card from being drawn, so a key added to the map cannot go unprinted.
 */
import { keyCard, type KeyCardLine } from '../../core/tactile/key-map.js';

/** The languages the card is printed in. */
export const cardLanguages = ['es', 'en'] as const;
/** One of {@link cardLanguages}. */
export type CardLanguage = (typeof cardLanguages)[number];

/** What one line of the key card says. */
interface LineWording {
  /** The legend's words for the line (after the keys themselves). */
  legend: string;
  /** Under each key of the line on the keypad: one or two short lines. */
  under: Readonly<Record<string, readonly string[]>>;
}

/** The card's own short print wording, by the catalogue key of each line of {@link keyCard}. */
const lineWording: Readonly<Record<CardLanguage, Readonly<Record<string, LineWording>>>> = {
  es: {
    'keys.move': { legend: '8 anterior, 2 siguiente', under: { '8': ['anterior'], '2': ['siguiente'] } },
    'keys.choose': { legend: 'elegir', under: { '5': ['elegir'], Enter: ['elegir'] } },
    'keys.back': { legend: 'volver atrás', under: { '4': ['volver'] } },
    'keys.repeat': { legend: 'repetir', under: { '6': ['repetir'] } },
    'keys.help': { legend: 'llamar a un voluntario', under: { '+': ['pedir', 'ayuda'] } },
    'keys.speed': { legend: '7 más despacio, 9 más deprisa', under: { '7': ['más', 'despacio'], '9': ['más', 'deprisa'] } },
    'keys.volume': { legend: '1 más bajo, 3 más alto', under: { '1': ['más', 'bajo'], '3': ['más', 'alto'] } },
    'keys.letters': { legend: 'letras (al escribir)', under: { '*': ['letras'] } },
    'keys.delete': { legend: 'borrar (al escribir)', under: { '-': ['borrar'] } },
    'keys.readBack': { legend: 'oír lo escrito', under: { '.': ['oír lo', 'escrito'] } },
    'keys.screen': { legend: 'apagar o encender la pantalla', under: { '/': ['pantalla'] } },
  },
  en: {
    'keys.move': { legend: '8 previous, 2 next', under: { '8': ['previous'], '2': ['next'] } },
    'keys.choose': { legend: 'choose', under: { '5': ['choose'], Enter: ['choose'] } },
    'keys.back': { legend: 'go back', under: { '4': ['back'] } },
    'keys.repeat': { legend: 'repeat', under: { '6': ['repeat'] } },
    'keys.help': { legend: 'call a volunteer', under: { '+': ['call for', 'help'] } },
    'keys.speed': { legend: '7 slower, 9 faster', under: { '7': ['slower'], '9': ['faster'] } },
    'keys.volume': { legend: '1 quieter, 3 louder', under: { '1': ['quieter'], '3': ['louder'] } },
    'keys.letters': { legend: 'letters (when typing)', under: { '*': ['letters'] } },
    'keys.delete': { legend: 'delete (when typing)', under: { '-': ['delete'] } },
    'keys.readBack': { legend: 'hear what is typed', under: { '.': ['hear', 'it back'] } },
    'keys.screen': { legend: 'turn the screen off or on', under: { '/': ['screen'] } },
  },
};

/** The keypad's keys that no line of the card uses: what is printed under them. */
const unusedKeyWording: Readonly<Record<CardLanguage, Readonly<Record<string, readonly string[]>>>> = {
  es: { NumLock: ['sin uso'], '0': ['solo al escribir'] },
  en: { NumLock: ['unused'], '0': ['typing only'] },
};

/** The words printed on the keys themselves where the keypad prints a word (Spanish keypads say "Intro"). */
const keyNames: Readonly<Record<CardLanguage, Readonly<Record<string, readonly string[]>>>> = {
  es: { Enter: ['Intro'], NumLock: ['Bloq', 'Num'], Space: ['Espacio'], Tab: ['Tab'] },
  en: { Enter: ['Enter'], NumLock: ['Num', 'Lock'], Space: ['Space'], Tab: ['Tab'] },
};

/** What is printed on a key, one line each: its word in `language`, or the symbol itself (a true minus sign for `-`, which a hyphen makes too small to see). */
export function keyFace(key: string, language: CardLanguage): readonly string[] {
  return keyNames[language][key] ?? [key === '-' ? '−' : key];
}

/** A line of the key card with its words in one language. */
export interface WordedLine extends KeyCardLine {
  legend: string;
  /** Under each of `keys`, in the same order. */
  under: readonly (readonly string[])[];
}

/** The key card's lines with their words in `language`. Throws, naming what is missing, if a line or one of its keys has no words. */
export function wordedCard(language: CardLanguage, lines: readonly KeyCardLine[] = keyCard): WordedLine[] {
  const problems: string[] = [];
  const worded = lines.map((line): WordedLine => {
    const wording = lineWording[language][line.meaningKey];
    if (!wording) {
      problems.push(`"${line.meaningKey}" (keys ${line.keys.join(' ')}) has no ${language} words on the card`);
      return { ...line, legend: '', under: [] };
    }
    const under = line.keys.map((key) => {
      const words = wording.under[key];
      if (!words) problems.push(`key ${key} of "${line.meaningKey}" has no ${language} words under it on the card`);
      return words ?? [];
    });
    return { ...line, legend: wording.legend, under };
  });
  if (problems.length > 0) {
    throw new Error(
      `The key card is out of date with core/tactile/key-map.ts: ${problems.join('; ')}. Add them to lineWording in scripts/docs/key-card-wording.ts.`,
    );
  }
  return worded;
}

/** What is printed under each key of the keypad in `language`: the card's line for it, or the note for a key the card does not use. */
export function wordsUnderKeys(language: CardLanguage, lines: readonly KeyCardLine[] = keyCard): ReadonlyMap<string, readonly string[]> {
  const under = new Map<string, readonly string[]>(Object.entries(unusedKeyWording[language]));
  for (const line of wordedCard(language, lines)) line.keys.forEach((key, index) => under.set(key, line.under[index] ?? []));
  return under;
}

/** A row of the legend that is not a line of the key map: keys, then what they do. */
export interface LegendRow {
  keys: readonly string[];
  text: string;
}

/** The rest of the card's words: titles, the two-switch device, typing. */
interface CardTexts {
  /** The card's title, also the SVG's accessible name. */
  title: string;
  subtitle: string;
  /** Beside the drawn bump. */
  bump: string;
  /** How a senior starts the spoken mode. */
  start: string;
  twoSwitchHeading: string;
  twoSwitch: readonly LegendRow[];
  /** At the foot of the front, pointing to the back (where the legend is). */
  turnOver: string;
  keysHeading: string;
  typingHeading: string;
  typing: readonly LegendRow[];
}

/** The card's own print wording for everything that is not a line of the key map. */
export const cardTexts: Readonly<Record<CardLanguage, CardTexts>> = {
  es: {
    title: 'Modo hablado',
    subtitle: 'con auriculares',
    bump: 'El 5 tiene un relieve.',
    start: 'Para empezar, pulse cualquier tecla.',
    twoSwitchHeading: 'Dos pulsadores',
    twoSwitch: [
      { keys: ['Space', 'Tab'], text: 'siguiente; al final vuelve al principio' },
      { keys: ['Enter'], text: 'elegir' },
      { keys: ['Space'], text: 'al escribir, abre las letras' },
    ],
    turnOver: 'Al dorso: todas las teclas, dos pulsadores y cómo escribir.',
    keysHeading: 'Modo hablado: las teclas',
    typingHeading: 'Para escribir',
    typing: [
      { keys: ['0–9'], text: 'escriben cifras' },
      { keys: ['*'], text: 'abre las letras: 2 y 8 las recorren, 5 escribe' },
      { keys: ['Enter'], text: 'termina' },
    ],
  },
  en: {
    title: 'Spoken mode',
    subtitle: 'with headphones',
    bump: 'The 5 has a bump.',
    start: 'To start, press any key.',
    twoSwitchHeading: 'Two switches',
    twoSwitch: [
      { keys: ['Space', 'Tab'], text: 'next; after the last, back to the first' },
      { keys: ['Enter'], text: 'choose' },
      { keys: ['Space'], text: 'when typing, opens the letters' },
    ],
    turnOver: 'Over the page: every key, two switches, typing.',
    keysHeading: 'Spoken mode: the keys',
    typingHeading: 'Typing',
    typing: [
      { keys: ['0–9'], text: 'type digits' },
      { keys: ['*'], text: 'opens the letters: 2 and 8 move, 5 types' },
      { keys: ['Enter'], text: 'finishes' },
    ],
  },
};
