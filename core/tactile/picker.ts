/**
 * The spoken character picker (issue 17): how a senior who cannot see types a letter (the DNI's
 * check letter, a name) with the keypad, or anything at all with two switches. The picker is a
 * ring of items, each spoken as it is reached: the letters (Ñ after N, as a Spanish alphabet
 * has it), the digits, then three commands. Pure: the kiosk keeps the index and says the item.
 */

/** The letters offered, in the order they are reached. Latin for every language: the forms ask for them. */
export const pickerLetters = [...'ABCDEFGHIJKLMN', 'Ñ', ...'OPQRSTUVWXYZ'] as const;
/** The digits offered after the letters (for two-switch users, who have no keypad digits). */
export const pickerDigits = [...'0123456789'] as const;
/** The picker's commands, after the characters. */
export const pickerCommands = ['delete', 'read-back', 'finish'] as const;
/** One of {@link pickerCommands}. */
export type PickerCommand = (typeof pickerCommands)[number];

/** One place in the ring: a character to type, or a command. */
export type PickerItem = { kind: 'character'; character: string } | { kind: 'command'; command: PickerCommand };

/** The whole ring, in order. */
export const pickerItems: readonly PickerItem[] = [
  ...pickerLetters.map((character): PickerItem => ({ kind: 'character', character })),
  ...pickerDigits.map((character): PickerItem => ({ kind: 'character', character })),
  ...pickerCommands.map((command): PickerItem => ({ kind: 'command', command })),
];

/** The item at `index` (wrapped into the ring). */
export function pickerItemAt(index: number): PickerItem {
  const count = pickerItems.length;
  return pickerItems[((index % count) + count) % count] as PickerItem;
}

/** The index one step on (`+1`) or back (`-1`) from `index`, going round at either end. */
export function movePicker(index: number, step: 1 | -1): number {
  const count = pickerItems.length;
  return (((index + step) % count) + count) % count;
}

/** Where the picker opens: at A, where a keypad user looking for a letter starts. */
export const pickerStart = 0;
