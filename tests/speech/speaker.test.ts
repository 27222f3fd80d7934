/**
 * The speaker that speaks one text on demand (the hub's help-call sentences, published wording,
 * the staff preview), with the real espeak-ng and ffmpeg behind an engine the test can hold up:
 * at most `concurrency` renders run, at most `maxWaiting` wait, the rest are refused at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { espeakEngine, type SpeechEngine } from '../../speech/engine.js';
import { createSpeaker, maxSpokenTextLength, SpeechBusy } from '../../speech/speaker.js';
import { folderSoundStore } from '../../speech/store.js';

const work = mkdtempSync(path.join(tmpdir(), 'paso-speaker-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** espeak-ng, counting its calls, each held until the test lets it go. */
function heldEngine() {
  const real = espeakEngine();
  const calls: string[][] = [];
  let release: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (release = resolve));
  const engine: SpeechEngine = {
    ...real,
    synthesize: async (texts, language, speed) => {
      calls.push([...texts]);
      await gate;
      return real.synthesize(texts, language, speed);
    },
  };
  return {
    engine,
    calls,
    open: () => release(),
    close: () => {
      gate = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

describe('the speaker', () => {
  it('renders one at a time, lets two wait, and refuses the rest at once in words', async () => {
    const held = heldEngine();
    const speaker = createSpeaker({ engine: held.engine, stores: [folderSoundStore(path.join(work, 'queue'))], concurrency: 1, maxWaiting: 2 });
    const texts = [
      'Ana viene para ayudarle.',
      'Luis viene para ayudarle.',
      'Eva viene para ayudarle.',
      'Pilar viene para ayudarle.',
      'Juan viene para ayudarle.',
    ];
    const outcomes = texts.map((text) =>
      speaker.speak(text, 'es', 'slow').then(
        (spoken) => ({ spoken }),
        (error: unknown) => ({ error }),
      ),
    );
    // The refusals come before anything is rendered.
    const refused = await Promise.all(outcomes.slice(3));
    for (const outcome of refused) {
      expect('error' in outcome && outcome.error).toBeInstanceOf(SpeechBusy);
      expect(String('error' in outcome && (outcome.error as Error).message)).toMatch(
        /^Speech is busy: 2 sentences are already waiting to be spoken; try again in a few seconds\.$/,
      );
    }
    expect(speaker.load()).toEqual({ running: 1, waiting: 2 });
    // The one running reaches the engine after checking the voice (a real espeak-ng call, slow when
    // both cores are busy: 1 s, vitest's default, was too short in CI); the two waiting do not.
    await vi.waitFor(() => expect(held.calls).toHaveLength(1), { timeout: 15_000 });
    held.open();
    const accepted = await Promise.all(outcomes.slice(0, 3));
    for (const outcome of accepted) expect('spoken' in outcome && outcome.spoken.rendered).toBe(true);
    expect(held.calls).toHaveLength(3);
    expect(speaker.load()).toEqual({ running: 0, waiting: 0 });
    // Asked again, each comes from the store.
    const again = await speaker.speak(texts[0] ?? '', 'es', 'slow');
    expect(again.rendered).toBe(false);
    expect(held.calls).toHaveLength(3);
  }, 60_000);

  it('renders a sound asked for twice at once only once', async () => {
    const held = heldEngine();
    held.open();
    const speaker = createSpeaker({ engine: held.engine, stores: [folderSoundStore(path.join(work, 'twice'))] });
    const [first, second] = await Promise.all([speaker.speak('Cancelar llamada', 'es', 'fast'), speaker.speak('Cancelar llamada', 'es', 'fast')]);
    expect(first.sound.hash).toBe(second.sound.hash);
    expect(held.calls).toEqual([['Cancelar llamada']]);
  }, 60_000);

  it('finds a sound in an earlier store (the build) before rendering into the last one', async () => {
    const held = heldEngine();
    held.open();
    const build = folderSoundStore(path.join(work, 'build'));
    const builder = createSpeaker({ engine: held.engine, stores: [build] });
    await builder.speak('Repetir', 'es', 'normal');
    const hubStore = folderSoundStore(path.join(work, 'hub'));
    const speaker = createSpeaker({ engine: held.engine, stores: [build, hubStore] });
    const spoken = await speaker.speak('Repetir', 'es', 'normal');
    expect(spoken).toMatchObject({ store: build, rendered: false });
    expect(held.calls).toHaveLength(1);
    expect((await hubStore.list()).size).toBe(0);
  }, 60_000);

  it('refuses a text longer than it speaks, naming the limit', async () => {
    const held = heldEngine();
    const speaker = createSpeaker({ engine: held.engine, stores: [folderSoundStore(path.join(work, 'long'))] });
    await expect(speaker.speak('a'.repeat(maxSpokenTextLength + 1), 'es', 'slow')).rejects.toThrow(
      `text: at most ${maxSpokenTextLength} characters can be spoken at once (this one has ${maxSpokenTextLength + 1})`,
    );
    expect(held.calls).toHaveLength(0);
  });
});
