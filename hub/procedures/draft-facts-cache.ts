/**
 * The facts the procedure list shows of each draft (title, `lastVerified`), read once per draft
 * text rather than at every list: reading means parsing the whole YAML, and four 512 KB drafts
 * cost 2.1 s of the hub's thread at every list. Keyed by a hash of the text, so a draft is read
 * again only when it changes, whichever hub (or database) it came from; the reading itself is
 * done by whoever asks (the hub asks its check worker), never here.
 */
import { createHash } from 'node:crypto';
import type { DraftFacts } from '../../core/procedure/draft-facts.js';

/** Reads the facts of a draft text. */
export type DraftFactsReader = (source: string) => Promise<DraftFacts>;

/** Facts by draft text, the most recently used kept; a text being read is read once for every list waiting on it. */
export class DraftFactsCache {
  private readonly entries = new Map<string, Promise<DraftFacts>>();
  private readCount = 0;

  constructor(private readonly capacity = 500) {}

  /** How many texts had to be read so far (for tests: a list must not read what it already knows). */
  get reads(): number {
    return this.readCount;
  }

  /** The facts of `source`, read with `read` only if this text was never seen (or long forgotten). */
  factsOf(source: string, read: DraftFactsReader): Promise<DraftFacts> {
    const key = keyOf(source);
    const known = this.entries.get(key);
    if (known) {
      this.store(key, known);
      return known;
    }
    this.readCount += 1;
    // A reader that fails (a draft that overran the check budget, a hub stopping) shows no title
    // rather than failing the whole list, and is forgotten: the next list tries again, and a hub
    // stopping in this process never leaves other hubs a text without its title.
    const reading = read(source).catch((): DraftFacts => {
      if (this.entries.get(key) === reading) this.entries.delete(key);
      return {};
    });
    this.store(key, reading);
    return reading;
  }

  /** Records facts read elsewhere (the check worker reads them with each check), so the next list reads nothing. */
  remember(source: string, facts: DraftFacts): void {
    this.store(keyOf(source), Promise.resolve(facts));
  }

  /** Forgets everything, as a restarted hub has. */
  clear(): void {
    this.entries.clear();
  }

  private store(key: string, facts: Promise<DraftFacts>): void {
    this.entries.delete(key);
    this.entries.set(key, facts);
    // A Map iterates in insertion order: the first key is the least recently used.
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

function keyOf(source: string): string {
  return createHash('sha256').update(source).digest('base64');
}

/** The process's one cache; facts depend only on the text, so hubs in one process may share it. */
export const draftFactsCache = new DraftFactsCache();
