import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../../hub/demo/seed.js';
import { createAppRequestHandler, isInsideFolder } from '../../electron/main/app-request-handler.js';
import { createBridgeHandlers } from '../../electron/main/bridge-handlers.js';
import { createOfflineCache } from '../../electron/main/offline-cache.js';
import { startTestHub, type TestHub } from '../hub/support/test-hub.js';

// A real hub on a free port, a real UI folder and a real cache folder: only Electron's
// protocol.handle is left out, which hands the handler the same web-standard Request.
let hub: TestHub;
let folder: string;
let uiRoot: string;

beforeAll(async () => {
  hub = await startTestHub();
  folder = mkdtempSync(path.join(tmpdir(), 'paso-shell-'));
  uiRoot = path.join(folder, 'ui');
  mkdirSync(path.join(uiRoot, 'kiosk'), { recursive: true });
  mkdirSync(path.join(uiRoot, 'assets'), { recursive: true });
  writeFileSync(path.join(uiRoot, 'kiosk/index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(path.join(uiRoot, 'assets/kiosk.js'), 'console.log(1)');
  writeFileSync(path.join(folder, 'secret.txt'), 'the device token');
});

afterAll(async () => {
  await hub.close();
  rmSync(folder, { recursive: true, force: true });
});

function handlerFor(hubOrigin: string, cacheFolder: string) {
  return createAppRequestHandler({
    uiRoot,
    hubOrigin,
    cache: createOfflineCache(cacheFolder),
    fetch: (url, init) => fetch(url, init),
    hubTimeoutMs: 2000,
    now: () => new Date('2026-11-30T09:00:00Z'),
  });
}

const auth = { authorization: `Bearer ${demoAccounts.kioskToken}` };

describe('the app:// protocol answers', () => {
  it('serves the kiosk page with its security policy, and the bundles', async () => {
    const handle = handlerFor(hub.url, path.join(folder, 'cache-a'));
    const page = await handle(new Request('app://paso/kiosk/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>kiosk</title>');
    const script = await handle(new Request('app://paso/assets/kiosk.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('app://paso/assets/missing.js'))).status).toBe(404);
  });

  it.each([
    'app://paso/kiosk/..%2f..%2fsecret.txt',
    'app://paso/kiosk/%2e%2e/%2e%2e/secret.txt',
    'app://paso/assets/..%5c..%5csecret.txt',
    'app://paso/secret.txt',
    'app://paso/kiosk//secret.txt',
  ])('never serves a file outside the build: %s', async (url) => {
    const answer = await handlerFor(hub.url, path.join(folder, 'cache-a'))(new Request(url));
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(await answer.text()).not.toContain('device token');
  });

  it('checks joined paths against the build folder as a second lock', () => {
    expect(isInsideFolder('/srv/ui', '/srv/ui/kiosk/index.html')).toBe(true);
    expect(isInsideFolder('/srv/ui', '/srv/ui/../secret')).toBe(false);
    expect(isInsideFolder('/srv/ui', '/srv/ui-other/x')).toBe(false);
    expect(isInsideFolder('/srv/ui', '/srv/ui')).toBe(false);
  });

  it("passes the kiosk's calls to the real hub with its token, and nothing else of the page's headers", async () => {
    const handle = handlerFor(hub.url, path.join(folder, 'cache-b'));
    const me = await handle(new Request('app://paso/api/kiosk/me', { headers: { ...auth, cookie: 'x=1' } }));
    expect(me.status).toBe(200);
    expect(((await me.json()) as { kiosk: { id: string } }).kiosk.id).toBe(demoAccounts.kiosk.id);
    const refused = await handle(new Request('app://paso/api/kiosk/me'));
    expect(refused.status).toBe(401);
    const staff = await handle(new Request('app://paso/api/staff/kiosks', { headers: auth }));
    expect(staff.status).toBe(404);
  });

  it('keeps the published procedures and serves them when the hub is gone', async () => {
    const cacheFolder = path.join(folder, 'cache-c');
    const online = await handlerFor(hub.url, cacheFolder)(new Request('app://paso/api/procedures', { headers: auth }));
    expect(online.status).toBe(200);
    const published = (await online.json()) as { procedures: { id: string }[] };
    expect(published.procedures.length).toBeGreaterThan(0);

    // A hub address where nobody listens: the same cache folder answers instead.
    const offline = handlerFor('http://127.0.0.1:9', cacheFolder);
    const cached = await offline(new Request('app://paso/api/procedures', { headers: auth }));
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-paso-offline')).toBe('2026-11-30T09:00:00.000Z');
    expect(((await cached.json()) as { procedures: { id: string }[] }).procedures.map((procedure) => procedure.id)).toEqual(
      published.procedures.map((procedure) => procedure.id),
    );

    // What was never fetched, and what must not be cached (a help call), say the hub is away.
    expect((await offline(new Request('app://paso/api/kiosk/me', { headers: auth }))).status).toBe(503);
    expect(
      (await offline(new Request('app://paso/api/kiosk/calls', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' })))
        .status,
    ).toBe(502);

    // The bridge reads the same cache.
    const bridge = createBridgeHandlers({
      config: {
        kioskId: 'k1',
        hubUrl: hub.url,
        deviceToken: demoAccounts.kioskToken,
        languages: ['es'],
        idle: { idleSeconds: 120, warningSeconds: 60 },
        openingHours: { sunday: [], monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [] },
        audio: { headphones: false, keypad: false },
        touch: { settleMilliseconds: 400 },
        printer: {},
      },
      cache: createOfflineCache(cacheFolder),
      version: '0.1.0',
      print: async () => ({ printed: true }),
      restart: () => undefined,
    });
    const fromBridge = await bridge.cachedProcedures();
    expect(fromBridge.savedAt).toBe('2026-11-30T09:00:00.000Z');
    expect(fromBridge.procedures).toHaveLength(published.procedures.length);
    expect(await bridge.cachedAudio('es/slow/none.ogg')).toBeNull();
    expect(await bridge.getConfig()).not.toHaveProperty('printer');
  });

  it('gives every answer the kiosk policy and nosniff: build files, relayed and cached hub answers, refusals', async () => {
    const cacheFolder = path.join(folder, 'cache-headers');
    const handle = handlerFor(hub.url, cacheFolder);
    const offline = handlerFor('http://127.0.0.1:9', cacheFolder);
    const answers: [string, Response][] = [
      ['page', await handle(new Request('app://paso/kiosk/'))],
      ['script', await handle(new Request('app://paso/assets/kiosk.js'))],
      ['missing file', await handle(new Request('app://paso/assets/missing.js'))],
      ['refused', await handle(new Request('app://paso/api/staff/kiosks', { headers: auth }))],
      ['hub JSON', await handle(new Request('app://paso/api/procedures', { headers: auth }))],
      ['hub refusal', await handle(new Request('app://paso/api/kiosk/me'))],
      ['cached', await offline(new Request('app://paso/api/procedures', { headers: auth }))],
      ['nothing cached', await offline(new Request('app://paso/api/kiosk/me', { headers: auth }))],
      ['hub away', await offline(new Request('app://paso/api/kiosk/calls', { method: 'POST', headers: auth, body: '{}' }))],
    ];
    for (const [what, answer] of answers) {
      expect(answer.headers.get('content-security-policy'), what).toContain("script-src 'self'");
      expect(answer.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
      expect(answer.headers.get('x-content-type-options'), what).toBe('nosniff');
    }
    expect(answers.map(([what, answer]) => `${what} ${answer.status}`)).toEqual([
      'page 200',
      'script 200',
      'missing file 404',
      'refused 404',
      'hub JSON 200',
      'hub refusal 401',
      'cached 200',
      'nothing cached 503',
      'hub away 502',
    ]);
    expect(answers[4]?.[1].headers.get('content-security-policy')).toMatch(/; sandbox$/);
    expect(answers[6]?.[1].headers.get('content-security-policy')).toMatch(/; sandbox$/);
  });

  it('passes a hub answer typed as a script or a page on as plain bytes, sandboxed, so it never runs as the kiosk', async () => {
    for (const type of ['text/javascript', 'text/html; charset=utf-8']) {
      const handle = createAppRequestHandler({
        uiRoot,
        hubOrigin: 'https://hub.example.org',
        cache: createOfflineCache(path.join(folder, 'cache-hostile')),
        fetch: async () => new Response('alert(document.domain)', { status: 200, headers: { 'content-type': type } }),
      });
      const answer = await handle(new Request('app://paso/audio/files/evil.js'));
      expect(answer.headers.get('content-type')).toBe('application/octet-stream');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('content-security-policy')).toMatch(/; sandbox$/);
      // Cached as the safe type too: offline it is served the same way.
      const cached = await createOfflineCache(path.join(folder, 'cache-hostile')).get('/audio/files/evil.js');
      expect(cached?.contentType).toBe('application/octet-stream');
    }
  });

  it("sends the page's POST body to the hub", async () => {
    const handle = handlerFor(hub.url, path.join(folder, 'cache-d'));
    const answer = await handle(
      new Request('app://paso/api/kiosk/calls', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ nonsense: true }),
      }),
    );
    // The hub read the body and refused it in words: it arrived.
    expect(answer.status).toBe(400);
  });
  it('lets two caches on one folder write the same answer at once, and answers even when the cache cannot be written', async () => {
    const cacheFolder = path.join(folder, 'cache-e');
    const answer = { body: new Uint8Array([1, 2, 3]), contentType: 'application/octet-stream', savedAt: '2026-11-30T09:00:00.000Z' };
    // Several windows or handlers share the folder: each put must land, none may fail.
    await Promise.all(Array.from({ length: 12 }, () => createOfflineCache(cacheFolder).put('/api/procedures', answer)));
    expect((await createOfflineCache(cacheFolder).get('/api/procedures'))?.body).toEqual(answer.body);

    const broken = createAppRequestHandler({
      uiRoot,
      hubOrigin: hub.url,
      cache: { get: async () => undefined, put: async () => Promise.reject(new Error('ENOSPC: no space left on device')) },
      fetch: (url, init) => fetch(url, init),
      hubTimeoutMs: 2000,
    });
    const online = await broken(new Request('app://paso/api/procedures', { headers: auth }));
    expect(online.status).toBe(200);
    expect(((await online.json()) as { procedures: unknown[] }).procedures.length).toBeGreaterThan(0);
  });
});
