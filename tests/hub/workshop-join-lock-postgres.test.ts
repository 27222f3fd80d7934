/**
 * The join-code lock (hub/workshops/join-code-lock.ts) on two hubs sharing one PostgreSQL: wrong
 * codes sent through both hubs, one after the other and all at once, count towards one lock.
 */
import { describe, expect, it } from 'vitest';
import { trainerWorkshopResponseSchema } from '../../core/protocol/workshop.js';
import { kioskJoinRule } from '../../hub/workshops/join-code-lock.js';
import { staffToken, volunteerToken, type TestHub } from './support/test-hub.js';
import { useTwoHubsOnPostgres } from './support/two-hubs.js';
import { callRoute, makeKiosks, wrongCodes } from './support/workshops.js';

describe('the join-code lock on two hubs sharing PostgreSQL', () => {
  const hubs = useTwoHubsOnPostgres();

  it('wrong codes through either hub count once; twenty at once look at no more than five', async () => {
    const staff = await staffToken(hubs.a.url);
    const [steady, burst] = (await makeKiosks(hubs.a.url, staff, 2)) as [string, string];
    const ana = await volunteerToken(hubs.a.url, 'Ana', false);
    const { code } = trainerWorkshopResponseSchema.parse(
      (await callRoute(hubs.a.url, 'startWorkshop', { token: ana, body: { lessonIds: ['practica-clave'] } })).body,
    ).workshop;
    const join = (hub: TestHub, token: string, tried: string) => callRoute(hub.url, 'kioskJoinWorkshop', { token, body: { code: tried } });

    const tried = wrongCodes(code, kioskJoinRule.maxWrong, 1000);
    for (const [index, wrong] of tried.slice(0, -1).entries()) expect((await join(index % 2 === 0 ? hubs.a : hubs.b, steady, wrong)).status).toBe(404);
    expect(await join(hubs.b, steady, tried.at(-1) ?? '')).toMatchObject({ status: 429, body: { code: 'join-code-locked', minutes: 5 } });
    expect(await join(hubs.a, steady, code)).toMatchObject({ status: 429, body: { code: 'join-code-locked' } });

    const answers = await Promise.all(wrongCodes(code, 20, 3000).map((wrong, index) => join(index % 2 === 0 ? hubs.a : hubs.b, burst, wrong)));
    expect(answers.filter((answer) => answer.status === 404).length).toBeLessThanOrEqual(kioskJoinRule.maxWrong - 1);
    expect(answers.every((answer) => answer.status === 404 || answer.status === 429)).toBe(true);
    expect((await join(hubs.b, burst, code)).status).toBe(429);
  }, 60_000);
});
