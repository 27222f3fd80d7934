/**
 * The facts the procedure list shows of each draft (title, `lastVerified`), read once per draft
 * text rather than at every list: reading means parsing the whole YAML, and four 512 KB drafts
 * cost 2.1 s of the hub's thread per list. Keyed by a hash of the text, so a draft is parsed
 * again only when it changes, whichever hub (or database) it came from.
 */
import { createHash } from 'node:crypto';
import { readDraftFacts, type DraftFacts } from '../../core/procedure/draft-facts.js';

/** Facts by draft text, the most recently used kept. */
export class DraftFactsCache {
  private readonly entries = new Map<string, DraftFacts>();

  constructor(
    private readonly read: (source: string) => DraftFacts = readDraftFacts,
    private readonly capacity = 500,
  ) {}

  /** The facts of `source`, parsed only if this text was never seen (or long forgotten). */
  factsOf(source: string): DraftFacts {
    const key = keyOf(source);
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const facts = this.read(source);
    this.store(key, facts);
    return facts;
  }

  /** Records facts read elsewhere (the check worker reads them with the check), so the next list does not parse. */
  remember(source: string, facts: DraftFacts): void {
    this.store(keyOf(source), facts);
  }

  private store(key: string, facts: DraftFacts): void {
    this.entries.delete(key);
    this.entries.set(key, facts);
    // A Map iterates in insertion order: the first key is the least recently used.
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

function keyOf(source: string): string {
  return createHash('sha256').update(source).digest('base64');
}

/** The hub's one cache; facts depend only on the text, so hubs in one process may share it. */
export const draftFactsCache = new DraftFactsCache();
