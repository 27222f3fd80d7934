import { describe, expect, it } from 'vitest';
import { barLayout } from '../../../renderer/staff/analytics/bar-chart.js';
import { dayOf, defaultRange } from '../../../renderer/staff/analytics/analytics-screen.js';
import { parseRoute, routeHash } from '../../../renderer/staff/app/routes.js';
import { freshStepId, stepOutlines } from '../../../renderer/staff/editor/form-data.js';
import { foldUnchanged } from '../../../renderer/staff/history/fold-diff.js';
import { splitLanguages } from '../../../renderer/staff/people/people-screen.js';

describe('staff console logic', () => {
  it('routes round-trip through the URL fragment', () => {
    for (const route of [
      { page: 'procedures' },
      { page: 'editor', procedureId: 'cita-previa' },
      { page: 'fleet' },
      { page: 'people' },
      { page: 'analytics' },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(parseRoute('#/nowhere')).toEqual({ page: 'procedures' });
    expect(parseRoute('')).toEqual({ page: 'procedures' });
  });

  it('folds long unchanged runs around the changes', () => {
    const same = (n: number) => ({ kind: 'same' as const, text: `l${n}`, oldLine: n, newLine: n });
    const lines = [
      ...Array.from({ length: 10 }, (_v, i) => same(i + 1)),
      { kind: 'removed' as const, text: 'old', oldLine: 11 },
      { kind: 'added' as const, text: 'new', newLine: 11 },
      ...Array.from({ length: 10 }, (_v, i) => same(i + 12)),
    ];
    const folded = foldUnchanged(lines, 2);
    expect(folded[0]).toEqual({ kind: 'gap', skipped: 8 });
    expect(folded.filter((line) => line.kind === 'same')).toHaveLength(4);
    expect(folded.at(-1)).toEqual({ kind: 'gap', skipped: 8 });
    expect(foldUnchanged([same(1)])).toEqual([{ kind: 'gap', skipped: 1 }]);
  });

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

  it('reads steps from data that does not fit the schema yet, and finds free ids', () => {
    expect(stepOutlines({ steps: [{ id: 'a', kind: 'info', title: { es: 'A' } }, 'rubbish', { id: 3 }] })).toEqual([
      { index: 0, id: 'a', kind: 'info', title: { es: 'A' } },
      { index: 1, id: '', kind: '', title: {} },
      { index: 2, id: '3', kind: '', title: {} },
    ]);
    expect(stepOutlines(null)).toEqual([]);
    expect(freshStepId(['paso-nuevo', 'paso-nuevo-2'])).toBe('paso-nuevo-3');
    expect(freshStepId([])).toBe('paso-nuevo');
  });

  it('default analytics range is the last 30 days, and languages split on commas or spaces', () => {
    const now = Date.parse('2026-11-29T23:00:00Z');
    expect(dayOf(now)).toBe('2026-11-29');
    expect(defaultRange(now)).toEqual({ from: '2026-10-31', to: '2026-11-29' });
    expect(splitLanguages(' es, en  ar,')).toEqual(['es', 'en', 'ar']);
  });
});
