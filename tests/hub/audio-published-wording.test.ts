/**
 * New wording from the staff console is spoken without a rebuild, with the real espeak-ng and
 * ffmpeg: the hub renders a publication's changed texts before it tells the kiosks, and speaks a
 * published text, or an interface text while the build has none, by its prompt id (never a text
 * a kiosk sends). The build's manifest here lists
 * every text of the samples with placeholder files: what is under test is what the hub renders
 * because the build lacks it, not the build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPromptsOf } from '../../core/audio/current-prompts.js';
import type { AudioManifest } from '../../core/audio/manifest.js';
import { procedureDetailResponseSchema, publishResponseSchema } from '../../core/protocol/staff-console.js';
import type { HubMessage } from '../../core/protocol/ws.js';
import { sampleProcedures } from '../support/procedures.js';
import { call, connectClient, kioskToken, staffToken, startTestHub, volunteerToken, type TestHub } from './support/test-hub.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';

const work = mkdtempSync(path.join(tmpdir(), 'paso-published-wording-'));
const audioFolder = path.join(work, 'audio');
const oldText = 'Vamos a pedir, cambiar o anular una cita con el Ayuntamiento. Es gratis. Esto es un ejemplo para practicar.';
const newText = 'Vamos a pedir una cita con el Ayuntamiento. No cuesta nada.';
const textId = 'proc/cita-previa/steps/bienvenida/text';
let hub: TestHub;
let staff: string;

/** A build manifest that has every sample text as it is in the files. */
function builtManifest(): AudioManifest {
  const file = { ogg: 'files/placeholder.ogg', mp3: 'files/placeholder.mp3', duration: 1 };
  const prompts: AudioManifest['prompts'] = {};
  for (const prompt of currentPromptsOf(sampleProcedures()).values()) {
    prompts[prompt.id] = {
      ...prompts[prompt.id],
      [prompt.language]: { text: prompt.text, sensitive: prompt.sensitive, source: 'engine', speeds: { slow: file, normal: file, fast: file } },
    };
  }
  return { format: 1, engine: 'espeak-ng test', builtAt: '2026-11-30T00:00:00Z', prompts };
}

/** The sounds the hub has finished rendering on demand (its database store), with when each was stored. */
const speechRecords = async (): Promise<Map<string, number>> => {
  const rows = await hub.hub.database.db.selectFrom('speech_sounds').select(['hash', 'created_at']).where('record', 'is not', null).execute();
  return new Map(rows.map((row) => [row.hash, Number(row.created_at)]));
};

const promptSpeech = (query: string, token: string | null = kioskToken) =>
  call<Record<string, unknown>>(hub.url, 'GET', `${apiRoutes.kioskPromptSpeech.path}?${query}`, token === null ? {} : { token });

beforeAll(async () => {
  mkdirSync(audioFolder, { recursive: true });
  writeFileSync(path.join(audioFolder, 'manifest.json'), JSON.stringify(builtManifest()));
  hub = await startTestHub({ audioFolder });
  staff = await staffToken(hub.url);
});

afterAll(async () => {
  await hub.close();
  rmSync(work, { recursive: true, force: true });
});

