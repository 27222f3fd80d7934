/**
 * The spoken mode's fixed key map (issue 17): which key of a standard USB numeric keypad, of a
 * two-switch device, or (the browser fallback) of any keyboard does what. Pure: the kiosk passes
 * each key press in as `{ code, key }` (KeyboardEvent's two names) and gets back what it means in
 * the current context; the key card in docs is drawn from {@link keyCard}, so the two never drift.
 *
 * The keypad (NumLock on or off: keys are read by their `code`, which does not change with it):
 *
 *     /  screen off/on      *  letters          -  delete (typing)
 *     7  slower   8  previous   9  faster        +  call a volunteer
 *     4  back     5  choose     6  repeat
 *     1  quieter  2  next       3  louder        Enter  choose / finish typing
 *     0  (typing only)          .  read back what is typed
 *
 * A two-switch device sends two keys: Space (or Tab) moves to the next control, going round at
 * the end (scanning), and Enter chooses. That is enough to reach everything, because every action
 * also exists as a control on screen and typing has a spoken picker with every character.
 */

/** What the senior is doing: moving between controls, typing into a field, or picking a character. */
export type KeyContext = 'moving' | 'typing' | 'picking';

/** Everything a key can ask for. */
export const tactileActions = [
  'previous',
  'next',
  'choose',
  'back',
  'repeat',
  'slower',
  'faster',
  'quieter',
  'louder',
  'help',
  'screen',
  'letters',
  'delete',
  'read-back',
  'finish',
] as const;
/** One of {@link tactileActions}. */
export type TactileAction = (typeof tactileActions)[number];

/** What one key press means. */
export type KeyMeaning =
  | { kind: 'action'; action: TactileAction }
  /** A character typed into the field (typing context only). */
  | { kind: 'type'; character: string }
  /** Not a key of the map here: nothing happens (and nothing is said). */
  | { kind: 'ignored' };

/** The two names a browser gives a key press. */
export interface KeyPress {
  /** The physical key, e.g. `Numpad8`, `Digit8`, `ArrowUp`, `Enter`. */
  code: string;
  /** What it produces, e.g. `8`, `ArrowUp` (a keypad with NumLock off), `a`. */
  key: string;
}

const action = (name: TactileAction): KeyMeaning => ({ kind: 'action', action: name });
const ignored: KeyMeaning = { kind: 'ignored' };

/** Keys that mean the same in every context. */
const everywhere: Readonly<Record<string, TactileAction>> = {
  NumpadAdd: 'help',
  NumpadDivide: 'screen',
};

/** The keypad's digits (and the number row's, for the browser fallback) while moving or picking. */
const digitActions: Readonly<Record<string, TactileAction>> = {
  '8': 'previous',
  '2': 'next',
  '5': 'choose',
  '4': 'back',
  '6': 'repeat',
  '7': 'slower',
  '9': 'faster',
  '1': 'quieter',
  '3': 'louder',
};

/** Keys other than digits while moving or picking: arrows, the switches, and a full keyboard's. */
const otherMovingKeys: Readonly<Record<string, TactileAction>> = {
  ArrowUp: 'previous',
  ArrowLeft: 'previous',
  ArrowDown: 'next',
  ArrowRight: 'next',
  Space: 'next',
  Tab: 'next',
  Enter: 'choose',
  NumpadEnter: 'choose',
  Escape: 'back',
  Backspace: 'back',
  NumpadMultiply: 'letters',
  NumpadDecimal: 'read-back',
  NumpadSubtract: 'back',
};

/** The digit a key stands for, keypad or number row, whatever NumLock says; undefined for others. */
function digitOf(press: KeyPress): string | undefined {
  const match = /^(?:Numpad|Digit)([0-9])$/.exec(press.code);
  return match?.[1];
}

/** A letter a full keyboard typed (the browser fallback), upper-cased; undefined for anything else. */
function letterOf(press: KeyPress): string | undefined {
  return /^Key[A-Z]$/.test(press.code) && /^\p{L}$/u.test(press.key) ? press.key.toLocaleUpperCase('es') : undefined;
}

/** What `press` means in `context`. Unknown keys, modifiers and function keys are ignored. */
export function interpretKey(press: KeyPress, context: KeyContext): KeyMeaning {
  const always = everywhere[press.code];
  if (always) return action(always);
  const digit = digitOf(press);
  if (context === 'typing') {
    if (digit !== undefined) return { kind: 'type', character: digit };
    const letter = letterOf(press);
    if (letter !== undefined) return { kind: 'type', character: letter };
    switch (press.code) {
      case 'Enter':
      case 'NumpadEnter':
        return action('finish');
      case 'NumpadSubtract':
      case 'Backspace':
        return action('delete');
      case 'NumpadMultiply':
        return action('letters');
      case 'NumpadDecimal':
        return action('read-back');
      // The move switch opens the picker: a two-switch user types by scanning it.
      case 'Space':
      case 'Tab':
        return action('letters');
      case 'Escape':
        return action('finish');
      case 'ArrowUp':
      case 'ArrowDown':
        return action('finish');
      default:
        return ignored;
    }
  }
  if (digit !== undefined) {
    const meaning = digitActions[digit];
    return meaning ? action(meaning) : ignored;
  }
  const other = otherMovingKeys[press.code];
  if (!other) return ignored;
  // Letters and reading back belong to a field; while moving, `*` does nothing.
  if (context === 'moving' && other === 'letters') return ignored;
  // While picking, `*` closes the picker and `-` (or Backspace) goes back to typing too.
  if (context === 'picking' && (other === 'letters' || other === 'back')) return action('letters');
  return action(other);
}

/** One line of the key card: the keys, and what they do, by catalogue key (kiosk.json `keys.*`). */
export interface KeyCardLine {
  /** Printed on the card as they are on the keypad. */
  keys: readonly string[];
  /** The catalogue key of what they do. */
  meaningKey: string;
}

/** The key card, in the order it is printed (docs/keypad-card.svg and the spoken introduction). */
export const keyCard: readonly KeyCardLine[] = [
  { keys: ['8', '2'], meaningKey: 'keys.move' },
  { keys: ['5', 'Enter'], meaningKey: 'keys.choose' },
  { keys: ['4'], meaningKey: 'keys.back' },
  { keys: ['6'], meaningKey: 'keys.repeat' },
  { keys: ['+'], meaningKey: 'keys.help' },
  { keys: ['7', '9'], meaningKey: 'keys.speed' },
  { keys: ['1', '3'], meaningKey: 'keys.volume' },
  { keys: ['*'], meaningKey: 'keys.letters' },
  { keys: ['-'], meaningKey: 'keys.delete' },
  { keys: ['.'], meaningKey: 'keys.readBack' },
  { keys: ['/'], meaningKey: 'keys.screen' },
];
