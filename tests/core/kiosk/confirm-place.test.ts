import { describe, expect, it } from 'vitest';
import { placeAwayFrom } from '../../../core/kiosk/confirm-place.js';

describe('where a confirmation goes', () => {
  it('goes to the half of the screen away from the tap that opened it', () => {
    // "Siguiente" in the dock at the bottom: the question at the top.
    expect(placeAwayFrom({ x: 1700, y: 1000 }, 1080)).toBe('start');
    // "Empezar de nuevo" in the bar at the top: the question at the bottom.
    expect(placeAwayFrom({ x: 1700, y: 40 }, 1080)).toBe('end');
    expect(placeAwayFrom({ x: 0, y: 540 }, 1080)).toBe('start');
    expect(placeAwayFrom({ x: 0, y: 539 }, 1080)).toBe('end');
  });

  it('is centred when no finger opened it (a key, a switch)', () => {
    expect(placeAwayFrom(undefined, 1080)).toBe('center');
  });
});
