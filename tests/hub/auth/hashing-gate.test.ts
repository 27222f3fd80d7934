/** The bound on concurrent password hashing: two at once, a bounded queue, a plain refusal past it. */
import { describe, expect, it } from 'vitest';
import { HashingBusy, hashingGate } from '../../../hub/auth/hashing-gate.js';

/** Work that ends when told to. */
function pending(): { work: () => Promise<void>; finish: () => void; started: () => boolean } {
  let finish = (): void => undefined;
  let begun = false;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: () => {
      begun = true;
      return done;
    },
    finish: () => finish(),
    started: () => begun,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the hashing gate', () => {
  it('runs two at once, queues three, and refuses the sixth at once with plain words', async () => {
    const gate = hashingGate(2, 3);
    const jobs = Array.from({ length: 5 }, pending);
    const runs = jobs.map((job) => gate.run(job.work));
    await tick();
    expect(jobs.map((job) => job.started())).toEqual([true, true, false, false, false]);
    expect(gate.load()).toEqual({ running: 2, waiting: 3 });
    expect(gate.hasRoom()).toBe(false);
    await expect(gate.run(async () => 'never')).rejects.toEqual(new HashingBusy());
    expect(new HashingBusy().message).toBe('The hub is busy checking other sign-ins. Try again in a few seconds.');
    jobs[0]?.finish();
    await tick();
    expect(jobs.map((job) => job.started())).toEqual([true, true, true, false, false]);
    for (const job of jobs) job.finish();
    await Promise.all(runs);
    await tick();
    expect(gate.load()).toEqual({ running: 0, waiting: 0 });
  });

  it('lets staff setting a PIN wait behind a full queue instead of failing', async () => {
    const gate = hashingGate(1, 0);
    const first = pending();
    const running = gate.run(first.work);
    const waiting = gate.run(async () => 'hashed', true);
    first.finish();
    await running;
    expect(await waiting).toBe('hashed');
  });

  it('a failed hash gives its place back', async () => {
    const gate = hashingGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('scrypt failed')))).rejects.toThrow('scrypt failed');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
