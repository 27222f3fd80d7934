/**
 * The checker as staff run it: `npm run procedures:check -- …` in a real process, on real files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProcedureText } from '../../core/procedure/check.js';
import { formatNote } from '../../core/procedure/problem.js';
import { samplesFolder, sampleSources, workshopSources } from '../support/procedures.js';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'paso-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// English by default, whatever the machine running the tests speaks.
const englishLocale = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

function runChecker(...targets: string[]): { status: number | null; lines: string[] } {
  return runCheckerIn(englishLocale, ...targets);
}

function runCheckerIn(locale: Record<string, string>, ...targets: string[]): { status: number | null; lines: string[] } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/procedures-check.ts', ...targets], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...locale },
  });
  expect(result.stderr).toBe('');
  return { status: result.status, lines: result.stdout.trim().split('\n') };
}

function writeScratch(name: string, content: string | Uint8Array): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

const sample = readFileSync(path.join(samplesFolder, 'certificado-empadronamiento.yaml'), 'utf8');

/** The note lines the checker prints for a text (its languages no native speaker has reviewed), found by the core checker. */
function noteLines(fileName: string, text: string): string[] {
  return checkProcedureText(text).notes.map((note) => formatNote(fileName, note));
}

/** The sample with every language it declares marked reviewed, so a test sees only its own findings. */
const reviewedSample = sample.replace(/^reviewedLanguages: .*\n/m, '').replace(/^(languages: \[(.*)\])$/m, '$1\nreviewedLanguages: [$2]');