describe('GET /api/kiosk/speech/prompt', () => {
  it('is for kiosks only', async () => {
    expect((await promptSpeech(`id=${textId}&language=es`, null)).status).toBe(401);
    expect((await promptSpeech(`id=${textId}&language=es`, staff)).status).toBe(403);
    expect((await promptSpeech(`id=${textId}&language=es`, await volunteerToken(hub.url, 'Ana'))).status).toBe(403);
  });

  it('refuses what is not a published text with a plain answer, rendering nothing', async () => {
    const before = (await speechRecords()).size;
    for (const [query, status, words] of [
      // Interface texts are spoken by id too, but only those the kiosk speaks as they are.
      ['id=ui/no.such.key&language=es', 404, 'no spoken text "no.such.key"'],
      ['id=ui/step.progress&language=es', 404, 'no spoken text "step.progress"'],
      ['id=ui/help.coming&language=es', 400, '/api/kiosk/speech?key=help.coming'],
      ['id=ui/help.queued&language=en', 400, 'live values'],
      ['id=proc/../../etc/passwd&language=es', 400, 'no "." or ".." parts'],
      ['id=proc/cita-previa/steps/bienvenida/text&language=es&text=Diga%20otra%20cosa', 400, 'text'],
      ['id=proc/cita-previa/steps/bienvenida/text&language=es&speed=warp', 400, 'speed'],
      ['id=proc/cita-previa/steps/bienvenida/text', 400, 'language'],
      ['id=proc/no-existe/title&language=es', 404, 'no published procedure "no-existe"'],
      ['id=proc/cita-previa/steps/no-existe/text&language=es', 404, 'no spoken text'],
      // The sample is not written in French: the kiosk asks for the Spanish it shows instead.
      ['id=proc/cita-previa/steps/bienvenida/text&language=fr', 404, 'in "fr"'],
    ] as const) {
      const answer = await promptSpeech(query);
      expect(answer.status, query).toBe(status);
      expect(String(answer.body['error']), query).toContain(words);
    }
    expect((await speechRecords()).size).toBe(before);
  });

  it('speaks the published text it reads from its own catalogue', async () => {
    const answer = await promptSpeech(`id=${textId}&language=en&speed=fast`);
    expect(answer.status).toBe(200);
    expect(answer.body['text']).toBe('We are going to book, change or cancel an appointment with the city. It is free. This is an example for practice.');
    expect(answer.body['ogg']).toMatch(/^\/audio\/speech\/[a-f0-9]{24}\.ogg$/);
    const sound = await fetch(hub.url + String(answer.body['ogg']));
    expect(sound.status).toBe(200);
  }, 60_000);

  it("speaks an interface text from its own kiosk locales, with the build's fixed figures, when the build has none", async () => {
    const call = await promptSpeech('id=ui/help.call&language=es&speed=normal');
    expect(call.status).toBe(200);
    expect(call.body['text']).toBe('Llamar a un voluntario');
    expect(call.body['ogg']).toMatch(/^\/audio\/speech\/[a-f0-9]{24}\.ogg$/);
    expect((await fetch(hub.url + String(call.body['ogg']))).status).toBe(200);
    expect((await fetch(hub.url + String(call.body['mp3']))).status).toBe(200);

    const countdown = await promptSpeech('id=ui/idle.countdown&language=en');
    expect(countdown.status).toBe(200);
    expect(countdown.body['text']).toBe('If you touch nothing, everything will be cleared in 60 seconds.');
  }, 60_000);
});

describe('a publication', () => {
  it('renders its new wording at every speed before the kiosks hear of it, and only that', async () => {
    const kiosk = connectClient(hub.wsUrl, kioskToken);
    const first = await kiosk.waitFor((message): message is Extract<HubMessage, { type: 'procedures-changed' }> => message.type === 'procedures-changed');
    const before = new Set((await speechRecords()).keys());
    const opened = procedureDetailResponseSchema.parse((await call(hub.url, 'GET', fillPath('staffProcedure', { id: 'cita-previa' }), { token: staff })).body);
    const source = (opened.published?.source ?? '').replace(oldText, newText);
    expect(
      (await call(hub.url, 'PUT', fillPath('staffDraft', { id: 'cita-previa' }), { token: staff, body: { source, baseRevision: opened.revision } })).status,
    ).toBe(200);
    const published = await call(hub.url, 'POST', fillPath('staffPublish', { id: 'cita-previa' }), {
      token: staff,
      body: { baseRevision: opened.revision + 1, changelog: 'Texto más corto' },
    });
    expect(published.status).toBe(200);
    const version = publishResponseSchema.parse(published.body).catalogVersion;
    expect(version).toBe(first.version + 1);

    await kiosk.waitFor((message) => message.type === 'procedures-changed' && message.version === version, 30_000);
    // When the kiosk is told, the three speeds of the one changed text are already there.
    const stored = await speechRecords();
    const added = [...stored.keys()].filter((name) => !before.has(name));
    expect(added).toHaveLength(3);
    const renderedAt = Math.max(...added.map((name) => stored.get(name) ?? 0));

    // The kiosk asks for it by id and gets the new words, from the cache.
    for (const speed of ['slow', 'normal', 'fast']) {
      const answer = await promptSpeech(`id=${textId}&language=es&speed=${speed}`);
      expect(answer.status).toBe(200);
      expect(answer.body['text']).toBe(newText);
    }
    const after = await speechRecords();
    expect([...after.keys()].filter((name) => !before.has(name))).toHaveLength(3);
    expect(Math.max(...added.map((name) => after.get(name) ?? 0))).toBe(renderedAt);
    kiosk.connection.stop();
  }, 90_000);
});
