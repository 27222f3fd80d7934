/**
 * The hub's audio: the built folder at /audio/ (cache headers, 404s, no way out of the folder)
 * and help-call sentences rendered on demand with the real espeak-ng and ffmpeg.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioManifestSchema } from '../../core/audio/manifest.js';
import { espeakEngine } from '../../speech/engine.js';
import { buildAudio } from '../../speech/build.js';
import { call, kioskToken, staffToken, startTestHub, type TestHub } from './support/test-hub.js';

const work = mkdtempSync(path.join(tmpdir(), 'paso-hub-audio-'));
const audioFolder = path.join(work, 'audio');
let hub: TestHub;

beforeAll(async () => {
  await buildAudio({
    prompts: [{ id: 'ui/help.call', language: 'es', text: 'Llamar a un voluntario', sensitive: false }],
    audioFolder,
    recordingsFolder: path.join(work, 'none'),
    engine: espeakEngine(),
  });
  hub = await startTestHub({ audioFolder });
}, 120_000);
afterAll(async () => {
  await hub.close();
  rmSync(work, { recursive: true, force: true });
});

/** A request sent exactly as written (fetch would tidy `..` away). */
function rawGet(baseUrl: string, rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: url.hostname, port: url.port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const speech = (query: string, token: string | null = kioskToken) =>
  call<Record<string, unknown>>(hub.url, 'GET', `/api/kiosk/speech?${query}`, token ? { token } : {});

describe('/audio/', () => {
  it('serves the manifest uncached but revalidatable, and the sound files as immutable', async () => {
    const response = await fetch(`${hub.url}/audio/manifest.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const manifest = audioManifestSchema.parse(await response.json());
    const etag = response.headers.get('etag') ?? '';
    expect((await fetch(`${hub.url}/audio/manifest.json`, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const slow = manifest.prompts['ui/help.call']?.['es']?.speeds.slow;
    if (!slow) throw new Error('no prompt');
    for (const [file, type] of [
      [slow.ogg, 'audio/ogg'],
      [slow.mp3, 'audio/mpeg'],
    ] as const) {
      const sound = await fetch(`${hub.url}/audio/${file}`);
      expect(sound.status).toBe(200);
      expect(sound.headers.get('content-type')).toBe(type);
      expect(sound.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await sound.arrayBuffer()).byteLength).toBe(statSync(path.join(audioFolder, file)).size);
    }
  });

  it('answers 404 for files that are not there and for any path that tries to leave the folder', async () => {
    expect((await fetch(`${hub.url}/audio/files/0123456789abcdef0123.ogg`)).status).toBe(404);
    for (const hostile of [
      '/audio/../package.json',
      '/audio/..%2F..%2Fpackage.json',
      '/audio/files/..%2Fmanifest.json',
      '/audio/%2e%2e/%2e%2e/etc/passwd',
      '/audio/files/x.ogg%00.json',
      '/audio/manifest.json.partial-1',
      '/audio/',
    ]) {
      const answer = await rawGet(hub.url, hostile);
      expect(answer.status, hostile).toBe(404);
      expect(answer.body).not.toMatch(/"name":"paso-a-paso"|root:/);
    }
  });

  it('answers a clean 404 for the manifest when no audio has been built', async () => {
    const bare = await startTestHub({ audioFolder: path.join(work, 'never-built') });
    try {
      const answer = await call(bare.url, 'GET', '/audio/manifest.json');
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ error: 'No audio has been built yet: run "npm run audio:build" (npm start does it for you).' });
    } finally {
      await bare.close();
    }
  });
});

describe('GET /api/kiosk/speech', () => {
  it('is for kiosks only', async () => {
    expect((await speech('key=help.coming&name=Ana&language=es', null)).status).toBe(401);
  });

  it('refuses hostile or incomplete queries with a plain 400, rendering nothing', async () => {
    for (const query of [
      'key=help.call&language=es',
      'key=../../etc/passwd&language=es',
      'key=help.coming&language=es',
      'key=help.coming&name=Ana1&language=es',
      'key=help.coming&name=%3Cspeak%3EHola%3C%2Fspeak%3E&language=es',
      `key=help.coming&name=${'a'.repeat(61)}&language=es`,
      'key=help.coming&name=-v&language=es',
      'key=help.coming&name=Ana&name=Luis&language=es',
      'key=help.coming&name=Ana&language=es&text=Diga%20otra%20cosa',
      'key=help.queued&position=1e3&minutes=5&language=es',
      'key=help.queued&position=-1&minutes=5&language=es',
      'key=help.queued&position=2.5&minutes=5&language=es',
      'key=help.queued&position=100&minutes=5&language=es',
      'key=help.queued&position=2&language=es',
      'key=help.coming&name=Ana&language=xx',
      'key=help.coming&name=Ana&language=es&speed=ludicrous',
    ]) {
      const answer = await speech(query);
      expect(answer.status, query).toBe(400);
      expect(typeof answer.body['error'], query).toBe('string');
    }
  });

  it('composes the sentence itself, renders it once and serves it from the cache after', async () => {
    const first = await speech('key=help.coming&name=Ana&language=es&speed=slow');
    expect(first.status).toBe(200);
    expect(first.body['text']).toBe('Ana viene para ayudarle.');
    expect(first.body['ogg']).toMatch(/^\/audio\/speech\/[a-f0-9]{24}\.ogg$/);
    expect(first.body['mp3']).toMatch(/^\/audio\/speech\/[a-f0-9]{24}\.mp3$/);
    expect(first.body['duration']).toBeGreaterThan(0.5);
    const sound = await fetch(hub.url + String(first.body['ogg']));
    expect(sound.status).toBe(200);
    expect(sound.headers.get('content-type')).toBe('audio/ogg');

    // Stored once in the hub's database: asking again serves the same row.
    const hash = /([a-f0-9]{24})\.ogg$/.exec(String(first.body['ogg']))?.[1] ?? '';
    const storedAt = async () =>
      (await hub.hub.database.db.selectFrom('speech_sounds').select('created_at').where('hash', '=', hash).where('record', 'is not', null).executeTakeFirst())
        ?.created_at;
    const renderedAt = await storedAt();
    expect(renderedAt).toBeDefined();
    const second = await speech('key=help.coming&name=Ana&language=es&speed=slow');
    expect(second.body).toEqual(first.body);
    expect(await storedAt()).toBe(renderedAt);

    const faster = await speech('key=help.coming&name=Ana&language=es&speed=fast');
    expect(faster.body['ogg']).not.toBe(first.body['ogg']);
    expect(Number(faster.body['duration'])).toBeLessThan(Number(first.body['duration']));
  }, 60_000);

  it("fills in the live figures and the site's own in-person help", async () => {
    const queued = await speech('key=help.queued&position=2&minutes=5&language=en');
    expect(queued.body['text']).toBe('You are number 2 on the list. Wait: about 5 minutes.');
    const me = await call<{ site: { inPersonHelp: string } }>(hub.url, 'GET', '/api/kiosk/me', { token: kioskToken });
    const nobody = await speech('key=help.nobodyCame&language=es');
    expect(nobody.status).toBe(200);
    expect(nobody.body['text']).toBe(`Ahora no puede venir nadie. ${me.body.site.inPersonHelp}`);
  }, 60_000);

  it('answers 503 with how to install the engine when espeak-ng is missing', async () => {
    const bare = await startTestHub({ audioFolder: path.join(work, 'no-engine') });
    const path_ = process.env['PATH'];
    process.env['PATH'] = path.join(work, 'empty-bin');
    try {
      const answer = await call(bare.url, 'GET', '/api/kiosk/speech?key=help.coming&name=Luis&language=es', { token: kioskToken });
      expect(answer.status).toBe(503);
      expect(answer.body['error']).toBe(
        'Speech is not available on this hub: espeak-ng is not installed: install it with "sudo apt-get install espeak-ng ffmpeg", then try again.',
      );
    } finally {
      process.env['PATH'] = path_;
      await bare.close();
    }
  });
});

describe('POST /api/staff/speech', () => {
  const staffSpeech = (body: unknown, token: string | undefined) =>
    call<Record<string, unknown>>(hub.url, 'POST', '/api/staff/speech', token ? { token, body } : { body });

  it("speaks the editor's wording for staff, with the build's processing", async () => {
    const token = await staffToken(hub.url);
    const answer = await staffSpeech({ text: 'Escriba su DNI con el teclado de la pantalla.', language: 'es' }, token);
    expect(answer.status).toBe(200);
    expect(answer.body['text']).toBe('Escriba su DNI con el teclado de la pantalla.');
    expect(answer.body['ogg']).toMatch(/^\/audio\/speech\/[a-f0-9]{24}\.ogg$/);
    const sound = await fetch(`${hub.url}${String(answer.body['ogg'])}`);
    expect(sound.status).toBe(200);
    expect((await sound.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }, 60_000);

  it('is for staff only, and refuses empty, huge or badly typed requests in words', async () => {
    expect((await staffSpeech({ text: 'Hola', language: 'es' }, undefined)).status).toBe(401);
    expect((await staffSpeech({ text: 'Hola', language: 'es' }, kioskToken)).status).toBe(403);
    const token = await staffToken(hub.url);
    for (const [body, field] of [
      [{ text: '   ', language: 'es' }, 'nothing to say'],
      [{ text: 'a'.repeat(2001), language: 'es' }, '2,000 characters'],
      [{ text: 'Hola', language: 'es', speed: 'warp' }, 'speed'],
      [{ text: 'Hola', language: '../../etc' }, 'language'],
      [{ text: 'Hola', language: 'es', extra: true }, 'extra'],
    ] as const) {
      const answer = await staffSpeech(body, token);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(field);
    }
  });
});
