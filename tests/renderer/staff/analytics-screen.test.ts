import { describe, expect, it } from 'vitest';
import { dayOf, defaultRange } from '../../../renderer/staff/analytics/analytics-screen.js';

describe('the analytics screen', () => {
  it('default analytics range is the last 30 days', () => {
    const now = Date.parse('2026-11-29T23:00:00Z');
    expect(dayOf(now)).toBe('2026-11-29');
    expect(defaultRange(now)).toEqual({ from: '2026-10-31', to: '2026-11-29' });
  });
});
