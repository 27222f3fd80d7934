/**
 * The spoken mode's pure decisions (issue 17): the key map, moving round a screen, the picker,
 * what a control is called, and what each key does in each context.
 */
import { describe, expect, it } from 'vitest';
import { characterPromptId, describeControl, positionPromptId, readBackUtterances } from '../../../core/tactile/describe.js';
import { moveFocus } from '../../../core/tactile/focus-ring.js';
import { interpretKey, type KeyContext, type KeyPress } from '../../../core/tactile/key-map.js';
import { movePicker, pickerItemAt, pickerItems } from '../../../core/tactile/picker.js';
import { initialSpokenMode, pressKey, screenChanged, type ScreenOffer, type SpokenModeState } from '../../../core/tactile/spoken-mode.js';

const numpad = (digit: string): KeyPress => ({ code: `Numpad${digit}`, key: digit });
const named = (code: string, key = code): KeyPress => ({ code, key });

describe('the key map', () => {
  it('reads the keypad by its keys, NumLock on or off', () => {
    expect(interpretKey(numpad('8'), 'moving')).toEqual({ kind: 'action', action: 'previous' });
    expect(interpretKey({ code: 'Numpad8', key: 'ArrowUp' }, 'moving')).toEqual({ kind: 'action', action: 'previous' });
    expect(interpretKey({ code: 'Numpad2', key: 'ArrowDown' }, 'moving')).toEqual({ kind: 'action', action: 'next' });
    expect(interpretKey({ code: 'Numpad5', key: 'Clear' }, 'moving')).toEqual({ kind: 'action', action: 'choose' });
    const moving: Record<string, string> = { '4': 'back', '6': 'repeat', '7': 'slower', '9': 'faster', '1': 'quieter', '3': 'louder' };
    for (const [digit, meaning] of Object.entries(moving)) expect(interpretKey(numpad(digit), 'moving')).toEqual({ kind: 'action', action: meaning });
    expect(interpretKey(named('NumpadEnter', 'Enter'), 'moving')).toEqual({ kind: 'action', action: 'choose' });
  });

  it('keeps the help key and the screen key the same in every context', () => {
    for (const context of ['moving', 'typing', 'picking'] as KeyContext[]) {
      expect(interpretKey(named('NumpadAdd', '+'), context)).toEqual({ kind: 'action', action: 'help' });
      expect(interpretKey(named('NumpadDivide', '/'), context)).toEqual({ kind: 'action', action: 'screen' });
    }
  });

  it('types digits (and a full keyboard letters) while typing, and nothing else types', () => {
    expect(interpretKey(numpad('8'), 'typing')).toEqual({ kind: 'type', character: '8' });
    expect(interpretKey({ code: 'Numpad0', key: 'Insert' }, 'typing')).toEqual({ kind: 'type', character: '0' });
    expect(interpretKey({ code: 'KeyZ', key: 'z' }, 'typing')).toEqual({ kind: 'type', character: 'Z' });
    expect(interpretKey(named('NumpadSubtract', '-'), 'typing')).toEqual({ kind: 'action', action: 'delete' });
    expect(interpretKey(named('NumpadMultiply', '*'), 'typing')).toEqual({ kind: 'action', action: 'letters' });
    expect(interpretKey(named('NumpadDecimal', '.'), 'typing')).toEqual({ kind: 'action', action: 'read-back' });
    expect(interpretKey(named('NumpadEnter', 'Enter'), 'typing')).toEqual({ kind: 'action', action: 'finish' });
    // The two-switch user's move switch opens the picker: they type by scanning it.
    expect(interpretKey(named('Space', ' '), 'typing')).toEqual({ kind: 'action', action: 'letters' });
    expect(interpretKey({ code: 'KeyZ', key: 'z' }, 'moving')).toEqual({ kind: 'ignored' });
  });

  it('ignores every other key safely, in every context', () => {
    const others: KeyPress[] = [
      named('F5'),
      named('ControlLeft', 'Control'),
      named('AltLeft', 'Alt'),
      named('NumLock'),
      named('PrintScreen'),
      named('Numpad0', '0'),
      named('MetaLeft', 'Meta'),
      named('Semicolon', ';'),
    ];
    for (const press of others) {
      expect(interpretKey(press, 'moving')).toEqual({ kind: 'ignored' });
      expect(interpretKey(press, 'picking')).toEqual({ kind: 'ignored' });
    }
    expect(interpretKey(named('F5'), 'typing')).toEqual({ kind: 'ignored' });
    expect(interpretKey(named('NumpadMultiply', '*'), 'moving')).toEqual({ kind: 'ignored' });
  });

  it('moves through the picker with 8 and 2 and closes it with * or -', () => {
    expect(interpretKey(numpad('2'), 'picking')).toEqual({ kind: 'action', action: 'next' });
    expect(interpretKey(numpad('5'), 'picking')).toEqual({ kind: 'action', action: 'choose' });
    expect(interpretKey(named('NumpadMultiply', '*'), 'picking')).toEqual({ kind: 'action', action: 'letters' });
    expect(interpretKey(named('NumpadSubtract', '-'), 'picking')).toEqual({ kind: 'action', action: 'letters' });
  });
});

