/**
 * The hub's on-demand speech under load and across hubs: renders are bounded and queued, a
 * flood gets a worded 429 while the hub keeps answering, and hubs sharing one PostgreSQL render
 * a sound once and all serve it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../hub/db/connect.js';
import { databaseSoundStore } from '../../hub/audio/database-sound-store.js';
import { espeakEngine, type SpeechEngine } from '../../speech/engine.js';
import { createSpeaker } from '../../speech/speaker.js';
import { createTestDatabase } from './support/postgres.js';
import { call, kioskToken, startTestHub } from './support/test-hub.js';

const work = mkdtempSync(path.join(tmpdir(), 'paso-speech-limits-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** espeak-ng whose every batch waits until the test opens the gate; counts the texts it was given. */
function gatedEngine() {
  const real = espeakEngine();
  const texts: string[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const engine: SpeechEngine = {
    ...real,
    synthesize: async (batch, language, speed) => {
      texts.push(...batch);
      await gate;
      return real.synthesize(batch, language, speed);
    },
  };
  return { engine, texts, open: () => open() };
}

describe('on-demand speech under a flood', () => {
  it('renders one at a time with two waiting, answers the rest 429 in words, and /health stays quick', async () => {
    const gated = gatedEngine();
    const hub = await startTestHub({ audioFolder: path.join(work, 'flood'), speech: { engine: gated.engine, concurrency: 1, maxWaiting: 2 } });
    try {
      const names = ['Ana', 'Luis', 'Eva', 'Pilar', 'Juan', 'Rosa', 'Tomás', 'Inés'];
      const answers = names.map((name) => call<Record<string, unknown>>(hub.url, 'GET', `/api/kiosk/speech?key=help.coming&name=${encodeURIComponent(name)}&language=es`, { token: kioskToken }));
      await vi.waitFor(() => expect(gated.texts).toHaveLength(1), { timeout: 10_000 });
      const started = performance.now();
      const health = await fetch(`${hub.url}/health`);
      expect(health.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
      gated.open();
      const settled = await Promise.all(answers);
      const busy = settled.filter((answer) => answer.status === 429);
      const spoken = settled.filter((answer) => answer.status === 200);
      expect(spoken).toHaveLength(3);
      expect(busy).toHaveLength(5);
      for (const answer of busy) {
        expect(answer.body['error']).toBe('Speech is busy: 2 sentences are already waiting to be spoken; try again in a few seconds.');
        expect(answer.body['code']).toBe('speech-busy');
      }
      expect(gated.texts).toHaveLength(3);
    } finally {
      await hub.close();
    }
  }, 60_000);
});

describe('hubs sharing one PostgreSQL', () => {
  it('render a sound once, and every hub serves it', async () => {
    const database = await createTestDatabase();
    const [a, b] = await Promise.all([openDatabase({ kind: 'postgres', url: database.url }), openDatabase({ kind: 'postgres', url: database.url })]);
    const engine = gatedEngine();
    const storeA = databaseSoundStore(a.db);
    const storeB = databaseSoundStore(b.db);
    try {
      const speakerA = createSpeaker({ engine: engine.engine, stores: [storeA] });
      const speakerB = createSpeaker({ engine: engine.engine, stores: [storeB] });
      const both = Promise.all([speakerA.speak('Vamos a pedir una cita.', 'es', 'slow'), speakerB.speak('Vamos a pedir una cita.', 'es', 'slow')]);
      await vi.waitFor(() => expect(engine.texts).toHaveLength(1), { timeout: 10_000 });
      engine.open();
      const [first, second] = await both;
      expect(first.sound.hash).toBe(second.sound.hash);
      expect(engine.texts).toEqual(['Vamos a pedir una cita.']);
      expect([first.rendered, second.rendered].sort()).toEqual([false, true]);
      for (const store of [storeA, storeB]) {
        expect((await store.read(first.sound.hash, 'ogg'))?.length).toBe(first.sound.files.ogg.bytes);
        expect((await store.read(first.sound.hash, 'mp3'))?.length).toBe(first.sound.files.mp3.bytes);
      }
    } finally {
      await Promise.all([storeA.close(), storeB.close()]);
      await Promise.all([a.close(), b.close()]);
      await database.drop();
    }
  }, 60_000);
});
