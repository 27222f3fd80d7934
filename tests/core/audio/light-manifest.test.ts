import { describe, expect, it } from 'vitest';
import { readAudioManifest } from '../../../core/audio/light-manifest.js';
import { audioManifestSchema } from '../../../core/audio/manifest.js';
import { expectSameVerdicts } from '../../support/shape-mutations.js';

const file = (name: string, duration: number) => ({ ogg: `files/${name}.ogg`, mp3: `files/${name}.mp3`, duration });
const audio = (text: string, source: 'engine' | 'recording', sensitive = false) => ({
  text,
  sensitive,
  source,
  speeds: { slow: file(`${text}-s`, 2.5), normal: file(`${text}-n`, 2), fast: file(`${text}-f`, 1.6) },
});
const manifest = {
  format: 1,
  engine: 'espeak-ng 1.51',
  builtAt: '2026-12-05T10:00:00.000Z',
  prompts: {
    'ui/attract.start': { es: audio('Toque para empezar', 'recording'), ar: audio('المس للبدء', 'engine') },
    'proc/cita-previa/steps/dni/text': { es: audio('Escriba su DNI', 'engine', true) },
  },
};

describe("the kiosk's light check of the audio manifest (issue 13)", () => {
  it('agrees with audioManifestSchema, field by field', () => {
    expectSameVerdicts(manifest, (value) => readAudioManifest(value) !== undefined, audioManifestSchema);
    expect(readAudioManifest(manifest)).toEqual(audioManifestSchema.parse(manifest));
  });

  it('refuses another format, a file of no length, an unknown source', () => {
    expect(readAudioManifest({ ...manifest, format: 2 })).toBeUndefined();
    const silent = structuredClone(manifest);
    silent.prompts['ui/attract.start'].es.speeds.slow.duration = 0;
    expect(readAudioManifest(silent)).toBeUndefined();
    const unknownSource = { ...manifest, prompts: { 'ui/x': { es: { ...audio('x', 'engine'), source: 'radio' } } } };
    expect(readAudioManifest(unknownSource)).toBeUndefined();
  });
});
