import { describe, expect, it } from 'vitest';
import { barLayout } from '../../../renderer/staff/analytics/bar-chart.js';

describe('the analytics bar chart', () => {
  it('scales bars to the longest, never past the room', () => {
    const layout = barLayout(
      [
        { label: 'a', value: 10 },
        { label: 'b', value: 5 },
        { label: 'c', value: 0 },
      ],
      900,
      300,
      30,
    );
    expect(layout.map((bar) => bar.length)).toEqual([520, 260, 0]);
    expect(layout.map((bar) => bar.y)).toEqual([0, 30, 60]);
    expect(barLayout([{ label: 'a', value: 0 }], 900, 300, 30)[0]?.length).toBe(0);
  });
});
