/**
 * Test helpers for procedure scripts: the real samples from `assets/procedures`, and small
 * procedures written inline as YAML so a test shows exactly what it checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkProcedureText } from '../../core/procedure/check.js';
import type { Procedure } from '../../core/procedure/schema.js';
import { workshopFolderName } from '../../core/procedure/workshop-folder.js';

/** The folder of the sample scripts. */
export const samplesFolder = path.resolve(import.meta.dirname, '../../assets/procedures');

/** The folder of the workshop scripts (generated practice twins and safety lessons). */
export const workshopFolder = path.join(samplesFolder, workshopFolderName);

function yamlSourcesIn(folder: string): { fileName: string; text: string }[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(path.join(folder, fileName), 'utf8') }));
}

/**
 * Every top-level sample script's file name and text. The workshop folder is left out on purpose:
 * the e2e suites that walk every sample use this, and CI time must not grow with each lesson.
 */
export function sampleSources(): { fileName: string; text: string }[] {
  return yamlSourcesIn(samplesFolder);
}

/** Every workshop script's file name (inside the workshop folder) and text, for the cheap vitest checks. */
export function workshopSources(): { fileName: string; text: string }[] {
  return yamlSourcesIn(workshopFolder);
}

/** Parses and checks procedure YAML, failing the test with the problems if there are any. */
export function procedureFrom(text: string): Procedure {
  const result = checkProcedureText(text);
  if (!result.procedure) throw new Error(`procedure has problems:\n${result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('\n')}`);
  return result.procedure;
}

/** Every sample as a checked procedure. */
export function sampleProcedures(): Procedure[] {
  return sampleSources().map(({ text }) => procedureFrom(text));
}

/** Every workshop script as a checked procedure. */
export function workshopProcedures(): Procedure[] {
  return workshopSources().map(({ text }) => procedureFrom(text));
}

/**
 * A small valid procedure in one language, to be changed by tests. Each step is a block of YAML;
 * `header` fields come before `steps:`.
 */
export function miniProcedureYaml(steps: string, header = ''): string {
  return `id: mini
version: 1
title: { es: Mini }
summary: { es: Un trámite de prueba. }
icon: test
officialUrl: https://sede.madrid.es/
owner: Pruebas
lastVerified: 2026-11-01
languages: [es]
${header}steps:
${steps}`;
}

/** One step in the inline-YAML style of {@link miniProcedureYaml}. */
export function stepYaml(id: string, kind: string, extra = ''): string {
  return `  - id: ${id}
    kind: ${kind}
    title: { es: Título ${id} }
    text: { es: Texto ${id} }
${extra
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => `    ${line}`)
  .join('\n')}
`;
}
