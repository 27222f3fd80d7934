import { describe, expect, it } from 'vitest';
import { defaultPressGateSettings, isSettling, judgePress, repeatWindowMs, screenShown, type PressGateState } from '../../../core/kiosk/press-gate.js';
import { defaultSettleMs, maximumSettleMs, settleMsFromFragment } from '../../../core/kiosk/settle.js';

const next = { id: 'siguiente' };
const key1 = { id: '1' };
const key2 = { id: '2' };

describe('the settle time of a new screen', () => {
  const settings = defaultPressGateSettings;
  it('ignores a finger for 400 ms after a screen appears, then lets it act', () => {
    const shown = screenShown<object>(undefined, 10_000);
    // The double tap of issue 13: the second tap 120 ms after the first changed the screen.
    expect(judgePress(shown, { target: next, at: 10_120, pointer: true }, settings)).toMatchObject({ counts: false, why: 'settling' });
    expect(judgePress(shown, { target: next, at: 10_000 + defaultSettleMs - 1, pointer: true }, settings).counts).toBe(false);
    expect(judgePress(shown, { target: next, at: 10_000 + defaultSettleMs, pointer: true }, settings).counts).toBe(true);
  });

  it('lets a key or a switch act at once: they are deliberate', () => {
    expect(judgePress(screenShown<object>(undefined, 0), { target: next, at: 10, pointer: false }, settings).counts).toBe(true);
  });

  it('is off at 0 ms', () => {
    expect(judgePress(screenShown<object>(undefined, 0), { target: next, at: 0, pointer: true }, { settleMs: 0, ignoreRepeats: false }).counts).toBe(true);
  });

  it('starts again for each new screen, and so does the tremor rule: the button in the same place asks something new', () => {
    const tremor = { settleMs: defaultSettleMs, ignoreRepeats: true };
    const pressed = judgePress(screenShown<object>(undefined, 0), { target: key1, at: 1000, pointer: true }, tremor);
    const again = screenShown(pressed.state, 1100);
    expect(again).toEqual({ shownAt: 1100 });
    expect(isSettling(again.shownAt, 1499, defaultSettleMs)).toBe(true);
    expect(isSettling(again.shownAt, 1500, defaultSettleMs)).toBe(false);
    // Within 500 ms of the last press on that button, but on a new, settled screen: it counts.
    expect(judgePress(again, { target: key1, at: 1500, pointer: true }, tremor).counts).toBe(true);
  });

  it('reads the settle time from the page fragment, refusing what is not a small whole number', () => {
    expect(settleMsFromFragment('#token=abc&settle=0')).toBe(0);
    expect(settleMsFromFragment('settle=250&token=abc')).toBe(250);
    expect(settleMsFromFragment(`#settle=${maximumSettleMs}`)).toBe(maximumSettleMs);
    expect(settleMsFromFragment(`#settle=${maximumSettleMs + 1}`)).toBeUndefined();
    for (const bad of ['#settle=-1', '#settle=1e3', '#settle=', '#settle=abc', '#token=a', '#xsettle=5', '#settle=12345'])
      expect(settleMsFromFragment(bad), bad).toBeUndefined();
  });
});

describe('the tremor option, on every button', () => {
  const on = { settleMs: 0, ignoreRepeats: true };
  const start: PressGateState<object> = screenShown<object>(undefined, 0);

  it('ignores the same target again within 500 ms, and only then', () => {
    const first = judgePress(start, { target: key1, at: 1000, pointer: true }, on);
    expect(first.counts).toBe(true);
    expect(judgePress(first.state, { target: key1, at: 1000 + repeatWindowMs - 1, pointer: true }, on)).toMatchObject({ counts: false, why: 'repeat' });
    expect(judgePress(first.state, { target: key1, at: 1000 + repeatWindowMs, pointer: true }, on).counts).toBe(true);
    expect(judgePress(first.state, { target: key2, at: 1001, pointer: true }, on).counts).toBe(true);
    // Keys on a keyboard held by a shaking hand repeat too.
    expect(judgePress(first.state, { target: key1, at: 1001, pointer: false }, on).counts).toBe(false);
  });

  it('counts from the last press that counted, not from an ignored one', () => {
    const first = judgePress(start, { target: key1, at: 1000, pointer: true }, on);
    const ignored = judgePress(first.state, { target: key1, at: 1400, pointer: true }, on);
    expect(ignored.counts).toBe(false);
    expect(judgePress(ignored.state, { target: key1, at: 1500, pointer: true }, on).counts).toBe(true);
  });

  it('lets every press through when the option is off', () => {
    const off = { settleMs: 0, ignoreRepeats: false };
    const first = judgePress(start, { target: key1, at: 1000, pointer: true }, off);
    expect(judgePress(first.state, { target: key1, at: 1001, pointer: true }, off).counts).toBe(true);
  });
});
