import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { displayAnswer } from '../../../core/kiosk/answer-display.js';
import { qrPath, takeHomeAddress } from '../../../core/kiosk/take-home.js';
import type { StepOf } from '../../../core/procedure/schema.js';
import { validateDate } from '../../../core/validation/date.js';
import { procedureFrom, sampleProcedures } from '../../support/procedures.js';

const doneSteps = (id: string) => {
  const procedure = sampleProcedures().find((p) => p.id === id);
  if (!procedure) throw new Error(`no sample ${id}`);
  return { procedure, done: procedure.steps.filter((step): step is StepOf<'done'> => step.kind === 'done') };
};

describe('the take-home QR code', () => {
  it("encodes the done step's own qrUrl when it has one", () => {
    const { procedure, done } = doneSteps('cita-previa');
    const withQr = done.find((step) => step.qrUrl !== undefined);
    expect(withQr).toBeDefined();
    expect(takeHomeAddress(procedure, withQr as StepOf<'done'>)).toBe(withQr?.qrUrl);
  });

  it("else the first online channel's address", () => {
    const { procedure, done } = doneSteps('certificado-empadronamiento');
    for (const step of done) expect(takeHomeAddress(procedure, step)).toBe('https://sede.madrid.es/');
  });

  it('else nothing: no channel online, no code', () => {
    const procedure = procedureFrom(`
id: sin-web
version: 1
title: { es: Sin web }
summary: { es: Solo en persona. }
icon: office
officialUrl: https://example.org/
owner: Prueba
lastVerified: 2026-01-01
languages: [es]
channels:
  - kind: phone
    label: { es: Por teléfono }
    phone: "010"
steps:
  - id: fin
    kind: done
    title: { es: Hecho }
    text: { es: Ya está. }
`);
    const step = procedure.steps[0] as StepOf<'done'>;
    expect(takeHomeAddress(procedure, step)).toBeUndefined();
  });

  it('draws exactly the dark modules of the code, inside a 4-module quiet zone', () => {
    const modules = create('https://sede.madrid.es/', { errorCorrectionLevel: 'M' }).modules;
    const { d, side } = qrPath(modules);
    expect(side).toBe(modules.size + 8);
    // Paint the path's rectangles back onto a grid and compare with the modules.
    const painted = new Set<string>();
    for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
      for (let i = 0; i < Number(w); i += 1) painted.add(`${Number(y) - 4},${Number(x) - 4 + i}`);
    }
    let dark = 0;
    for (let row = 0; row < modules.size; row += 1) {
      for (let column = 0; column < modules.size; column += 1) {
        const on = Boolean(modules.get(row, column));
        if (on) dark += 1;
        expect(painted.has(`${row},${column}`)).toBe(on);
      }
    }
    expect(painted.size).toBe(dark);
  });
});

describe('a typed answer shown back', () => {
  it('shows a date as day/month/year, and typing that back is accepted as the same date', () => {
    const stored = validateDate('01/02/1950');
    expect(stored).toEqual({ ok: true, value: '1950-02-01' });
    const shown = displayAnswer('date', stored.ok ? stored.value : '');
    expect(shown).toBe('01/02/1950');
    expect(validateDate(shown)).toEqual(stored);
  });

  it('leaves every other answer as it is', () => {
    expect(displayAnswer('dni-nie', '12345678Z')).toBe('12345678Z');
    expect(displayAnswer('text', '1950-02-01')).toBe('1950-02-01');
  });
});
