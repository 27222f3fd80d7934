/**
 * At most a few password hashes at once. scrypt runs on libuv's thread pool (four threads by
 * default), the same pool that reads the files the hub serves (/audio/, the UIs): 24 sign-ins at
 * once filled it and one MP3 took 8.8 s instead of 215 ms. Hashes beyond `concurrency` wait in a
 * bounded queue; past that, a sign-in is refused at once rather than waiting without end.
 */

/** The queue of hashes is full: the hub is refusing sign-ins for a moment. */
export class HashingBusy extends Error {
  constructor() {
    super('The hub is busy checking other sign-ins. Try again in a few seconds.');
    this.name = 'HashingBusy';
  }
}

/** A bound on concurrent work, with a bounded queue. */
export interface HashingGate {
  /**
   * Runs `work` when a place is free; throws HashingBusy at once when the queue is full, unless
   * `alwaysWait` (staff setting a PIN or password wait their turn rather than fail under a flood).
   */
  run<T>(work: () => Promise<T>, alwaysWait?: boolean): Promise<T>;
  /** Whether a new hash would be queued rather than refused. */
  hasRoom(): boolean;
  /** Hashes running and waiting now. */
  load(): { running: number; waiting: number };
}

/** A gate letting `concurrency` hashes run at once, with at most `maxWaiting` more waiting. */
export function hashingGate(concurrency: number, maxWaiting: number): HashingGate {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async run<T>(work: () => Promise<T>, alwaysWait = false): Promise<T> {
      if (running < concurrency) running += 1;
      else if (waiting.length >= maxWaiting && !alwaysWait) throw new HashingBusy();
      // The place is handed over by release(): `running` stays the same when one ends and the next starts.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
    hasRoom: () => running < concurrency || waiting.length < maxWaiting,
    load: () => ({ running, waiting: waiting.length }),
  };
}
