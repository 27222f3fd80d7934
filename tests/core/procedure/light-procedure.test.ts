import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isProcedureId } from '../../../core/procedure/ids.js';
import { readPublishedProcedure } from '../../../core/procedure/light-procedure.js';
import { idSchema, procedureSchema, type Procedure } from '../../../core/procedure/schema.js';
import { miniProcedureYaml, procedureFrom, sampleProcedures, stepYaml } from '../../support/procedures.js';
import { expectSameVerdicts } from '../../support/shape-mutations.js';

/** A procedure as the hub sends it: JSON, through the wire. */
const overTheWire = (procedure: Procedure): unknown => JSON.parse(JSON.stringify(procedure));

/** The fields no sample uses yet: a step's and a choice's `say`, `start`, an optional input, a quiz with its explanation, practice data. */
const rareFields = procedureFrom(
  miniProcedureYaml(
    `${stepYaml('pregunta', 'question', 'say: { es: Diga sí o no }\nchoices:\n  - { id: si, label: { es: Sí }, say: { es: Diga sí }, next: nombre }\n  - { id: no, label: { es: No }, next: nombre }')}${stepYaml('nombre', 'input', 'format: text\nlabel: { es: Nombre }\noptional: true\npracticeData: Ana\nnext: repaso')}${stepYaml('repaso', 'quiz', 'choices:\n  - { id: dar, label: { es: Lo doy }, say: { es: Se lo doy } }\n  - { id: callar, label: { es: No lo doy }, correct: true }\nexplanation: { es: El PIN no se da. }\nnext: fin')}${stepYaml('fin', 'done')}`,
    'start: pregunta\npractice: true\n',
  ),
);

describe('the kiosk reads a published procedure without zod (issue 13)', () => {
  it('reads every sample exactly as the zod schema parses it', () => {
    for (const procedure of [...sampleProcedures(), rareFields]) {
      const wire = overTheWire(procedure);
      expect(readPublishedProcedure(wire)).toEqual(procedureSchema.parse(wire));
    }
  });

  it('refuses a wrong type or a missing field exactly where the zod schema does, field by field', () => {
    // Two samples cover every step kind and field between them, with the inline one for the rest.
    const samples = sampleProcedures().filter((procedure) => ['certificado-empadronamiento', 'registro-clave'].includes(procedure.id));
    expect(samples).toHaveLength(2);
    let tried = 0;
    for (const procedure of [...samples, rareFields])
      tried += expectSameVerdicts(overTheWire(procedure), (value) => readPublishedProcedure(value) !== undefined, procedureSchema);
    expect(tried).toBeGreaterThan(2000);
  });

  it('fills the lists a script may leave out, as the schema does', () => {
    const wire = overTheWire(rareFields) as Record<string, unknown>;
    delete wire['requirements'];
    delete wire['channels'];
    delete wire['glossary'];
    delete wire['reviewedLanguages'];
    expect(readPublishedProcedure(wire)).toMatchObject({ reviewedLanguages: [], requirements: [], channels: [], glossary: [] });
  });

  it('refuses what would break the kiosk: an unknown step kind, an id that is not one, a pattern that does not compile', () => {
    const wire = () => overTheWire(rareFields) as { steps: Record<string, unknown>[] };
    const unknownKind = wire();
    unknownKind.steps[0] = { ...unknownKind.steps[0], kind: 'video' };
    const badId = wire();
    badId.steps[1] = { ...badId.steps[1], id: 'nombre"]' };
    const badPattern = wire();
    badPattern.steps[1] = { ...badPattern.steps[1], pattern: '([a-z' };
    for (const broken of [unknownKind, badId, badPattern, null, 'not a procedure', { steps: [] }]) expect(readPublishedProcedure(broken)).toBeUndefined();
  });

  it('leaves the content rules to the hub, which checked them at publication, and ignores fields it does not know', () => {
    const wire = overTheWire(rareFields) as Record<string, unknown>;
    const emptyTitle = { ...wire, title: { es: '' } };
    expect(procedureSchema.safeParse(emptyTitle).success).toBe(false);
    expect(readPublishedProcedure(emptyTitle)).toBeDefined();
    // A newer hub's extra field does not cost the kiosk the procedure.
    expect(readPublishedProcedure({ ...wire, audience: 'seniors' })).toBeDefined();
  });
});

describe('ids', () => {
  it("isProcedureId agrees with the schema's idSchema", () => {
    const idLike = fc.stringMatching(/^[a-z0-9-]{0,70}$/);
    fc.assert(
      fc.property(fc.oneof(idLike, fc.string({ maxLength: 70 })), (value) => {
        expect(isProcedureId(value)).toBe(idSchema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
    expect(isProcedureId('a'.repeat(64))).toBe(true);
    expect(isProcedureId('a'.repeat(65))).toBe(false);
  });
});
