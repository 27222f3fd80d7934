/**
 * Typing into the step's field from the spoken mode (issue 17). The field owns its value (React
 * state, with the same rules as the on-screen keyboard: a date's slashes, for one), so the mode
 * does not set the value itself: it sends the field a key, the field applies it as if its own
 * keyboard had been pressed (steps/step-screen.tsx listens).
 */
import type { Key } from '../keyboard/keyboard-layout.js';

/** The event a field listens to; its `detail` is the key. */
export const fieldKeyEvent = 'paso:field-key';

/** A key the spoken mode types: a character, or erase the last one. */
export type FieldKey = Extract<Key, { kind: 'char' } | { kind: 'erase' }>;

/** Sends `key` to `field`, which applies it. */
export function typeIntoField(field: HTMLElement, key: FieldKey): void {
  field.dispatchEvent(new CustomEvent<FieldKey>(fieldKeyEvent, { detail: key }));
}
