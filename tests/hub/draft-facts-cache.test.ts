/** The draft facts cache (hub/procedures/draft-facts-cache.ts): read once per text, a failed read forgotten. */
import { describe, expect, it } from 'vitest';
import { DraftFactsCache } from '../../hub/procedures/draft-facts-cache.js';

describe('DraftFactsCache', () => {
  it('reads a text once, however many lists ask', async () => {
    const cache = new DraftFactsCache();
    let reads = 0;
    const read = async () => {
      reads += 1;
      return { title: { es: 'Cita previa' } };
    };
    const [first, second] = await Promise.all([cache.factsOf('id: a', read), cache.factsOf('id: a', read)]);
    expect(first).toEqual({ title: { es: 'Cita previa' } });
    expect(second).toEqual({ title: { es: 'Cita previa' } });
    expect(await cache.factsOf('id: a', read)).toEqual({ title: { es: 'Cita previa' } });
    expect(reads).toBe(1);
  });

  it('a read that failed (a hub stopping, a budget overrun) shows no title once, and the next list reads again', async () => {
    const cache = new DraftFactsCache();
    expect(await cache.factsOf('id: b', () => Promise.reject(new Error('the hub is stopping')))).toEqual({});
    expect(await cache.factsOf('id: b', async () => ({ title: { es: 'Padrón' } }))).toEqual({ title: { es: 'Padrón' } });
    expect(cache.reads).toBe(2);
  });
});