describe('moving round a screen', () => {
  it('starts with nothing reached, and goes round at either end, saying so', () => {
    expect(moveFocus(undefined, 1, 3)).toEqual({ index: 0, wrapped: false });
    expect(moveFocus(undefined, -1, 3)).toEqual({ index: 2, wrapped: false });
    expect(moveFocus(1, 1, 3)).toEqual({ index: 2, wrapped: false });
    expect(moveFocus(2, 1, 3)).toEqual({ index: 0, wrapped: true });
    expect(moveFocus(0, -1, 3)).toEqual({ index: 2, wrapped: true });
    expect(moveFocus(7, -1, 3)).toEqual({ index: 2, wrapped: false });
    expect(moveFocus(0, 1, 0)).toEqual({ index: undefined, wrapped: false });
  });
});

describe('the picker', () => {
  it('offers the alphabet with Ñ after N, the digits, then delete, read back and finish, going round', () => {
    const characters = pickerItems.flatMap((item) => (item.kind === 'character' ? [item.character] : []));
    expect(characters.join('')).toBe('ABCDEFGHIJKLMNÑOPQRSTUVWXYZ0123456789');
    expect(pickerItems.slice(-3)).toEqual([
      { kind: 'command', command: 'delete' },
      { kind: 'command', command: 'read-back' },
      { kind: 'command', command: 'finish' },
    ]);
    expect(movePicker(0, -1)).toBe(pickerItems.length - 1);
    expect(movePicker(pickerItems.length - 1, 1)).toBe(0);
    expect(pickerItemAt(14)).toEqual({ kind: 'character', character: 'Ñ' });
  });
});

describe('what a control is called', () => {
  const label = [{ id: 'proc/p/steps/s/choices/si/label' }];
  it('names an answer and its place: "Sí, me lo han pedido. Respuesta 1 de 3."', () => {
    expect(describeControl({ label, role: 'choice', position: { index: 1, count: 3 } })).toEqual([...label, { id: positionPromptId(1, 3) }]);
    expect(positionPromptId(1, 3)).toBe('ui/tactile.answer.1.3');
  });
  it('names a button, a checkbox with its state, a field empty or filled, and a chosen option', () => {
    expect(describeControl({ label, role: 'button' }).map((u) => u.id)).toEqual([label[0]?.id, 'ui/tactile.kind.button']);
    expect(
      describeControl({ label, role: 'checkbox', checked: true })
        .map((u) => u.id)
        .slice(1),
    ).toEqual(['ui/tactile.kind.checkbox', 'ui/tactile.state.checked']);
    expect(
      describeControl({ label, role: 'checkbox', checked: false })
        .map((u) => u.id)
        .slice(1),
    ).toEqual(['ui/tactile.kind.checkbox', 'ui/tactile.state.unchecked']);
    expect(
      describeControl({ label, role: 'field', typedLength: 0 })
        .map((u) => u.id)
        .slice(1),
    ).toEqual(['ui/tactile.kind.field', 'ui/tactile.field.empty']);
    expect(
      describeControl({ label, role: 'field', typedLength: 4 })
        .map((u) => u.id)
        .slice(1),
    ).toEqual(['ui/tactile.kind.field', 'ui/tactile.field.filled']);
    expect(
      describeControl({ label, role: 'choice', selected: true, position: { index: 2, count: 3 } })
        .map((u) => u.id)
        .slice(1),
    ).toEqual(['ui/tactile.state.selected', 'ui/tactile.answer.2.3']);
  });
  it('leaves out a place it has no recording for rather than saying a wrong one', () => {
    expect(describeControl({ label, role: 'choice', position: { index: 7, count: 7 } })).toEqual(label);
    expect(describeControl({ label, role: 'choice', position: { index: 4, count: 3 } })).toEqual(label);
  });
  it('reads back what is typed character by character, privately, and says when nothing is', () => {
    expect(readBackUtterances('12z', () => true)).toEqual([
      { id: 'ui/tactile.typedIs' },
      { id: characterPromptId('1'), privacy: 'private' },
      { id: characterPromptId('2'), privacy: 'private' },
      { id: characterPromptId('Z'), privacy: 'private' },
    ]);
    expect(readBackUtterances('', () => true)).toEqual([{ id: 'ui/tactile.nothingTyped' }]);
  });
});

