import { describe, expect, it } from 'vitest';
import { splitLanguages } from '../../../renderer/staff/people/volunteers-section.js';

describe('the people screen', () => {
  it('languages split on commas or spaces', () => {
    expect(splitLanguages(' es, en  ar,')).toEqual(['es', 'en', 'ar']);
  });
});
