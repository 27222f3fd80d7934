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
      const answers = names.map((name) =>
        call<Record<string, unknown>>(hub.url, 'GET', `/api/kiosk/speech?key=help.coming&name=${encodeURIComponent(name)}&language=es`, { token: kioskToken }),
      );
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

/** espeak-ng that lets one batch through per permit the test gives. */
function turnstileEngine() {
  const real = espeakEngine();
  const waiting: (() => void)[] = [];
  let permits = 0;
  let entered = 0;
  const engine: SpeechEngine = {
    ...real,
    synthesize: async (batch, language, speed) => {
      entered += 1;
      if (permits > 0) permits -= 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      return real.synthesize(batch, language, speed);
    },
  };
  const permit = (count: number): void => {
    for (let i = 0; i < count; i++) {
      const next = waiting.shift();
      if (next) next();
      else permits += 1;
    }
  };
  return { engine, permit, entered: () => entered };
}

describe('MP3 fallbacks made on demand', () => {
  it('are made once in the speech queue, answer 429 in words when it is full, and are served once made', async () => {
    const turnstile = turnstileEngine();
    const hub = await startTestHub({ audioFolder: path.join(work, 'fallbacks'), speech: { engine: turnstile.engine, concurrency: 1, maxWaiting: 1 } });
    const say = (name: string) =>
      call<Record<string, unknown>>(hub.url, 'GET', `/api/kiosk/speech?key=help.coming&name=${encodeURIComponent(name)}&language=es`, { token: kioskToken });
    try {
      turnstile.permit(1);
      const first = await say('Ana');
      expect(first.status).toBe(200);
      const mp3 = String(first.body['mp3']);
      expect(mp3).toMatch(/^\/audio\/speech\/[a-f0-9]{24}\.mp3$/);
      // The queue full: one sentence rendering, one waiting.
      const queued = [say('Luis'), say('Eva')];
      await vi.waitFor(() => expect(turnstile.entered()).toBe(2), { timeout: 10_000 });
      const busy = await fetch(hub.url + mp3);
      expect(busy.status).toBe(429);
      expect(await busy.json()).toMatchObject({
        error:
          'Speech is busy: 1 sentences are already waiting to be spoken; try again in a few seconds. (this browser cannot play Ogg/Opus, so its MP3 has to be made first)',
        code: 'speech-busy',
      });
      turnstile.permit(2);
      expect((await Promise.all(queued)).map(({ status }) => status)).toEqual([200, 200]);
      // Two browsers asking at once share one making of it.
      const [made, again] = await Promise.all([fetch(hub.url + mp3), fetch(hub.url + mp3)]);
      expect([made.status, again.status]).toEqual([200, 200]);
      expect(made.headers.get('content-type')).toBe('audio/mpeg');
      const bytes = Buffer.from(await made.arrayBuffer());
      expect(bytes.length).toBeGreaterThan(1000);
      expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
      // MPEG audio frames begin with eleven set bits (after any ID3 tag).
      const frame = bytes.subarray(
        bytes.subarray(0, 3).toString('latin1') === 'ID3'
          ? 10 + (((bytes[6] ?? 0) << 21) | ((bytes[7] ?? 0) << 14) | ((bytes[8] ?? 0) << 7) | (bytes[9] ?? 0))
          : 0,
      );
      expect(frame[0]).toBe(0xff);
      expect((frame[1] ?? 0) & 0xe0).toBe(0xe0);
      // A name the hub never made is still a plain 404, not a render.
      expect((await fetch(`${hub.url}/audio/speech/${'0'.repeat(24)}.mp3`)).status).toBe(404);
    } finally {
      turnstile.permit(10);
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
        // No MP3 until a browser without Opus asks for one.
        expect(await store.read(first.sound.hash, 'mp3')).toBeUndefined();
      }
      // One hub makes the fallback; the other serves it from the database they share.
      const withMp3 = await speakerB.fallback(storeB, first.sound.hash);
      expect(withMp3?.files.mp3?.bytes).toBeGreaterThan(0);
      expect((await storeA.read(first.sound.hash, 'mp3'))?.length).toBe(withMp3?.files.mp3?.bytes);
      expect((await storeA.get(first.sound.hash))?.files).toEqual(withMp3?.files);
    } finally {
      await Promise.all([storeA.close(), storeB.close()]);
      await Promise.all([a.close(), b.close()]);
      await database.drop();
    }
  }, 60_000);
});
