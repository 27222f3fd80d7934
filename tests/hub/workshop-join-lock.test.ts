/**
 * Guessing workshop join codes (hub/workshops/join-code-lock.ts), on real hubs over HTTP with
 * SQLite: five wrong codes lock a kiosk for five minutes, the right code included; the lock is in
 * the database, so a hub started again on the same file keeps it; fifty wrong codes from a site's
 * kiosks lock the whole site; hostile bodies count for nothing; no code tried reaches the log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainerWorkshopResponseSchema, trainerWorkshopsResponseSchema } from '../../core/protocol/workshop.js';
import { kioskJoinRule, siteJoinRule } from '../../hub/workshops/join-code-lock.js';
import { callRoute, makeKiosks, wrongCodes } from './support/workshops.js';
import { staffToken, startTestHub, testClock, volunteerToken, type TestClock, type TestHub } from './support/test-hub.js';

const folder = mkdtempSync(path.join(tmpdir(), 'paso-join-lock-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A hub on `file` with `clock`, a workshop running there (the one already running, after a restart), and `kiosks` new kiosks. */
async function hubWithWorkshop(file: string, clock: TestClock, kiosks: number) {
  const test = await startTestHub({ storage: { kind: 'sqlite', file }, now: clock.now });
  const staff = await staffToken(test.url);
  const ana = await volunteerToken(test.url, 'Ana', false);
  const running = trainerWorkshopsResponseSchema.parse((await callRoute(test.url, 'trainerWorkshops', { token: ana })).body);
  let code = running.workshops[0]?.code;
  if (!code) {
    const started = await callRoute(test.url, 'startWorkshop', { token: ana, body: { lessonIds: ['practica-clave'] } });
    code = trainerWorkshopResponseSchema.parse(started.body).workshop.code;
  }
  return { test, staff, code, kiosks: kiosks > 0 ? await makeKiosks(test.url, staff, kiosks) : [] };
}

const join = (test: TestHub, token: string, body: unknown) => callRoute(test.url, 'kioskJoinWorkshop', { token, body });

