import { describe, expect, it } from 'vitest';
import { inPracticeLook, practiceLast, practiceOffer } from '../../../core/kiosk/practice.js';
import type { Procedure, Step } from '../../../core/procedure/schema.js';
import { miniProcedureYaml, procedureFrom, stepYaml } from '../../support/procedures.js';

const practiceScript = (steps: string): Procedure => procedureFrom(miniProcedureYaml(steps, 'practice: true\n'));
const realScript = (id: string): Procedure => ({ ...procedureFrom(miniProcedureYaml(stepYaml('fin', 'done'))), id });
const stepOf = (procedure: Procedure, id: string): Step => {
  const step = procedure.steps.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
};

describe('the catalogue order', () => {
  it('lists the practice scripts after the real ones, each group in its published order', () => {
    const practiceA = { ...realScript('practica-a'), practice: true };
    const practiceB = { ...realScript('practica-b'), practice: true };
    const list = [practiceA, realScript('uno'), practiceB, realScript('dos')];
    expect(practiceLast(list).map((procedure) => procedure.id)).toEqual(['uno', 'dos', 'practica-a', 'practica-b']);
  });

  it('leaves a catalogue without practice scripts as it is', () => {
    const list = [realScript('b'), realScript('a')];
    expect(practiceLast(list).map((procedure) => procedure.id)).toEqual(['b', 'a']);
  });
});

describe('the PRÁCTICA look', () => {
  it('is on for a practice procedure and in a workshop, off for a real procedure outside one', () => {
    const practice = { ...realScript('p'), practice: true };
    expect(inPracticeLook(practice, false)).toBe(true);
    expect(inPracticeLook(realScript('r'), false)).toBe(false);
    expect(inPracticeLook(undefined, false)).toBe(false);
    // A workshop's own screens (code, lessons) have no procedure and are practice all the same.
    expect(inPracticeLook(undefined, true)).toBe(true);
  });
});

describe("a step's practice offer", () => {
  const procedure = practiceScript(
    [
      stepYaml('dni', 'input', 'label: { es: DNI }\nformat: dni-nie\npracticeData: 12345678Z\nnext: movil'),
      stepYaml('movil', 'input', 'label: { es: Móvil }\nformat: mobile\npracticeData: "612345678"\nnext: codigo'),
      stepYaml('codigo', 'info', 'sensitive: true\nspeak: headphones\npracticeData: "482915"\nnext: nada'),
      stepYaml('nada', 'info', 'next: fin'),
      stepYaml('fin', 'done'),
    ].join(''),
  );

  it("offers to type an input's value, in words that name what the field asks for", () => {
    expect(practiceOffer(stepOf(procedure, 'dni'), true)).toEqual({ kind: 'fill', value: '12345678Z', wordsKey: 'practice.useDni' });
    expect(practiceOffer(stepOf(procedure, 'movil'), true)).toEqual({ kind: 'fill', value: '612345678', wordsKey: 'practice.usePhone' });
  });

  it('shows the value of any other step as its fake code', () => {
    expect(practiceOffer(stepOf(procedure, 'codigo'), true)).toEqual({ kind: 'show', value: '482915' });
  });

  it('offers nothing on a step without practice data', () => {
    expect(practiceOffer(stepOf(procedure, 'nada'), true)).toBeUndefined();
  });

  it('offers nothing outside the PRÁCTICA look, even where a script carries a value', () => {
    expect(practiceOffer(stepOf(procedure, 'dni'), false)).toBeUndefined();
    expect(practiceOffer(stepOf(procedure, 'codigo'), false)).toBeUndefined();
  });
});
