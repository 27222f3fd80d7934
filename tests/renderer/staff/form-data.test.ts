import { describe, expect, it } from 'vitest';
import { freshStepId, stepOutlines } from '../../../renderer/staff/editor/form-data.js';

describe('editor form data', () => {
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
});
