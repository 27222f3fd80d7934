import { describe, expect, it } from 'vitest';
import { parseKioskConfig, type KioskConfig } from '../../../core/shell/kiosk-config.js';
import { isOpenAt, keepAwakeDecision, localMoment } from '../../../electron/main/policies/keep-awake.js';

function hoursOf(openingHours: Record<string, string[]>): KioskConfig['openingHours'] {
  const result = parseKioskConfig(JSON.stringify({ kioskId: 'k1', hubUrl: 'https://hub.example.org', deviceToken: 'x'.repeat(32), openingHours }));
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.config.openingHours;
}

const library = hoursOf({ monday: ['09:00-14:00', '16:00-20:00'], saturday: ['10:00-13:30'] });
const at = (weekday: number, hhmm: string) => ({ weekday, minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });

describe('keeping the screen awake during opening hours', () => {
  it('holds the display on from opening time until just before closing', () => {
    expect(keepAwakeDecision(library, at(1, '09:00'))).toBe('hold');
    expect(keepAwakeDecision(library, at(1, '13:59'))).toBe('hold');
    expect(keepAwakeDecision(library, at(1, '14:00'))).toBe('release');
    expect(keepAwakeDecision(library, at(1, '15:00'))).toBe('release');
    expect(keepAwakeDecision(library, at(1, '16:00'))).toBe('hold');
    expect(keepAwakeDecision(library, at(6, '13:29'))).toBe('hold');
    expect(keepAwakeDecision(library, at(6, '13:30'))).toBe('release');
  });

  it('lets the screen sleep before opening, at night and on closed days', () => {
    expect(isOpenAt(library, at(1, '08:59'))).toBe(false);
    expect(isOpenAt(library, at(1, '23:00'))).toBe(false);
    expect(isOpenAt(library, at(0, '11:00'))).toBe(false);
    expect(isOpenAt(library, at(2, '11:00'))).toBe(false);
  });

  it('reads the local weekday and time of a date', () => {
    expect(localMoment(new Date(2026, 10, 30, 9, 5))).toEqual({ weekday: 1, minutes: 545 });
  });
});
