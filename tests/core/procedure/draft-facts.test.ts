/** The list's facts of a draft: read even when the draft has problems elsewhere. */
import { describe, expect, it } from 'vitest';
import { readDraftFacts } from '../../../core/procedure/draft-facts.js';

describe('readDraftFacts', () => {
  it('reads id, title and lastVerified of a draft that does not pass the checker', () => {
    const draft = 'id: pedir-cita\ntitle:\n  es: Pedir cita\nlastVerified: 2026-05-01\nsteps: not a list\n';
    expect(readDraftFacts(draft)).toEqual({ id: 'pedir-cita', title: { es: 'Pedir cita' }, lastVerified: '2026-05-01' });
  });

  it('leaves out what cannot be read, and never throws', () => {
    expect(readDraftFacts('title: 42\nlastVerified: yesterday\n')).toEqual({});
    expect(readDraftFacts('[unclosed')).toEqual({});
    expect(readDraftFacts('\u0000\u0001')).toEqual({});
    expect(readDraftFacts('- a list\n- not a map\n')).toEqual({});
  });
});
