/**
 * Generates realistic procedure scripts for benchmarks: two languages, every step kind, a
 * question every few steps whose second choice skips ahead, a review before the submitting
 * step, glossary and requirements. Deterministic for a given seed, so runs compare.
 */
import { stringify } from 'yaml';

/** Options for {@link generateProcedureYaml}. */
export interface GeneratedProcedureOptions {
  index: number;
  steps: number;
}

const sentence = (seed: number, language: 'es' | 'en'): string =>
  language === 'es'
    ? `Paso ${seed}: lea con calma esta instrucción. Toque "Siguiente" cuando esté listo.`
    : `Step ${seed}: read this instruction calmly. Touch "Next" when you are ready.`;

const both = (seed: number): Record<string, string> => ({ es: sentence(seed, 'es'), en: sentence(seed, 'en') });

/** One generated procedure as YAML text, with `steps` steps. */
export function generateProcedureYaml({ index, steps }: GeneratedProcedureOptions): string {
  const id = `bench-${index}`;
  const stepIds = Array.from({ length: steps }, (_, i) => (i === steps - 1 ? 'fin' : `paso-${i + 1}`));
  const reviewAt = steps - 3;
  const submitAt = steps - 2;
  const generated = stepIds.map((stepId, i) => {
    const common = { id: stepId, title: both(i), text: both(i + 1000), help: both(i + 2000), commonProblems: [both(i + 3000)] };
    const next = stepIds[i + 1];
    if (i === steps - 1) return { ...common, kind: 'done', whatNext: both(i + 4000) };
    if (i === reviewAt) return { ...common, kind: 'review', next };
    if (i === submitAt) return { ...common, kind: 'info', submits: true, next };
    if (i % 5 === 1 && i + 2 < reviewAt) {
      return {
        ...common,
        kind: 'question',
        choices: [
          { id: 'si', label: { es: 'Sí', en: 'Yes' }, next },
          { id: 'no', label: { es: 'No', en: 'No' }, next: stepIds[i + 2] },
        ],
      };
    }
    if (i % 5 === 2 && i < reviewAt) return { ...common, kind: 'input', format: 'dni-nie', label: both(i + 5000), next };
    if (i % 5 === 3 && i < reviewAt)
      return {
        ...common,
        kind: 'checklist',
        items: [
          { id: 'dni', label: both(1) },
          { id: 'movil', label: both(2) },
        ],
        next,
      };
    return { ...common, kind: i % 7 === 4 ? 'handoff' : 'info', next };
  });
  return stringify({
    id,
    version: 1,
    title: both(index),
    summary: both(index + 1),
    icon: 'document',
    officialUrl: 'https://sede.madrid.es/',
    owner: 'Banco de pruebas',
    lastVerified: '2026-11-01',
    languages: ['es', 'en'],
    requirements: [{ id: 'dni', label: both(1), question: both(2), ifMissing: both(3) }],
    channels: [{ kind: 'phone', label: both(4), phone: '010', appointment: 'not-needed' }],
    glossary: [{ id: 'padron', term: { es: 'padrón', en: 'census' }, meaning: both(5) }],
    steps: generated,
  });
}