describe('npm run procedures:check', () => {
  it('checks all of assets/procedures and its workshop folder by default, prints their notes and sums them up in one line', () => {
    const { status, lines } = runChecker();
    expect(status).toBe(0);
    // Folders are read in name order: the top-level samples ("a…" to "t…"), then "workshop/".
    const notes = [
      ...sampleSources().flatMap(({ fileName, text }) => noteLines(path.join('assets/procedures', fileName), text)),
      ...workshopSources().flatMap(({ fileName, text }) => noteLines(path.join('assets/procedures/workshop', fileName), text)),
    ];
    const count = sampleSources().length + workshopSources().length;
    expect(workshopSources().length).toBeGreaterThan(0);
    // At least the samples' machine-made Arabic waits for a native speaker's review.
    expect(notes.length).toBeGreaterThan(0);
    expect(lines).toEqual([
      ...notes,
      expect.stringMatching(new RegExp(`^ok: ${count} procedures, \\d+ steps, languages [a-z, ]+; ${notes.length} notes, which do not fail the check$`)),
    ]);
  });

  it('exits 0 when a file has only notes, printing each as path:line:column: note: message', () => {
    const file = writeScratch('certificado-empadronamiento.yaml', reviewedSample.replace(/^reviewedLanguages: \[.*\]$/m, 'reviewedLanguages: [es]'));
    const { status, lines } = runChecker(file);
    const languagesLine = reviewedSample.split('\n').findIndex((line) => line.startsWith('languages:')) + 1;
    const others = (/^languages: \[(.*)\]$/m.exec(sample)?.[1] ?? '').split(', ').filter((language) => language !== 'es');
    expect(others.length).toBeGreaterThan(0);
    expect(status).toBe(0);
    expect(lines).toEqual([
      ...others.map((language) =>
        expect.stringMatching(
          new RegExp(
            `^${file}:${languagesLine}:\\d+: note: \\w+ \\(${language}\\) text has not been reviewed by a native speaker: have it reviewed before seniors use it, then add ${language} to reviewedLanguages$`,
          ),
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^ok: 1 procedure, \\d+ steps, languages [a-z, ]+; ${others.length} ${others.length === 1 ? 'note' : 'notes'}, which do not fail the check$`,
        ),
      ),
    ]);
    expect(runChecker(writeScratch('certificado-empadronamiento.yaml', reviewedSample)).lines).toEqual([
      expect.stringMatching(/^ok: 1 procedure, \d+ steps, languages [a-z, ]+$/),
    ]);
  });

  it('prints one path:line:column: message line per problem and exits 1', () => {
    const file = writeScratch('certificado-empadronamiento.yaml', reviewedSample.replace('next: fin-correo', 'next: fin-corre'));
    const { status, lines } = runChecker(file);
    // Where the broken link and the step it orphans sit in the sample, found by text so the
    // expectation follows edits to the sample (1-based lines, columns of the value and the id).
    const sourceLines = reviewedSample.split('\n');
    const linkLine = sourceLines.findIndex((line) => line.includes('next: fin-correo')) + 1;
    const orphanLine = sourceLines.findIndex((line) => /^\s*- id: fin-correo\s*$/.test(line)) + 1;
    expect(linkLine).toBeGreaterThan(0);
    expect(orphanLine).toBeGreaterThan(0);
    expect(status).toBe(1);
    expect(lines).toEqual([
      `${file}:${linkLine}:11: step "enviar" goes to "fin-corre", which does not exist (did you mean "fin-correo"?)`,
      `${file}:${orphanLine}:9: step "fin-correo" can never be reached from the first step "bienvenida"`,
      '2 problems in 1 of 1 file',
    ]);
  });

  it('prints the notes of a failing file after every problem, and still exits 1', () => {
    const file = writeScratch('certificado-empadronamiento.yaml', sample.replace('next: fin-correo', 'next: fin-corre'));
    const { status, lines } = runChecker(file);
    const notes = noteLines(file, sample);
    expect(notes.length).toBeGreaterThan(0);
    expect(status).toBe(1);
    expect(lines.slice(2)).toEqual([
      ...notes,
      `2 problems in 1 of 1 file; ${notes.length} ${notes.length === 1 ? 'note' : 'notes'}, which do not fail the check`,
    ]);
  });

  it('names a file whose name does not match its id, and two files with one id', () => {
    const folder = mkdtempSync(path.join(scratch, 'set-'));
    writeFileSync(path.join(folder, 'a.yaml'), reviewedSample);
    writeFileSync(path.join(folder, 'certificado-empadronamiento.yaml'), reviewedSample);
    const { status, lines } = runChecker(folder);
    expect(status).toBe(1);
    expect(lines).toContain(
      `${path.join(folder, 'a.yaml')}:1:1: the procedure's id is "certificado-empadronamiento", so the file should be named "certificado-empadronamiento.yaml"`,
    );
    expect(lines).toContain(
      `${path.join(folder, 'certificado-empadronamiento.yaml')}:1:1: the id "certificado-empadronamiento" is already used by ${path.join(folder, 'a.yaml')}; each procedure needs its own id`,
    );
  });

  it('gives an id once across the top level and the workshop folder, and names a workshop file by its id too', () => {
    const folder = mkdtempSync(path.join(scratch, 'workshop-set-'));
    mkdirSync(path.join(folder, 'workshop'));
    writeFileSync(path.join(folder, 'certificado-empadronamiento.yaml'), reviewedSample);
    writeFileSync(path.join(folder, 'workshop', 'certificado-empadronamiento.yaml'), reviewedSample);
    writeFileSync(path.join(folder, 'workshop', 'otro.yaml'), reviewedSample);
    const { status, lines } = runChecker(folder);
    expect(status).toBe(1);
    expect(lines).toContain(
      `${path.join(folder, 'workshop', 'certificado-empadronamiento.yaml')}:1:1: the id "certificado-empadronamiento" is already used by ${path.join(folder, 'certificado-empadronamiento.yaml')}; each procedure needs its own id`,
    );
    expect(lines).toContain(
      `${path.join(folder, 'workshop', 'otro.yaml')}:1:1: the procedure's id is "certificado-empadronamiento", so the file should be named "certificado-empadronamiento.yaml"`,
    );
  });

  it('refuses hostile files with located messages, never a stack trace', () => {
    const empty = writeScratch('empty.yaml', '');
    const binary = writeScratch('binary.yaml', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    const huge = writeScratch('huge.yaml', `summary: "${'x'.repeat(700 * 1024)}"\n`);
    const bomb = writeScratch('bomb.yaml', 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n');
    const { status, lines } = runChecker(empty, binary, huge, bomb);
    expect(status).toBe(1);
    expect(lines).toEqual([
      `${empty}:1:1: the file is empty; a procedure starts with fields like "id:" and "steps:"`,
      `${binary}:1:1: the file contains a control character that text never has; is it a binary file?`,
      `${huge}:1:1: the file is 701 KB; a procedure file may be at most 512 KB`,
      `${bomb}:2:8: aliases like "*a" are not allowed in procedure files; write the text out in full`,
      `${bomb}:2:12: aliases like "*a" are not allowed in procedure files; write the text out in full`,
      `${bomb}:3:5: aliases like "*b" are not allowed in procedure files; write the text out in full`,
      `${bomb}:3:9: aliases like "*b" are not allowed in procedure files; write the text out in full`,
      '7 problems in 4 of 4 files',
    ]);
  });

  it('speaks Spanish under a Spanish LANG, and English without one', () => {
    const file = writeScratch('certificado-empadronamiento.yaml', reviewedSample.replace('next: fin-correo', 'next: fin-corre'));
    const linkLine = reviewedSample.split('\n').findIndex((line) => line.includes('next: fin-correo')) + 1;
    const spanish = runCheckerIn({ LANG: 'es_ES.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, file);
    expect(spanish.status).toBe(1);
    expect(spanish.lines[0]).toBe(`${file}:${linkLine}:11: el paso "enviar" lleva a "fin-corre", que no existe (¿quería decir "fin-correo"?)`);
    expect(spanish.lines.at(-1)).toBe('2 problemas en 1 de 1 archivo');
    // LC_ALL wins over LANG, as in every POSIX tool.
    const english = runCheckerIn({ LANG: 'es_ES.UTF-8', LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: '' }, file);
    expect(english.lines[0]).toBe(`${file}:${linkLine}:11: step "enviar" goes to "fin-corre", which does not exist (did you mean "fin-correo"?)`);
    expect(english.lines.at(-1)).toBe('2 problems in 1 of 1 file');
  });

  it('says plainly when a path does not exist, or a folder holds no scripts', () => {
    const missing = path.join(scratch, 'no-such-folder');
    expect(runChecker(missing)).toEqual({ status: 1, lines: [`${missing}: no such file or folder`, '0 problems in 0 of 0 files'] });
    const emptyFolder = mkdtempSync(path.join(scratch, 'empty-'));
    expect(runChecker(emptyFolder)).toEqual({ status: 2, lines: [`no procedure files (*.yaml) found in ${emptyFolder}`] });
  });
});