describe('what each key does', () => {
  const screen: ScreenOffer = { roles: ['choice', 'choice', 'field', 'button'], hasBack: true, anyKeyAnswers: false };
  const press = (state: SpokenModeState, key: KeyPress, offer = screen) => pressKey(state, interpretKey(key, state.context), offer);
  const effectsOf = (state: SpokenModeState, key: KeyPress, offer = screen) => press(state, key, offer).effects.map((effect) => effect.type);

  it('stops the speech first on every key, even one that means nothing', () => {
    for (const key of [numpad('2'), named('F5'), named('NumpadAdd', '+'), numpad('0')])
      expect(press(initialSpokenMode, key).effects[0]).toEqual({ type: 'stop-speech' });
    expect(effectsOf(initialSpokenMode, named('F5'))).toEqual(['stop-speech']);
  });

  it('reaches the controls in order, presses the one reached, and types into a field', () => {
    let state = initialSpokenMode;
    const step = (key: KeyPress) => {
      const result = press(state, key);
      state = result.state;
      return result.effects.slice(1);
    };
    expect(step(numpad('2'))).toEqual([{ type: 'describe', index: 0, wrapped: false }]);
    expect(step(numpad('5'))).toEqual([{ type: 'activate', index: 0 }]);
    expect(step(numpad('2'))).toEqual([{ type: 'describe', index: 1, wrapped: false }]);
    expect(step(numpad('2'))).toEqual([{ type: 'describe', index: 2, wrapped: false }]);
    expect(step(numpad('5'))).toEqual([{ type: 'start-typing', index: 2 }]);
    expect(state.context).toBe('typing');
    expect(step(numpad('1'))).toEqual([{ type: 'type', character: '1' }]);
    expect(step(named('NumpadSubtract', '-'))).toEqual([{ type: 'delete' }]);
    expect(step(named('NumpadMultiply', '*'))).toEqual([{ type: 'say-picker', item: { kind: 'character', character: 'A' }, opened: true }]);
    expect(step(numpad('8'))).toEqual([{ type: 'say-picker', item: { kind: 'command', command: 'finish' }, opened: false }]);
    expect(step(numpad('2'))).toEqual([{ type: 'say-picker', item: { kind: 'character', character: 'A' }, opened: false }]);
    expect(step(numpad('2'))).toEqual([{ type: 'say-picker', item: { kind: 'character', character: 'B' }, opened: false }]);
    expect(step(numpad('5'))).toEqual([{ type: 'type', character: 'B' }]);
    expect(step(named('NumpadMultiply', '*'))).toEqual([{ type: 'picker-closed' }]);
    expect(step(named('NumpadDecimal', '.'))).toEqual([{ type: 'read-back' }]);
    expect(step(named('NumpadEnter', 'Enter'))).toEqual([{ type: 'finish-typing' }]);
    expect(state.context).toBe('moving');
    expect(step(numpad('2'))).toEqual([{ type: 'describe', index: 3, wrapped: false }]);
    expect(step(numpad('2'))).toEqual([{ type: 'describe', index: 0, wrapped: true }]);
  });

  it('never presses anything unheard: 5 on a new screen only reaches the first control', () => {
    expect(effectsOf(initialSpokenMode, numpad('5'))).toEqual(['stop-speech', 'describe']);
    const left = { ...initialSpokenMode, focus: 9 };
    expect(press(left, numpad('5')).effects).toEqual([{ type: 'stop-speech' }, { type: 'describe', index: 0, wrapped: false }]);
  });

  it('completes a field by two switches alone: Space scans, Enter chooses, "Terminar" ends', () => {
    let state: SpokenModeState = { ...initialSpokenMode, focus: 2 };
    const sw = (code: 'Space' | 'Enter') => {
      const result = press(state, named(code, code === 'Space' ? ' ' : 'Enter'));
      state = result.state;
      return result.effects.slice(1);
    };
    expect(sw('Enter')).toEqual([{ type: 'start-typing', index: 2 }]);
    expect(sw('Space')[0]).toMatchObject({ type: 'say-picker', opened: true });
    for (let i = 0; i < 27; i += 1) sw('Space'); // past the letters to 0
    expect(sw('Space')).toEqual([{ type: 'say-picker', item: { kind: 'character', character: '1' }, opened: false }]);
    expect(sw('Enter')).toEqual([{ type: 'type', character: '1' }]);
    for (let i = 0; i < 11; i += 1) sw('Space'); // 2…9, then "Borrar", "Leer lo escrito", "Terminar"
    expect(state.picker).toBe(pickerItems.length - 1);
    expect(sw('Enter')).toEqual([{ type: 'finish-typing' }]);
    expect(state.context).toBe('moving');
  });

  it('calls a volunteer and blanks the screen from anywhere, and says when there is no way back', () => {
    const typing: SpokenModeState = { ...initialSpokenMode, context: 'typing', focus: 2 };
    expect(effectsOf(typing, named('NumpadAdd', '+'))).toEqual(['stop-speech', 'help']);
    const off = press(initialSpokenMode, named('NumpadDivide', '/'));
    expect(off.state.screenOff).toBe(true);
    expect(off.effects[1]).toEqual({ type: 'screen', off: true });
    expect(press(off.state, named('NumpadDivide', '/')).effects[1]).toEqual({ type: 'screen', off: false });
    expect(screenChanged(off.state).screenOff).toBe(true);
    expect(press(initialSpokenMode, numpad('4'), { ...screen, hasBack: false }).effects[1]).toEqual({ type: 'back', possible: false });
  });

  it('answers "¿Sigue ahí?" with any key at all, and nothing else happens', () => {
    for (const key of [numpad('2'), named('F5'), named('NumpadAdd', '+')]) {
      expect(press(initialSpokenMode, key, { ...screen, anyKeyAnswers: true }).effects).toEqual([{ type: 'stop-speech' }, { type: 'answer-any-key' }]);
    }
  });

  it('changes speed and volume and repeats while moving, but types those digits in a field', () => {
    expect(press(initialSpokenMode, numpad('7')).effects[1]).toEqual({ type: 'speech', change: 'slower' });
    expect(press(initialSpokenMode, numpad('6')).effects[1]).toEqual({ type: 'speech', change: 'repeat' });
    expect(press({ ...initialSpokenMode, context: 'typing', focus: 2 }, numpad('7')).effects[1]).toEqual({ type: 'type', character: '7' });
  });
});

