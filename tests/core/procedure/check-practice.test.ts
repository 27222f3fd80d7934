/**
 * The practice rules of the checker (core/procedure/check-practice.ts), on hostile scripts: each
 * problem at the line and column where staff fix it, in English and in Spanish.
 */
import { describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../../core/procedure/check.js';
import { describeProblem } from '../../../core/procedure/messages/catalog.js';
import { miniProcedureYaml, sampleSources, stepYaml, workshopSources } from '../../support/procedures.js';

/** The problems of a text as `line:column: message` strings. */
function problemsOf(text: string): string[] {
  return checkProcedureText(text).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
}

/** `line:column` of the `occurrence`th occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string, occurrence = 1): string {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" not found`);
  }
  const before = text.slice(0, index);
  return `${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
}

const practiceHeader = 'practice: true\n';
/** A practice script whose every sensitive and input step has practice data: the base each hostile test changes. */
const cleanPractice = miniProcedureYaml(
  stepYaml('dni', 'input', 'format: dni-nie\nlabel: { es: DNI }\npracticeData: 12345678Z\nnext: codigo') +
    stepYaml('codigo', 'info', 'sensitive: true\nspeak: headphones\npracticeData: "482915"\nnext: fin') +
    stepYaml('fin', 'done'),
  practiceHeader,
);

describe('a practice script', () => {
  it('passes when it offers no address, sends nothing and uses practice data everywhere', () => {
    expect(problemsOf(cleanPractice)).toEqual([]);
  });

  it('an official link in a practice script is refused, with its location (a channel url and a done step qrUrl)', () => {
    const text = miniProcedureYaml(
      stepYaml('inicio', 'info', 'next: fin') + stepYaml('fin', 'done', 'qrUrl: https://www.madrid.es/citaprevia'),
      `${practiceHeader}channels:\n  - kind: online\n    label: { es: Por internet }\n    url: https://sede.madrid.es/tramite\n`,
    );
    expect(problemsOf(text)).toEqual([
      `${positionOf(text, 'https://sede.madrid.es/tramite')}: channel number 1: this is a practice script, so it must not offer a real address (url); the kiosk shows "Así se vería en la web real" instead. Remove the address`,
      `${positionOf(text, 'https://www.madrid.es/citaprevia')}: step "fin": this is a practice script, so it must not offer a real address (qrUrl); the kiosk shows "Así se vería en la web real" instead. Remove the address`,
    ]);
    const spanish = checkProcedureText(text).problems.map((problem) => describeProblem(problem, 'es'));
    expect(spanish[0]).toBe(
      'canal número 1: este es un guion de práctica, así que no puede ofrecer una dirección real (url); el quiosco muestra "Así se vería en la web real" en su lugar. Quite la dirección',
    );
  });

  it('keeps its officialUrl: the fact-check reference is never shown as a link', () => {
    expect(cleanPractice).toContain('officialUrl: https://sede.madrid.es/');
    expect(problemsOf(cleanPractice)).toEqual([]);
  });

  it('may not send anything: "submits: true" is refused at its value, even after a review step', () => {
    const text = miniProcedureYaml(
      stepYaml('revisar', 'review', 'next: enviar') + stepYaml('enviar', 'info', 'submits: true\nnext: fin') + stepYaml('fin', 'done'),
      practiceHeader,
    );
    expect(problemsOf(text)).toEqual([
      `${positionOf(text, 'true', 2)}: this is a practice script, so step "enviar" must not send anything for real; remove "submits: true"`,
    ]);
  });

  it('needs practice data on every sensitive step and every input step, even an optional one, reported at the step', () => {
    const text = miniProcedureYaml(
      stepYaml('codigo', 'info', 'sensitive: true\nspeak: headphones\nnext: cp') +
        stepYaml('cp', 'input', 'format: postcode\nlabel: { es: Código postal }\noptional: true\nnext: lista') +
        stepYaml('lista', 'checklist', 'sensitive: true\nspeak: never\nitems: [{ id: a, label: { es: A } }]\nnext: fin') +
        stepYaml('fin', 'done'),
      practiceHeader,
    );
    expect(problemsOf(text)).toEqual([
      `${positionOf(text, 'codigo', 1)}: this is a practice script, so step "codigo" must use made-up data: add "practiceData:" with a fake value`,
      `${positionOf(text, 'id: cp').replace(/:(\d+)$/, (_whole, column: string) => `:${Number(column) + 4}`)}: this is a practice script, so step "cp" must use made-up data: add "practiceData:" with a fake value`,
      `${positionOf(text, 'id: lista').replace(/:(\d+)$/, (_whole, column: string) => `:${Number(column) + 4}`)}: this is a practice script, so step "lista" must use made-up data: add "practiceData:" with a fake value`,
    ]);
  });

  it("refuses an input's practice data that the input itself would refuse: its format, then its pattern", () => {
    const text = miniProcedureYaml(
      stepYaml('dni', 'input', 'format: dni-nie\nlabel: { es: DNI }\npracticeData: 12345678A\nnext: cp') +
        stepYaml('cp', 'input', 'format: postcode\nlabel: { es: CP }\npracticeData: "99999"\nnext: movil') +
        stepYaml('movil', 'input', 'format: mobile\nlabel: { es: Móvil }\npracticeData: 910 000 000\nnext: ref') +
        stepYaml(
          'ref',
          'input',
          "format: number\nlabel: { es: Ref }\npattern: '^[0-9]{13}$'\npatternError: { es: Son 13 números. }\npracticeData: '123456'\nnext: fin",
        ) +
        stepYaml('fin', 'done'),
      practiceHeader,
    );
    expect(problemsOf(text)).toEqual([
      `${positionOf(text, '12345678A')}: the practice value "12345678A" of step "dni" is not a valid answer for this step (it is not a valid "dni-nie" answer)`,
      `${positionOf(text, '"99999"')}: the practice value "99999" of step "cp" is not a valid answer for this step (it is not a valid "postcode" answer)`,
      `${positionOf(text, '910 000 000')}: the practice value "910 000 000" of step "movil" is not a valid answer for this step (it is not a valid "mobile" answer)`,
      `${positionOf(text, "'123456'")}: the practice value "123456" of step "ref" is not a valid answer for this step (it does not match the pattern ^[0-9]{13}$)`,
    ]);
    const spanish = describeProblem(checkProcedureText(text).problems[3] ?? { message: '' }, 'es');
    expect(spanish).toBe('el valor de práctica "123456" del paso "ref" no es una respuesta válida para este paso (no encaja con el patrón ^[0-9]{13}$)');
  });

  it('accepts practice data written the way a senior may type it (spaces in a mobile, a lower-case DNI letter)', () => {
    const text = miniProcedureYaml(
      stepYaml('dni', 'input', 'format: dni-nie\nlabel: { es: DNI }\npracticeData: 12345678z\nnext: movil') +
        stepYaml('movil', 'input', 'format: mobile\nlabel: { es: Móvil }\npracticeData: 600 000 000\nnext: fin') +
        stepYaml('fin', 'done'),
      practiceHeader,
    );
    expect(problemsOf(text)).toEqual([]);
  });

  it('never runs a catastrophic or broken pattern on its practice data: only the pattern rule speaks', () => {
    const catastrophic = miniProcedureYaml(
      stepYaml('a', 'input', `format: text\nlabel: { es: A }\npattern: '^(a|aa)+$'\npatternError: { es: Mal }\npracticeData: ${'a'.repeat(39)}b\nnext: b`) +
        stepYaml('b', 'input', "format: text\nlabel: { es: B }\npattern: '(['\npatternError: { es: Mal }\npracticeData: x\nnext: fin") +
        stepYaml('fin', 'done'),
      practiceHeader,
    );
    const problems = checkProcedureText(catastrophic).problems;
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.code ?? ''}`)).toEqual([
      `${positionOf(catastrophic, "'^(a|aa)+$'")} unsafe-pattern`,
      `${positionOf(catastrophic, "'(['")} invalid-pattern`,
    ]);
  });

  it('refuses practice data the schema cannot take: empty, blank, too long, or not text', () => {
    for (const value of ['""', '"   "', `"${'1'.repeat(41)}"`, '[12345678Z]', '{ es: 12345678Z }']) {
      const text = miniProcedureYaml(
        stepYaml('a', 'info', `sensitive: true\nspeak: headphones\npracticeData: ${value}\nnext: fin`) + stepYaml('fin', 'done'),
        practiceHeader,
      );
      const problems = checkProcedureText(text).problems;
      expect(problems.length, value).toBeGreaterThan(0);
      expect(`${problems[0]?.line}:${problems[0]?.column}`, value).toBe(positionOf(text, value));
    }
  });
});

describe('a script that is not a practice script', () => {
  it('may not carry practice data: a real script must never show a made-up value as if it were real', () => {
    const text = miniProcedureYaml(
      stepYaml('dni', 'input', 'format: dni-nie\nlabel: { es: DNI }\npracticeData: 12345678Z\nnext: fin') + stepYaml('fin', 'done'),
    );
    expect(problemsOf(text)).toEqual([
      `${positionOf(text, 'practiceData')}: step "dni" has "practiceData", which only a practice script uses (add "practice: true" or remove it)`,
    ]);
  });

  it('may not say it is the twin of another procedure, nor with "practice: false"', () => {
    for (const header of ['twinOf: cita-previa\n', 'practice: false\ntwinOf: cita-previa\n']) {
      const text = miniProcedureYaml(stepYaml('inicio', 'info', 'next: fin') + stepYaml('fin', 'done'), header);
      expect(problemsOf(text)).toEqual([
        `${positionOf(text, 'twinOf')}: "twinOf" names the real procedure a practice script comes from, so this script also needs "practice: true"`,
      ]);
    }
  });

  it('keeps its channel addresses, QR addresses and submitting steps', () => {
    const withLinks = sampleSources().find((file) => file.fileName === 'cita-previa.yaml')?.text ?? '';
    expect(withLinks).toContain('qrUrl:');
    expect(problemsOf(withLinks)).toEqual([]);
  });
});

describe('the practice scripts shipped', () => {
  it('the hand-written practica-clave and every workshop practice script pass the practice rules', () => {
    const practice = [...sampleSources(), ...workshopSources()].filter(({ text }) => /^practice: true$/m.test(text));
    expect(practice.map(({ fileName }) => fileName)).toContain('practica-clave.yaml');
    for (const { fileName, text } of practice) expect(problemsOf(text), fileName).toEqual([]);
  });
});
