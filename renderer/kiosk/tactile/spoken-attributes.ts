/**
 * How a kiosk control tells the spoken mode (issue 17) what it is called: `data-spoken` holds the
 * prompts of its visible label (the same catalogue entries the screen shows, so its spoken name
 * and its text never differ), and optional attributes its role and place. The spoken mode reads
 * them off the page (spoken-controls.ts); a control without them is a gap the coverage test finds.
 */
import type { Utterance } from '../../../core/audio/channel.js';
import { ui } from '../../../core/audio/screen-speech.js';
import type { ControlRole } from '../../../core/tactile/describe.js';

/** The attributes spread onto a control. */
export interface SpokenAttributes {
  'data-spoken': string;
  'data-spoken-role'?: ControlRole;
  /** "1/3": an answer's place among its question's answers. */
  'data-spoken-position'?: string;
}

/** Extra facts about a control beyond its label. */
export interface SpokenExtras {
  /** Default `button` (an `<input>` is always a field, a checkbox a checkbox). */
  role?: ControlRole;
  /** Its place among the answers, from 1. */
  position?: { index: number; count: number };
}

/** The attributes naming a control by these prompts. */
export function spokenAs(label: readonly Utterance[], extras: SpokenExtras = {}): SpokenAttributes {
  return {
    'data-spoken': JSON.stringify(label),
    ...(extras.role ? { 'data-spoken-role': extras.role } : {}),
    ...(extras.position ? { 'data-spoken-position': `${String(extras.position.index)}/${String(extras.position.count)}` } : {}),
  };
}

/** The attributes naming a control by one kiosk string (`kiosk.json` key), spoken as `ui/<key>`. */
export function spokenUi(key: string, extras: SpokenExtras = {}): SpokenAttributes {
  return spokenAs([ui(key)], extras);
}

/**
 * Marks a control the spoken mode passes over, because a key does its job: the on-screen
 * keyboard's keys (the keypad types) and the field's own erase button (the minus key erases).
 */
export const skippedBySpokenMode = { 'data-spoken-skip': '' } as const;

/** Marks the screen's way back ("Atrás", "Volver"), which the back key presses. */
export const spokenBack = { 'data-spoken-back': '' } as const;
