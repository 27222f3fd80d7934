import { describe, expect, it } from 'vitest';
import { readOpenAt, sessionAt } from '../../../renderer/kiosk/session/open-at.js';
import { sampleProcedures } from '../../support/procedures.js';

describe('reading where to open the kiosk from its fragment', () => {
  it('reads the step, text size, colours and language', () => {
    expect(readOpenAt('#token=abc&at=cita-previa/dni&size=64&theme=contrast&lang=ar')).toEqual({
      kind: 'open',
      at: { procedureId: 'cita-previa', stepId: 'dni', language: 'ar', textSize: 64, highContrast: true },
    });
  });

  it('takes 32 px, normal colours and Spanish when they are not given', () => {
    expect(readOpenAt('#at=cita-previa/dni')).toEqual({
      kind: 'open',
      at: { procedureId: 'cita-previa', stepId: 'dni', language: 'es', textSize: 32, highContrast: false },
    });
  });

  it('reads "at=here" as the screen on show in another text size and colours', () => {
    expect(readOpenAt('#at=here&size=64&theme=contrast')).toEqual({ kind: 'look', look: { textSize: 64, highContrast: true } });
    expect(readOpenAt('#at=here&size=40')).toEqual({ kind: 'invalid', problem: '"size" must be one of 32, 48, 64; got "40"' });
  });

  it('asks nothing without "at"', () => {
    expect(readOpenAt('#token=abc&size=64')).toEqual({ kind: 'none' });
    expect(readOpenAt('')).toEqual({ kind: 'none' });
  });

  it.each([
    ['#at=cita-previa', '"at" must be <procedure>/<step>'],
    ['#at=../../etc/passwd', '"at" must be <procedure>/<step>'],
    ['#at=Cita/DNI', '"at" must be <procedure>/<step>'],
    [`#at=${'a'.repeat(65)}/dni`, '"at" must be <procedure>/<step>'],
    ['#at=cita-previa/dni&size=40', '"size" must be one of 32, 48, 64; got "40"'],
    ['#at=cita-previa/dni&theme=dark', '"theme" must be normal or contrast; got "dark"'],
    ['#at=cita-previa/dni&lang=fr', '"lang" must be one of es, en, ar; got "fr"'],
  ])('says what is wrong with %s', (hash, problem) => {
    const request = readOpenAt(hash);
    expect(request.kind).toBe('invalid');
    expect(request.kind === 'invalid' ? request.problem : '').toContain(problem);
  });
});

describe('the session that opens at a step', () => {
  const procedures = sampleProcedures();
  const procedure = procedures.find((candidate) => candidate.steps.length > 3);
  if (!procedure) throw new Error('a sample procedure with more than 3 steps');
  const later = procedure.steps[3]?.id ?? '';

  it('is at that step, with the way back to the start and no answers, in the asked language and comfort', () => {
    const opening = sessionAt(procedures, { procedureId: procedure.id, stepId: later, language: 'ar', textSize: 48, highContrast: true });
    expect(opening.ok).toBe(true);
    if (!opening.ok) return;
    const { screen, language, comfort } = opening.session;
    expect(screen.name).toBe('steps');
    if (screen.name !== 'steps') return;
    expect(screen.procedureId).toBe(procedure.id);
    expect(screen.engine.current).toBe(later);
    expect(screen.engine.trail.length).toBeGreaterThan(0);
    expect(screen.engine.answers).toEqual({});
    expect(language).toBe('ar');
    expect(comfort).toMatchObject({ textSize: 48, highContrast: true, speechRate: 'slow', volume: 'high' });
  });

  it('names a procedure that is not published, and a step the procedure does not have', () => {
    expect(sessionAt(procedures, { procedureId: 'nope', stepId: later, language: 'es', textSize: 32, highContrast: false })).toEqual({
      ok: false,
      problem: 'no procedure "nope" is published on this kiosk',
    });
    expect(sessionAt(procedures, { procedureId: procedure.id, stepId: 'nope', language: 'es', textSize: 32, highContrast: false })).toEqual({
      ok: false,
      problem: `the procedure "${procedure.id}" has no step "nope"`,
    });
  });
});