describe("the spoken mode's prompts", () => {
  it('renders every sentence, every answer place, every step number and every character in es, en and ar', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const { tactilePrompts, tactileSpokenKeys, namedCharacters } = await import('../../../core/tactile/spoken-prompts.js');
    const { maxSpokenPosition, maxSpokenStepNumber, maxSpokenPartNumber } = await import('../../../core/tactile/describe.js');
    const folder = path.resolve(import.meta.dirname, '../../../assets/locales');
    const locales = Object.fromEntries(
      ['es', 'en', 'ar'].map((language) => [language, JSON.parse(readFileSync(path.join(folder, language, 'kiosk.json'), 'utf8')) as unknown]),
    );
    const prompts = tactilePrompts(locales);
    const pairs = (maxSpokenPosition * (maxSpokenPosition + 1)) / 2;
    for (const language of ['es', 'en', 'ar']) {
      const mine = prompts.filter((prompt) => prompt.language === language);
      expect(mine).toHaveLength(tactileSpokenKeys.length + pairs + maxSpokenStepNumber + maxSpokenPartNumber + namedCharacters.length);
      expect(mine.every((prompt) => prompt.text.trim().length > 0 && !prompt.text.includes('{{'))).toBe(true);
    }
    expect(prompts.find((prompt) => prompt.id === positionPromptId(1, 3) && prompt.language === 'es')?.text).toBe('Respuesta 1 de 3.');
    expect(prompts.find((prompt) => prompt.id === 'ui/tactile.step.12' && prompt.language === 'en')?.text).toBe('Step 12.');
    expect(prompts.find((prompt) => prompt.id === characterPromptId('Ñ') && prompt.language === 'es')?.text).toBe('Ñ');
  });
});
