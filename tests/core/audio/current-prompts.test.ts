import { describe, expect, it } from 'vitest';
import { currentPromptsOf, findCurrentPrompt, kioskPromptSource, promptSource, unbuiltPrompts } from '../../../core/audio/current-prompts.js';
import type { AudioManifest, PromptAudio } from '../../../core/audio/manifest.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { miniProcedureYaml, procedureFrom, stepYaml } from '../../support/procedures.js';

const published = procedureFrom(miniProcedureYaml([stepYaml('inicio', 'info', 'next: fin'), stepYaml('fin', 'done')].join('')));
// Only the title has an English text: every other text falls back to Spanish on an English kiosk.
const bilingual: Procedure = { ...structuredClone(published), id: 'doble', languages: ['es', 'en'], title: { es: 'Mini', en: 'Mini EN' } };

function audio(text: string, sensitive = false): PromptAudio {
  const file = { ogg: `files/${text.length}.ogg`, mp3: `files/${text.length}.mp3`, duration: 1 };
  return { text, sensitive, source: 'engine', speeds: { slow: file, normal: file, fast: file } };
}

function manifestWith(prompts: AudioManifest['prompts']): AudioManifest {
  return { format: 1, engine: 'espeak-ng 1.51', builtAt: '2026-11-30T00:00:00Z', prompts };
}

describe('which audio speaks a procedure text', () => {
  const current = currentPromptsOf([published, bilingual]);

  it('plays the built file when it was rendered from the text on screen', () => {
    const manifest = manifestWith({ 'proc/mini/steps/inicio/text': { es: audio('Texto inicio') } });
    expect(promptSource(manifest, current, 'proc/mini/steps/inicio/text', 'es')).toMatchObject({ kind: 'built', language: 'es' });
  });

  it('asks for the published text when the build spoke older words, or has nothing for a new text', () => {
    const manifest = manifestWith({ 'proc/mini/steps/inicio/text': { es: audio('Texto de antes') } });
    expect(promptSource(manifest, current, 'proc/mini/steps/inicio/text', 'es')).toEqual({
      kind: 'published',
      prompt: { id: 'proc/mini/steps/inicio/text', language: 'es', text: 'Texto inicio', sensitive: false },
    });
    expect(promptSource(manifest, current, 'proc/mini/steps/fin/title', 'es')).toMatchObject({ kind: 'published', prompt: { text: 'Título fin' } });
  });

  it('falls back to Spanish like the screen does, and never plays a Spanish file for an English text', () => {
    // The mini procedure has no English: an English kiosk shows and speaks its Spanish.
    expect(findCurrentPrompt(current, 'proc/mini/title', 'en')).toMatchObject({ language: 'es', text: 'Mini' });
    const manifest = manifestWith({ 'proc/doble/title': { es: audio('Mini') } });
    expect(promptSource(manifest, current, 'proc/doble/title', 'en')).toMatchObject({ kind: 'published', prompt: { language: 'en', text: 'Mini EN' } });
  });

  it("leaves the interface's own prompts and unknown procedures to the build", () => {
    const manifest = manifestWith({ 'ui/help.call': { es: audio('Llamar a un voluntario') }, 'proc/otro/title': { es: audio('Otro') } });
    expect(promptSource(manifest, current, 'ui/help.call', 'es')).toMatchObject({ kind: 'built' });
    expect(promptSource(manifest, current, 'proc/otro/title', 'es')).toMatchObject({ kind: 'built' });
    expect(promptSource(manifest, current, 'ui/nothing', 'es')).toBeUndefined();
  });

  it('asks the hub by id for whatever the build lacks, so a kiosk without a build (or with one still running) speaks', () => {
    // No build at all: an interface text goes to the hub by its id, a procedure text with its published words.
    expect(kioskPromptSource(undefined, current, 'ui/attract.start', 'en')).toEqual({ kind: 'hub', id: 'ui/attract.start', language: 'en' });
    expect(kioskPromptSource(undefined, current, 'proc/mini/title', 'es')).toMatchObject({ kind: 'published', prompt: { text: 'Mini' } });
    // A partial build: what it has is played from it, the rest comes from the hub.
    const partial = manifestWith({ 'ui/help.call': { es: audio('Llamar a un voluntario') } });
    expect(kioskPromptSource(partial, current, 'ui/help.call', 'es')).toMatchObject({ kind: 'built', language: 'es' });
    expect(kioskPromptSource(partial, current, 'ui/session.end', 'es')).toEqual({ kind: 'hub', id: 'ui/session.end', language: 'es' });
  });

  it('lists what a publication must render: only the texts the build does not have', () => {
    const manifest = manifestWith({ 'proc/mini/title': { es: audio('Mini') }, 'proc/mini/steps/inicio/text': { es: audio('Texto de antes') } });
    const ids = unbuiltPrompts(published, manifest).map((prompt) => prompt.id);
    expect(ids).toContain('proc/mini/steps/inicio/text');
    expect(ids).not.toContain('proc/mini/title');
    // Without a build, everything.
    expect(unbuiltPrompts(published, undefined)).toHaveLength(currentPromptsOf([published]).size);
    // Against the version it replaces, only what the publication changed: the build's gaps
    // elsewhere (here the end step) are not the publication's business.
    const before: Procedure = {
      ...structuredClone(published),
      steps: published.steps.map((step) => (step.id === 'inicio' ? { ...step, text: { es: 'Texto de antes' } } : step)),
    };
    expect(unbuiltPrompts(published, manifest, before).map((prompt) => prompt.id)).toEqual(['proc/mini/steps/inicio/text']);
    expect(unbuiltPrompts(published, manifest, published)).toEqual([]);
  });
});
