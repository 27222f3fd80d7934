import { describe, expect, it } from 'vitest';
import { blockedShortcut, type KeyInput } from '../../../electron/main/policies/shortcuts.js';

function press(key: string, modifiers: Partial<Omit<KeyInput, 'key' | 'type'>> = {}, type = 'keyDown'): KeyInput {
  return { type, key, control: false, meta: false, alt: false, shift: false, ...modifiers };
}

describe('the shortcuts the kiosk swallows', () => {
  it.each([
    ['F5 (reload)', press('F5')],
    ['Ctrl+R (reload)', press('r', { control: true })],
    ['Ctrl+Shift+R (hard reload)', press('R', { control: true, shift: true })],
    ['Cmd+R on a Mac', press('r', { meta: true })],
    ['F12 (devtools)', press('F12')],
    ['Ctrl+Shift+I (devtools)', press('I', { control: true, shift: true })],
    ['Ctrl+Shift+J (console)', press('J', { control: true, shift: true })],
    ['Cmd+Alt+I (devtools on a Mac)', press('i', { meta: true, alt: true })],
    ['Ctrl+W (close)', press('w', { control: true })],
    ['Alt+F4 (close)', press('F4', { alt: true })],
    ['Ctrl+Q (quit)', press('q', { control: true })],
    ['Ctrl+P (print dialog)', press('p', { control: true })],
    ['Ctrl++ (zoom)', press('+', { control: true })],
    ['Ctrl+Shift+= (zoom on many layouts)', press('=', { control: true, shift: true })],
    ['Ctrl+- (zoom out)', press('-', { control: true })],
    ['Ctrl+0 (reset zoom)', press('0', { control: true })],
    ['Ctrl+N (new window)', press('n', { control: true })],
    ['Ctrl+O (open a file)', press('o', { control: true })],
    ['Ctrl+U (view source)', press('u', { control: true })],
    ['F11 (leave full screen)', press('F11')],
    ['Alt+Left (back)', press('ArrowLeft', { alt: true })],
    ["the keyboard's Back key", press('BrowserBack')],
    ['the key-up half of Ctrl+R', press('r', { control: true }, 'keyUp')],
  ])('blocks %s', (_what, input) => {
    expect(blockedShortcut(input)).toBeDefined();
  });

  it.each([
    ['a letter', press('a')],
    ['a capital letter', press('A', { shift: true })],
    ['Ñ', press('Ñ', { shift: true })],
    ['a digit', press('7')],
    ['Enter', press('Enter')],
    ['Backspace', press('Backspace')],
    ['Tab', press('Tab')],
    ['Shift+Tab', press('Tab', { shift: true })],
    ['an arrow key alone', press('ArrowLeft')],
    ['R without Ctrl', press('r')],
    ['Ctrl+A (select all in a field)', press('a', { control: true })],
    ['Ctrl+C (copy)', press('c', { control: true })],
    ['a minus sign', press('-')],
    ['zero', press('0')],
  ])('lets %s through', (_what, input) => {
    expect(blockedShortcut(input)).toBeUndefined();
  });

  it('ignores events that are not key presses', () => {
    expect(blockedShortcut(press('F5', {}, 'char'))).toBeUndefined();
  });
});
