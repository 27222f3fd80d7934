/**
 * The kiosk's resolver against a stand-in hub (a fetch that answers as the hub would): without an
 * audio build every prompt is asked of the hub by id, a built prompt never is, a busy hub (429)
 * skips only that prompt, and a hub without speech (503) is reported so the kiosk shows "Sin sonido".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResolvedUtterance } from '../../../core/audio/channel.js';
import type { AudioManifest } from '../../../core/audio/manifest.js';
import { kioskResolver } from '../../../renderer/kiosk/audio/speech-resolver.js';

const token = 'kiosk-token';
const spoken = {
  text: 'Toque la pantalla para empezar',
  ogg: '/audio/speech/aaaaaaaaaaaaaaaaaaaaaaaa.ogg',
  mp3: '/audio/speech/aaaaaaaaaaaaaaaaaaaaaaaa.mp3',
  duration: 1.5,
};
const file = { ogg: 'files/bbbbbbbbbbbbbbbbbbbbbbbb.ogg', mp3: 'files/bbbbbbbbbbbbbbbbbbbbbbbb.mp3', duration: 2 };
const built: AudioManifest = {
  format: 1,
  engine: 'espeak-ng test',
  builtAt: '2026-11-30T00:00:00Z',
  prompts: { 'ui/help.call': { es: { text: 'Llamar a un voluntario', sensitive: false, source: 'engine', speeds: { slow: file, normal: file, fast: file } } } },
};

/** A stand-in hub answering every request with `status` (and the spoken sentence on 200); records what was asked. */
function hubAnswering(status: number): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    asked.push(url);
    expect(new Headers(init.headers).get('authorization')).toBe(`Bearer ${token}`);
    return Promise.resolve(
      new Response(JSON.stringify(status === 200 ? spoken : { error: 'no' }), { status, headers: { 'content-type': 'application/json' } }),
    );
  });
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the kiosk resolver', () => {
  it('without a build asks the hub for an interface prompt by id, and plays what it renders', async () => {
    const asked = hubAnswering(200);
    const resolved = (await kioskResolver(
      () => undefined,
      () => new Map(),
      token,
    )({ id: 'ui/attract.start' }, 'slow', 'es')) as ResolvedUtterance;
    expect(asked).toEqual(['/api/kiosk/speech/prompt?id=ui%2Fattract.start&language=es&speed=slow']);
    expect(resolved.file.urls).toEqual([spoken.ogg, spoken.mp3]);
    expect(resolved.sensitive).toBe(false);
  });

  it('plays a prompt the build has from the build, without asking the hub', () => {
    const asked = hubAnswering(200);
    const resolved = kioskResolver(
      () => built,
      () => new Map(),
      token,
    )({ id: 'ui/help.call' }, 'fast', 'es') as ResolvedUtterance;
    expect(resolved.file.urls).toEqual([`/audio/${file.ogg}`, `/audio/${file.mp3}`]);
    expect(asked).toEqual([]);
  });

  it('skips a prompt when the hub is busy (429), and says nothing is wrong with speech', async () => {
    hubAnswering(429);
    const unavailable = vi.fn();
    expect(
      await kioskResolver(
        () => built,
        () => new Map(),
        token,
        unavailable,
      )({ id: 'ui/session.end' }, 'slow', 'es'),
    ).toBeUndefined();
    expect(unavailable).not.toHaveBeenCalled();
  });

  it('reports a hub without speech (503), for help sentences too', async () => {
    hubAnswering(503);
    const unavailable = vi.fn();
    const resolve = kioskResolver(
      () => undefined,
      () => new Map(),
      token,
      unavailable,
    );
    expect(await resolve({ id: 'ui/attract.start' }, 'slow', 'es')).toBeUndefined();
    expect(await resolve({ id: 'help.coming', values: { name: 'Ana' } }, 'slow', 'es')).toBeUndefined();
    expect(unavailable).toHaveBeenCalledTimes(2);
  });
});