describe('wrong join codes from one kiosk', () => {
  const clock = testClock();
  let hub: Awaited<ReturnType<typeof hubWithWorkshop>>;
  beforeAll(async () => {
    hub = await hubWithWorkshop(path.join(folder, 'one.sqlite'), clock, 6);
  }, 30_000);
  afterAll(async () => hub?.test.close());

  it('lock the kiosk after five, the right code refused too, for five minutes; then the right code joins', async () => {
    const [kiosk, neighbour] = hub.kiosks as [string, string];
    const tried = wrongCodes(hub.code, kioskJoinRule.maxWrong);
    for (const code of tried.slice(0, -1)) expect(await join(hub.test, kiosk, { code })).toMatchObject({ status: 404, body: { code: 'workshop-not-found' } });
    // The fifth says at once that joining waits, in plain words and minutes.
    const fifth = await join(hub.test, kiosk, { code: tried.at(-1) });
    expect(fifth).toMatchObject({ status: 429, body: { code: 'join-code-locked', minutes: 5, field: 'code' } });
    expect(fifth.body['error']).toMatch(/Ask the trainer for the code and try again in 5 minutes/);
    // While locked the right code is refused like any other: the answer tells a guesser nothing.
    expect(await join(hub.test, kiosk, { code: hub.code })).toMatchObject({ status: 429, body: { code: 'join-code-locked', minutes: 5 } });
    clock.advance(2 * 60_000 + 1000);
    expect(await join(hub.test, kiosk, { code: hub.code })).toMatchObject({ status: 429, body: { minutes: 3 } });
    // Another kiosk of the site is not locked with it.
    expect((await join(hub.test, neighbour, { code: hub.code })).status).toBe(200);
    clock.advance(3 * 60_000);
    expect((await join(hub.test, kiosk, { code: hub.code })).status).toBe(200);
    // The hub's log says a kiosk locked, and never which codes were tried.
    const logs = hub.test.logs.join('');
    expect(logs).toMatch(/workshop joining locked after too many wrong codes at kiosk/);
    // (As a JSON value or in a sentence: bare digits turn up inside times and ids.)
    for (const code of tried) for (const leak of [`"${code}"`, `code ${code}`, `=${code}`]) expect(logs).not.toContain(leak);
  });

  it('a right code in between does not wipe the wrong ones; ten quiet minutes do', async () => {
    const [, , kiosk] = hub.kiosks as [string, string, string];
    const tried = wrongCodes(hub.code, 6, 2000);
    for (const code of tried.slice(0, 4)) expect((await join(hub.test, kiosk, { code })).status).toBe(404);
    expect((await join(hub.test, kiosk, { code: hub.code })).status).toBe(200);
    expect(await join(hub.test, kiosk, { code: tried[4] })).toMatchObject({ status: 429, body: { code: 'join-code-locked' } });

    const [, , , slow] = hub.kiosks as [string, string, string, string];
    for (const code of tried.slice(0, 4)) expect((await join(hub.test, slow, { code })).status).toBe(404);
    clock.advance(10 * 60_000 + 1000);
    for (const code of tried.slice(0, 4)) expect((await join(hub.test, slow, { code })).status).toBe(404);
    expect((await join(hub.test, slow, { code: hub.code })).status).toBe(200);
  });

  it('twenty wrong codes sent at once: no more than five are looked at', async () => {
    const [, , , , kiosk] = hub.kiosks as [string, string, string, string, string];
    const answers = await Promise.all(wrongCodes(hub.code, 20, 3000).map((code) => join(hub.test, kiosk, { code })));
    const looked = answers.filter((answer) => answer.status === 404).length;
    expect(looked).toBeLessThanOrEqual(kioskJoinRule.maxWrong - 1);
    expect(answers.filter((answer) => answer.status === 429).length).toBe(20 - looked);
    expect(await join(hub.test, kiosk, { code: hub.code })).toMatchObject({ status: 429, body: { code: 'join-code-locked' } });
  });

  it('hostile bodies are refused with plain words and cost the kiosk no attempt', async () => {
    const [, , , , , kiosk] = hub.kiosks as [string, string, string, string, string, string];
    const hostile: unknown[] = [
      { code: 'abcd' },
      { code: 1234 },
      { code: '12' },
      { code: '1234567' },
      { code: '1'.repeat(10_000) },
      { code: ['1234'] },
      { code: '１２３４' },
      { code: '1234\u0000' },
      {},
      { code: hub.code, extra: 'x' },
      '{"code":',
    ];
    for (const body of hostile) {
      const answer = await join(hub.test, kiosk, body);
      expect(answer.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(typeof answer.body['error']).toBe('string');
    }
    for (const code of wrongCodes(hub.code, 4, 4000)) expect((await join(hub.test, kiosk, { code })).status).toBe(404);
    expect((await join(hub.test, kiosk, { code: hub.code })).status).toBe(200);
  });
});

describe('the join lock across a restart', () => {
  it('a hub started again on the same SQLite file keeps the kiosk locked', async () => {
    const clock = testClock();
    const file = path.join(folder, 'restart.sqlite');
    const first = await hubWithWorkshop(file, clock, 1);
    const [kiosk] = first.kiosks as [string];
    for (const code of wrongCodes(first.code, kioskJoinRule.maxWrong)) await join(first.test, kiosk, { code });
    expect((await join(first.test, kiosk, { code: first.code })).status).toBe(429);
    await first.test.close();

    const second = await hubWithWorkshop(file, clock, 0);
    try {
      expect(second.code).toBe(first.code);
      expect(await join(second.test, kiosk, { code: first.code })).toMatchObject({ status: 429, body: { code: 'join-code-locked' } });
      clock.advance(kioskJoinRule.lockMs);
      expect((await join(second.test, kiosk, { code: first.code })).status).toBe(200);
    } finally {
      await second.test.close();
    }
  }, 60_000);
});

describe('the site ceiling', () => {
  it('fifty wrong codes from ten kiosks lock joining at the whole site for twenty minutes; a locked kiosk adds nothing to it', async () => {
    const clock = testClock();
    const kiosksNeeded = siteJoinRule.maxWrong / kioskJoinRule.maxWrong;
    const hub = await hubWithWorkshop(path.join(folder, 'site.sqlite'), clock, kiosksNeeded + 2);
    try {
      const sweepers = hub.kiosks.slice(0, kiosksNeeded);
      const [first] = sweepers as [string];
      const [latecomer, other] = hub.kiosks.slice(kiosksNeeded) as [string, string];
      const codes = wrongCodes(hub.code, siteJoinRule.maxWrong);
      // The first kiosk, locked, keeps trying: none of it counts for the site.
      for (const code of codes.slice(0, 5)) await join(hub.test, first, { code });
      for (const code of codes.slice(5, 40)) expect((await join(hub.test, first, { code })).status).toBe(429);
      expect((await join(hub.test, other, { code: hub.code })).status).toBe(200);
      // Nine more kiosks, five wrong codes each: the site's fiftieth locks it.
      let last;
      for (const [index, kiosk] of sweepers.slice(1).entries())
        for (const code of codes.slice(5 * (index + 1), 5 * (index + 2))) last = await join(hub.test, kiosk, { code });
      expect(last).toMatchObject({ status: 429, body: { code: 'join-code-locked' } });
      // A kiosk that never typed a wrong code is refused too, with the site's twenty minutes.
      expect(await join(hub.test, latecomer, { code: hub.code })).toMatchObject({ status: 429, body: { code: 'join-code-locked', minutes: 20 } });
      expect(hub.test.logs.join('')).toMatch(/workshop joining locked after too many wrong codes at site/);
      clock.advance(siteJoinRule.lockMs);
      expect((await join(hub.test, latecomer, { code: hub.code })).status).toBe(200);
    } finally {
      await hub.test.close();
    }
  }, 120_000);
});
