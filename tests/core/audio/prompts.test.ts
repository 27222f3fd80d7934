import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioManifestSchema, findPrompt, promptIdSchema, recordingFileStem } from '../../../core/audio/manifest.js';
import { procedurePrompts, procedureTextPromptId } from '../../../core/audio/procedure-prompts.js';
import { figuredUiKeys, onDemandUiKeys, spokenUiKeys, uiPrompts, unspokenUiKeyPrefixes, validationErrorCodes } from '../../../core/audio/spoken-ui-keys.js';
import { tactileSpokenKeys, tactileTemplateKeys } from '../../../core/tactile/spoken-prompts.js';
import { fillTemplate, lookupKey, pluralBase, templatePlaceholders } from '../../../core/audio/template.js';
import { listTexts } from '../../../core/procedure/texts.js';
import { describeError, messageLanguages } from '../../../core/validation/messages.js';
import { miniProcedureYaml, procedureFrom, sampleProcedures, stepYaml, workshopProcedures } from '../../support/procedures.js';

const localesFolder = path.resolve(import.meta.dirname, '../../../assets/locales');
const locale = (language: string): unknown => JSON.parse(readFileSync(path.join(localesFolder, language, 'kiosk.json'), 'utf8'));

function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

describe('procedure prompts', () => {
  const procedure = procedureFrom(
    miniProcedureYaml(
      [
        stepYaml(
          'pregunta',
          'question',
          'say: { es: Diga sí o no. }\ncommonProblems: [{ es: Se equivoca de botón. }]\nchoices:\n  - { id: si, label: { es: Sí }, next: lista }\n  - { id: no, label: { es: No }, say: { es: Diga no. }, next: lista }',
        ),
        stepYaml('lista', 'checklist', 'sensitive: true\nspeak: headphones\nitems:\n  - { id: dni, label: { es: Su DNI } }\nnext: fin'),
        stepYaml('fin', 'done'),
      ].join(''),
      'glossary:\n  - { id: cita, term: { es: cita }, meaning: { es: Una hora reservada. } }\n',
    ),
  );

  it('names texts by step, choice, item and glossary ids, never by position', () => {
    const ids = procedurePrompts(procedure).map((prompt) => prompt.id);
    expect(ids).toContain('proc/mini/steps/pregunta/say');
    expect(ids).toContain('proc/mini/steps/pregunta/choices/si/label');
    expect(ids).toContain('proc/mini/steps/pregunta/choices/no/say');
    expect(ids).toContain('proc/mini/steps/lista/items/dni/label');
    expect(ids).toContain('proc/mini/glossary/cita/meaning');
    for (const id of ids) expect(promptIdSchema.safeParse(id).success, id).toBe(true);
  });

  it("speaks only spoken texts: `say` replaces the text, volunteers' notes are never spoken", () => {
    const ids = procedurePrompts(procedure).map((prompt) => prompt.id);
    expect(ids).not.toContain('proc/mini/steps/pregunta/text');
    expect(ids).not.toContain('proc/mini/steps/pregunta/choices/no/label');
    expect(ids.some((id) => id.includes('commonProblems'))).toBe(false);
    expect(ids).toContain('proc/mini/steps/lista/text');
  });

  it('carries the sensitive flag of the step', () => {
    const prompts = procedurePrompts(procedure);
    expect(prompts.find((prompt) => prompt.id === 'proc/mini/steps/lista/items/dni/label')?.sensitive).toBe(true);
    expect(prompts.find((prompt) => prompt.id === 'proc/mini/steps/pregunta/say')?.sensitive).toBe(false);
  });

  it('gives every spoken text of every sample and workshop script in each declared language, with unique ids', () => {
    expect(workshopProcedures().length).toBeGreaterThan(0);
    for (const sample of [...sampleProcedures(), ...workshopProcedures()]) {
      const prompts = procedurePrompts(sample);
      const spoken = listTexts(sample).filter((entry) => entry.spoken).length;
      expect(prompts).toHaveLength(spoken * sample.languages.length);
      const keys = prompts.map((prompt) => `${prompt.id}|${prompt.language}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(prompts.map((prompt) => prompt.language))).toEqual(new Set(sample.languages));
    }
  });

  it("keeps a step's prompt id when steps are reordered", () => {
    const sample = sampleProcedures()[0];
    if (!sample) throw new Error('no samples');
    const reversed = { ...sample, steps: [...sample.steps].reverse() };
    const last = sample.steps.length - 1;
    expect(procedureTextPromptId(sample, ['steps', 0, 'title'])).toBe(procedureTextPromptId(reversed, ['steps', last, 'title']));
  });
});

describe('UI prompts', () => {
  const locales = { es: locale('es'), en: locale('en'), ar: locale('ar') };
  const prompts = uiPrompts(locales);

  it('classifies every kiosk string as spoken, spoken on demand, or shown only', () => {
    for (const leaf of leafKeys(locales.es)) {
      const key = pluralBase(leaf);
      const classified =
        (spokenUiKeys as readonly string[]).includes(key) ||
        (onDemandUiKeys as readonly string[]).includes(key) ||
        key in figuredUiKeys ||
        (tactileSpokenKeys as readonly string[]).includes(key) ||
        (tactileTemplateKeys as readonly string[]).includes(key) ||
        unspokenUiKeyPrefixes.some((prefix) => key === prefix || (prefix.endsWith('.') && key.startsWith(prefix)));
      expect(classified, `${key} is not listed in core/audio/spoken-ui-keys.ts`).toBe(true);
    }
  });

  it('renders a figured sentence for every figure in es, en and ar: the wait after too many wrong workshop codes', () => {
    for (const language of ['es', 'en', 'ar'])
      for (let minutes = 1; minutes <= figuredUiKeys['workshop.codeLocked']; minutes += 1)
        expect(
          prompts.some((prompt) => prompt.id === `ui/workshop.codeLocked.${minutes}` && prompt.language === language),
          `${minutes} ${language}`,
        ).toBe(true);
    const text = (id: string, language: string) => prompts.find((prompt) => prompt.id === id && prompt.language === language)?.text;
    expect(text('ui/workshop.codeLocked.1', 'es')).toBe('Ha probado muchos números. Pida el número al voluntario y espere 1 minuto.');
    expect(text('ui/workshop.codeLocked.5', 'es')).toBe('Ha probado muchos números. Pida el número al voluntario y espere 5 minutos.');
    expect(text('ui/workshop.codeLocked.20', 'en')).toBe('You have tried many numbers. Ask the volunteer for the number and wait 20 minutes.');
    // Arabic's dual: two minutes is one word, without the figure.
    expect(text('ui/workshop.codeLocked.2', 'ar')).toBe('جربت أرقامًا كثيرة. اطلب الرقم من المتطوع وانتظر دقيقتين.');
  });

  it('renders every spoken key in es, en and ar, with the idle figures filled in', () => {
    for (const language of ['es', 'en', 'ar']) {
      for (const key of spokenUiKeys)
        expect(
          prompts.some((prompt) => prompt.id === `ui/${key}` && prompt.language === language),
          `${key} ${language}`,
        ).toBe(true);
    }
    const idleRule = prompts.find((prompt) => prompt.id === 'ui/attract.idleRule' && prompt.language === 'es');
    expect(idleRule?.text).toBe('Si deja de tocarla 2 minutos, le avisamos.');
    expect(prompts.find((prompt) => prompt.id === 'ui/attract.wipeRule' && prompt.language === 'es')?.text).toBe(
      'Si no contesta en 1 minuto más, se borra todo.',
    );
    // Arabic's dual: two minutes is one word, without the figure.
    expect(prompts.find((prompt) => prompt.id === 'ui/attract.idleRule' && prompt.language === 'ar')?.text).toBe('إذا توقفت عن لمس الشاشة دقيقتين، سننبهك.');
    expect(prompts.every((prompt) => !prompt.text.includes('{{'))).toBe(true);
  });

  it('includes the validation errors as ui/validation.<code> in each language core words them in', () => {
    const validation = prompts.filter((prompt) => prompt.id.startsWith('ui/validation.'));
    expect(validation).toHaveLength(validationErrorCodes.length * messageLanguages.length);
    for (const language of messageLanguages) {
      expect(validation.find((prompt) => prompt.id === 'ui/validation.dni-letter' && prompt.language === language)?.text).toBe(
        describeError('dni-letter', language),
      );
    }
    expect(validation.find((prompt) => prompt.id === 'ui/validation.dni-letter' && prompt.language === 'en')?.text).toMatch(
      /letter does not go with that number/,
    );
    // Only languages with a kiosk locale are rendered.
    expect(uiPrompts({ es: locales.es }).some((prompt) => prompt.id.startsWith('ui/validation.') && prompt.language !== 'es')).toBe(false);
  });
});

describe('templates and the manifest contract', () => {
  it('fills placeholders and refuses a missing value', () => {
    expect(fillTemplate('{{name}} viene para ayudarle.', { name: 'Ana' })).toBe('Ana viene para ayudarle.');
    expect(() => fillTemplate('Espera: {{minutes}} minutos', {})).toThrow(/minutes/);
    expect(templatePlaceholders('{{a}} y {{b}} y {{a}}')).toEqual(['a', 'b']);
    expect(lookupKey({ help: { call: 'Llamar' } }, 'help.call')).toBe('Llamar');
    expect(lookupKey({ help: { call: 'Llamar' } }, 'help')).toBeUndefined();
  });

  it('names recordings after the prompt id and validates manifests', () => {
    expect(recordingFileStem('proc/cita-previa/steps/dni/text')).toBe('proc__cita-previa__steps__dni__text');
    const file = { ogg: 'files/a.ogg', mp3: 'files/a.mp3', duration: 1.5 };
    const manifest = {
      format: 1,
      engine: 'espeak-ng 1.51',
      builtAt: '2026-01-01T00:00:00Z',
      prompts: { 'ui/help.call': { es: { text: 'Llamar', sensitive: false, source: 'engine', speeds: { slow: file, normal: file, fast: file } } } },
    };
    const parsed = audioManifestSchema.parse(manifest);
    expect(findPrompt(parsed, 'ui/help.call', 'ar')?.language).toBe('es');
    expect(audioManifestSchema.safeParse({ ...manifest, format: 2 }).success).toBe(false);
    expect(
      audioManifestSchema.safeParse({ ...manifest, prompts: { 'ui/help.call': { es: { ...manifest.prompts['ui/help.call'].es, speeds: { slow: file } } } } })
        .success,
    ).toBe(false);
    expect(
      audioManifestSchema.safeParse({
        ...manifest,
        prompts: { 'ui/help.call': { es: { ...manifest.prompts['ui/help.call'].es, speeds: { slow: { ...file, duration: 0 }, normal: file, fast: file } } } },
      }).success,
    ).toBe(false);
  });
});
