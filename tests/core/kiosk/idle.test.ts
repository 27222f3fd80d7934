import { describe, expect, it } from 'vitest';
import { advanceIdle, checkIdleSettings, defaultIdleSettings, extendTime, noteActivity, secondsToAnswer, startIdle } from '../../../core/kiosk/idle.js';

const settings = defaultIdleSettings;

describe('the idle rule', () => {
  it('warns after two quiet minutes and gives a full minute to answer', () => {
    let state = startIdle(0);
    state = advanceIdle(state, 119_999, settings, false);
    expect(state.phase).toBe('active');
    state = advanceIdle(state, 120_000, settings, false);
    expect(state).toEqual({ phase: 'warning', warnedAt: 120_000, wipeAt: 180_000 });
    expect(secondsToAnswer(state, 120_000)).toBe(60);
    expect(secondsToAnswer(state, 179_001)).toBe(1);
    state = advanceIdle(state, 179_999, settings, false);
    expect(state.phase).toBe('warning');
    expect(advanceIdle(state, 180_000, settings, false)).toEqual({ phase: 'wiped', wipedAt: 180_000 });
  });

  it('every touch restarts the quiet time', () => {
    let state = startIdle(0);
    state = noteActivity(advanceIdle(state, 100_000, settings, false), 100_000);
    expect(advanceIdle(state, 219_999, settings, false).phase).toBe('active');
  });

  it('"Necesito más tiempo" ends the warning, as many times as needed', () => {
    let state = advanceIdle(startIdle(0), 120_000, settings, false);
    for (let round = 1; round <= 5; round++) {
      state = extendTime(state, round * 1_000_000);
      expect(state.phase).toBe('active');
      state = advanceIdle(state, round * 1_000_000 + 120_000, settings, false);
      expect(state.phase).toBe('warning');
    }
  });

  it('any touch or key during the warning means the senior is still there (issue 13)', () => {
    const warning = advanceIdle(startIdle(0), 120_000, settings, false);
    expect(warning.phase).toBe('warning');
    const present = noteActivity(warning, 130_000);
    expect(present).toEqual({ phase: 'active', lastActivityAt: 130_000 });
    // The quiet time starts again from that touch: no wipe a minute later.
    expect(advanceIdle(present, 181_000, settings, false).phase).toBe('active');
    expect(advanceIdle(present, 250_000, settings, false).phase).toBe('warning');
  });

  it('a touch after the wipe changes nothing', () => {
    const wiped = advanceIdle(advanceIdle(startIdle(0), 120_000, settings, false), 180_000, settings, false);
    expect(wiped.phase).toBe('wiped');
    expect(noteActivity(wiped, 181_000)).toBe(wiped);
  });

  it('never warns or wipes while a help call is open, and starts over when it closes', () => {
    let state = advanceIdle(startIdle(0), 120_000, settings, false);
    state = advanceIdle(state, 500_000, settings, true);
    expect(state).toEqual({ phase: 'active', lastActivityAt: 500_000 });
    expect(advanceIdle(state, 619_999, settings, false).phase).toBe('active');
    expect(advanceIdle(state, 620_000, settings, false).phase).toBe('warning');
  });

  it('refuses settings that would rush a senior', () => {
    expect(() => checkIdleSettings({ idleMs: 120_000, warningMs: 20_000 })).toThrow(
      'the time to answer the idle warning must be at least 60 s; it is 20000 ms',
    );
    expect(() => checkIdleSettings({ idleMs: 1_000, warningMs: 60_000 })).toThrow(/at least 10 s/);
    expect(checkIdleSettings(defaultIdleSettings)).toBe(defaultIdleSettings);
  });
});
