/**
 * Batched speech: many texts go to espeak-ng in one process and come back cut at the silence
 * between them; a batch that does not cut cleanly is spoken text by text.
 */
import { describe, expect, it } from 'vitest';
import { batchDocument, espeakEngine, splitAtGaps } from '../../speech/engine.js';
import { runTool } from '../../speech/tools.js';

describe('splitAtGaps', () => {
  const sampleRate = 1000;
  const sound = (...runs: [number, number][]) => {
    const samples = new Float32Array(runs.reduce((sum, [, length]) => sum + length, 0));
    let at = 0;
    for (const [value, length] of runs) samples.fill(value, at, (at += length));
    return { samples, sampleRate };
  };

  it('cuts at runs of exact zeros at least one and a half seconds long, and only there', () => {
    const parts = splitAtGaps(sound([0, 100], [0.5, 300], [0, 1400], [0.2, 200], [0, 2500], [0.3, 400], [0, 3000]));
    expect(parts.map((part) => part.samples.length)).toEqual([2000, 400 + 3000]);
  });

  it('gives one part when there is no gap', () => {
    expect(splitAtGaps(sound([0.1, 5000]))).toHaveLength(1);
  });
});

describe('batchDocument', () => {
  it('escapes every character SSML would read as markup, so a text is only ever spoken', () => {
    expect(batchDocument(['a < b & "c"', "it's"])).toBe('<speak><s>a &#60; b &#38; &#34;c&#34;</s><break time="2000ms"/><s>it&#39;s</s></speak>');
  });
});

describe('espeak-ng in batches', () => {
  it('returns one sound per text, each as long as the text spoken alone', async () => {
    const engine = espeakEngine();
    const texts = ['Sí', 'Llamar a un voluntario', 'Escriba su número de DNI. Son ocho números y una letra.'];
    const together = await engine.synthesize(texts, 'es', 'slow');
    expect(together).toHaveLength(3);
    for (const [i, text] of texts.entries()) {
      const [alone] = await engine.synthesize([text], 'es', 'slow');
      const voiced = (samples: Float32Array) => samples.filter((sample) => Math.abs(sample) > 0.01).length;
      // The same words the same way: within 1 % of the voiced length spoken alone (identical for one sentence).
      expect(Math.abs(voiced(together[i]?.samples ?? new Float32Array()) - voiced(alone?.samples ?? new Float32Array()))).toBeLessThanOrEqual(
        voiced(alone?.samples ?? new Float32Array()) * 0.01,
      );
    }
  }, 30_000);

  it('speaks text by text when a text makes no sound and the batch cannot be cut', async () => {
    const sounds = await espeakEngine().synthesize(['Hola', '', 'Adiós'], 'es', 'normal');
    expect(sounds).toHaveLength(3);
    expect(sounds[0]?.samples.length).toBeGreaterThan(0);
    expect(sounds[2]?.samples.length).toBeGreaterThan(0);
  }, 30_000);
});

describe('tool probes', () => {
  it('stop a tool that outlives its limit and say so, rather than waiting for ever', async () => {
    const started = Date.now();
    await expect(runTool('sleep', ['30'], undefined, [], { timeoutMs: 200 })).rejects.toThrow(/^sleep did not finish within 200 ms and was stopped$/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('find a voice without opening the sound server, and name a missing one', async () => {
    const engine = espeakEngine();
    await expect(engine.checkVoice('es')).resolves.toBeUndefined();
    await expect(engine.checkVoice('xx-nonexistent')).rejects.toThrow(/no voice "xx-nonexistent"/);
  });
});
