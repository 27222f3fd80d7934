import { describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../../core/procedure/check.js';
import { miniProcedureYaml, procedureFrom, sampleSources, stepYaml, workshopSources } from '../../support/procedures.js';

/** The problems of a text as `line:column: message` strings, for readable assertions. */
function problemsOf(text: string): string[] {
  return checkProcedureText(text).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
}

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string, occurrence = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`"${needle}" not found`);
}

/** `line:column` of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index);
  return `${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
}

const simpleFlow = stepYaml('inicio', 'info', 'next: fin') + stepYaml('fin', 'done');

describe('the checker accepts', () => {
  it('every sample procedure, with no problem at all', () => {
    const samples = sampleSources();
    expect(samples.length).toBeGreaterThanOrEqual(8);
    for (const { fileName, text } of samples) {
      expect(problemsOf(text), fileName).toEqual([]);
    }
  });

  it('every workshop script (practice twins and lessons), with no problem at all', () => {
    const workshop = workshopSources();
    expect(workshop.length).toBeGreaterThan(0);
    for (const { fileName, text } of workshop) {
      expect(problemsOf(text), fileName).toEqual([]);
    }
  });

  it('a minimal procedure of one info step and one done step', () => {
    const procedure = procedureFrom(miniProcedureYaml(simpleFlow));
    expect(procedure.steps.map((s) => s.id)).toEqual(['inicio', 'fin']);
    expect(procedure.requirements).toEqual([]);
  });

  it('any number of languages, such as Arabic and Catalan beside Spanish', () => {
    const text = `id: tri
version: 1
title: { es: Tres, ar: ثلاثة, ca: Tres }
summary: { es: Uno, ar: واحد, ca: U }
icon: test
officialUrl: https://sede.madrid.es/
owner: Pruebas
lastVerified: 2026-11-01
languages: [es, ar, ca]
steps:
  - id: fin
    kind: done
    title: { es: Fin, ar: النهاية, ca: Fi }
    text: { es: Hecho, ar: تم, ca: Fet }
`;
    expect(procedureFrom(text).languages).toEqual(['es', 'ar', 'ca']);
  });
});

describe('the checker rejects, at the right line and column,', () => {
  it('YAML syntax errors', () => {
    const text = miniProcedureYaml(simpleFlow).replace('title: { es: Mini }', 'title: { es: Mini');
    const problems = problemsOf(text);
    expect(problems[0]).toMatch(/^\d+:\d+: the YAML is broken here/);
  });

  it('a field written twice', () => {
    const text = miniProcedureYaml(simpleFlow).replace('version: 1', 'version: 1\nversion: 2');
    expect(problemsOf(text)).toEqual([`3:1: this field is written twice in the same place; keep only one`]);
  });

  it('a missing field, naming the field', () => {
    const text = miniProcedureYaml(simpleFlow).replace('owner: Pruebas\n', '');
    expect(problemsOf(text)).toEqual(['1:1: the field "owner" is missing']);
  });

  it('a missing field inside a step, naming the step', () => {
    const text = miniProcedureYaml(stepYaml('inicio', 'info', 'next: fin').replace('    text: { es: Texto inicio }\n', '') + stepYaml('fin', 'done'));
    expect(problemsOf(text)).toEqual([`${lineOf(text, '- id: inicio')}:5: step "inicio": the field "text" is missing`]);
  });

  it('a wrong type, saying what was expected and what was found', () => {
    const text = miniProcedureYaml(simpleFlow).replace('version: 1', 'version: uno');
    expect(problemsOf(text)).toEqual(['2:10: "version" should be a whole number, but it is the text "uno"']);
  });

  it('an unknown field, suggesting the likely one', () => {
    const text = miniProcedureYaml(stepYaml('inicio', 'info', 'nxt: fin') + stepYaml('fin', 'done'));
    const line = lineOf(text, 'nxt: fin');
    expect(problemsOf(text)).toEqual([`${line}:5: step "inicio": unknown field "nxt" (did you mean "next"?)`]);
  });

  it('an unknown step kind', () => {
    const text = miniProcedureYaml(stepYaml('inicio', 'infoo', 'next: fin') + stepYaml('fin', 'done'));
    expect(problemsOf(text)).toEqual([
      `${lineOf(text, 'kind: infoo')}:11: step "inicio": kind must be one of: info, question, quiz, input, checklist, review, handoff, done`,
    ]);
  });

  it('a done step with a next', () => {
    const text = miniProcedureYaml(stepYaml('inicio', 'info', 'next: fin') + stepYaml('fin', 'done', 'next: inicio'));
    expect(problemsOf(text)).toEqual([
      `${lineOf(text, 'next: inicio')}:5: step "fin": unknown field "next" (a "done" step ends the procedure, so it has no next)`,
    ]);
  });

  it('duplicate step ids', () => {
    const text = miniProcedureYaml(stepYaml('inicio', 'info', 'next: fin') + stepYaml('fin', 'done') + stepYaml('fin', 'done'));
    expect(problemsOf(text)).toContain(`${lineOf(text, '- id: fin', 2)}:9: two steps have the id "fin"; each step needs its own id`);
  });

  it('a link to a step that does not exist, with the likely one', () => {
    const text = miniProcedureYaml(stepYaml('elegir-oficina', 'info', 'next: confirmar') + stepYaml('confirmacion', 'done'));
    expect(problemsOf(text)).toContain(
      `${lineOf(text, 'next: confirmar')}:11: step "elegir-oficina" goes to "confirmar", which does not exist (did you mean "confirmacion"?)`,
    );
  });

  it('a choice that leads to a step that does not exist', () => {
    const question = stepYaml(
      'pregunta',
      'question',
      `choices:
  - { id: si, label: { es: Sí }, next: fin }
  - { id: no, label: { es: No }, next: ninguno }`,
    );
    const text = miniProcedureYaml(question + stepYaml('fin', 'done'));
    expect(problemsOf(text)).toEqual([`${positionOf(text, 'ninguno')}: step "pregunta", choice "no" goes to "ninguno", which does not exist`]);
  });

  it('an unreachable step', () => {
    const text = miniProcedureYaml(simpleFlow + stepYaml('olvidado', 'info', 'next: fin'));
    expect(problemsOf(text)).toEqual([`${lineOf(text, '- id: olvidado')}:9: step "olvidado" can never be reached from the first step "inicio"`]);
  });

  it('a dead end: a step that is not done and has nowhere to go', () => {
    const text = miniProcedureYaml(stepYaml('inicio', 'info', 'next: medio') + stepYaml('medio', 'info') + stepYaml('fin', 'done'));
    const problems = problemsOf(text);
    expect(problems).toContain(`${lineOf(text, '- id: medio')}:9: step "medio" is a dead end: it is not a "done" step and has nowhere to go; add "next:"`);
  });

  it('a choice with nowhere to go', () => {
    const question = stepYaml(
      'pregunta',
      'question',
      `choices:
  - { id: si, label: { es: Sí }, next: fin }
  - { id: no, label: { es: No } }`,
    );
    const text = miniProcedureYaml(question + stepYaml('fin', 'done'));
    expect(problemsOf(text)).toEqual([`${lineOf(text, 'id: no,')}:9: step "pregunta", choice "no" has nowhere to go; add "next:"`]);
  });

  it('a loop with no way out', () => {
    const text = miniProcedureYaml(
      stepYaml('inicio', 'info', 'next: a') + stepYaml('a', 'info', 'next: b') + stepYaml('b', 'info', 'next: a') + stepYaml('fin', 'done'),
    );
    const problems = problemsOf(text);
    expect(problems).toContain(`${lineOf(text, '- id: a')}:9: steps "a" → "b" → "a" form a loop with no way out: none of them leads to a "done" step`);
  });

  it('accepts a loop that has a way out ("try again")', () => {
    const question = stepYaml(
      'codigo',
      'question',
      `choices:
  - { id: llego, label: { es: Llegó }, next: fin }
  - { id: otra-vez, label: { es: Otra vez }, next: esperar }`,
    );
    const text = miniProcedureYaml(question + stepYaml('esperar', 'info', 'next: codigo') + stepYaml('fin', 'done'));
    expect(problemsOf(text)).toEqual([]);
  });

  it('a procedure with no done step at all', () => {
    const text = miniProcedureYaml(stepYaml('a', 'info', 'next: b') + stepYaml('b', 'info', 'next: a'));
    expect(problemsOf(text)).toContain(`${lineOf(text, 'steps:') + 1}:3: the procedure has no "done" step, so a senior could never finish it`);
  });

  it('a text missing one of the declared languages', () => {
    const text = miniProcedureYaml(simpleFlow)
      .replace('languages: [es]', 'languages: [es, en]')
      .replace('title: { es: Mini }', 'title: { es: Mini, en: Mini }');
    const problems = problemsOf(text);
    expect(problems).toContain('4:10: "summary" has no "en" text (the procedure declares es, en)');
    expect(problems).toContain(`${lineOf(text, 'Título inicio')}:12: step "inicio": "title" has no "en" text (the procedure declares es, en)`);
  });

  it('a text in a language the procedure does not declare', () => {
    const text = miniProcedureYaml(simpleFlow).replace('title: { es: Mini }', 'title: { es: Mini, fr: Mini }');
    expect(problemsOf(text)).toEqual(['3:20: "title" has text in "fr", which is not in languages (es)']);
  });

  it('a sensitive step that would be spoken on the speaker', () => {
    const text = miniProcedureYaml(stepYaml('pin', 'info', 'sensitive: true\nnext: fin') + stepYaml('fin', 'done'));
    expect(problemsOf(text)).toEqual([
      `${positionOf(text, 'true')}: step "pin" is sensitive, so it must never be spoken on the speaker; add "speak: headphones" or "speak: never"`,
    ]);
    expect(problemsOf(text.replace('sensitive: true', 'sensitive: true\n    speak: headphones'))).toEqual([]);
  });

  it('notes for volunteers on a sensitive step, which volunteers never see', () => {
    const text = miniProcedureYaml(
      stepYaml('pin', 'info', 'sensitive: true\nspeak: never\ncommonProblems:\n  - { es: El código caduca. }\nnext: fin') + stepYaml('fin', 'done'),
    );
    expect(problemsOf(text)).toEqual([
      `${positionOf(text, 'commonProblems')}: step "pin" is sensitive, so volunteers never see its commonProblems; put them on the step before or after it`,
    ]);
  });

  it('an input pattern that does not compile', () => {
    const input = stepYaml('codigo', 'input', 'format: text\nlabel: { es: Código }\npattern: "^[0-9{6}$"\npatternError: { es: Seis números. }\nnext: fin');
    const text = miniProcedureYaml(input + stepYaml('fin', 'done'));
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${lineOf(text, 'pattern:')}:14: step "codigo": the pattern is not a valid regular expression \\(`));
  });

  it('a pattern without the sentence that explains it to the senior', () => {
    const input = stepYaml('codigo', 'input', 'format: text\nlabel: { es: Código }\npattern: "^[0-9]{6}$"\nnext: fin');
    const text = miniProcedureYaml(input + stepYaml('fin', 'done'));
    expect(problemsOf(text)).toEqual([
      `${lineOf(text, 'pattern:')}:14: step "codigo" has a pattern but no "patternError" telling the senior what to type instead`,
    ]);
  });

  it('a final submission that can be reached without a review step', () => {
    const text = miniProcedureYaml(
      stepYaml('inicio', 'info', 'next: enviar') + stepYaml('enviar', 'info', 'submits: true\nnext: fin') + stepYaml('fin', 'done'),
    );
    expect(problemsOf(text)).toEqual([
      `${lineOf(text, 'submits: true')}:14: step "enviar" makes the procedure final, but a senior can reach it without a "review" step before it`,
    ]);
  });

  it('a final submission reachable without review on one branch only', () => {
    const question = stepYaml(
      'camino',
      'question',
      `choices:
  - { id: largo, label: { es: Largo }, next: revisar }
  - { id: corto, label: { es: Corto }, next: enviar }`,
    );
    const text = miniProcedureYaml(
      question + stepYaml('revisar', 'review', 'next: enviar') + stepYaml('enviar', 'info', 'submits: true\nnext: fin') + stepYaml('fin', 'done'),
    );
    expect(problemsOf(text)).toHaveLength(1);
    const reviewed = text.replace('next: enviar }', 'next: revisar }');
    expect(problemsOf(reviewed)).toEqual([]);
  });

  it('a bad language code, a bad id and a non-https address', () => {
    const text = miniProcedureYaml(stepYaml('Inicio', 'info', 'next: fin') + stepYaml('fin', 'done'))
      .replace('languages: [es]', 'languages: [Spanish]')
      .replace('https://sede', 'http://sede');
    const problems = problemsOf(text);
    expect(problems).toContain('6:14: "officialUrl": officialUrl must be an address starting with https://');
    expect(problems).toContain('9:13: "languages": a language is written as two or three small letters, like "es" or "en"');
    expect(problems.some((p) => p.includes('step "Inicio"') && p.includes('an id is written in small letters'))).toBe(true);
  });

  it('a procedure id that is not kebab-case and a version that is not positive', () => {
    const text = miniProcedureYaml(simpleFlow).replace('id: mini', 'id: Mini Proc').replace('version: 1', 'version: 0');
    expect(problemsOf(text)).toEqual([
      '1:5: "id": an id is written in small letters, digits and dashes, like "pedir-cita"',
      '2:10: "version": version starts at 1',
    ]);
  });
});
