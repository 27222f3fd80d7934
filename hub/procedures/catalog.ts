/**
 * The published procedures the hub serves to kiosks and describes to volunteers: the latest
 * published version of each, read from the database and kept in memory (kiosks, volunteers' call
 * views and the help queue read it on every request). A publication on this hub or on any other
 * (PostgreSQL: the change feed's NOTIFY) reloads it, and then `onChange` listeners (the WebSocket
 * endpoint, which tells the kiosks) are called with the new catalogue version.
 */
import type { Kysely } from 'kysely';
import { procedureSchema, type Procedure, type Step } from '../../core/procedure/schema.js';
import type { ChangeFeed } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import { catalogVersion } from './procedure-reads.js';

/** Published procedures by id. */
export interface ProcedureCatalog {
  list(): readonly Procedure[];
  get(id: string): Procedure | undefined;
  step(procedureId: string, stepId: string): Step | undefined;
  /** The catalogue version: the number of publications so far, the same on every hub. */
  version(): number;
  /** Calls `listener` after the published set was reloaded with a new version. */
  onChange(listener: (version: number) => void): () => void;
}

/** The catalogue a hub runs, which can also be told to reload now and to stop listening. */
export interface LiveProcedureCatalog extends ProcedureCatalog {
  /** Reloads from the database (after a publication on this hub, before answering staff). */
  refresh(): Promise<void>;
  close(): void;
}

interface Snapshot {
  version: number;
  procedures: Map<string, Procedure>;
}

async function loadSnapshot(db: Kysely<HubDatabase>, log: (message: string) => void): Promise<Snapshot> {
  const rows = await db
    .selectFrom('procedures')
    .innerJoin('procedure_versions', (join) => join.onRef('procedure_versions.procedure_id', '=', 'procedures.id').onRef('procedure_versions.version', '=', 'procedures.published_version'))
    .select(['procedures.id', 'procedure_versions.procedure_json'])
    .orderBy('procedures.id')
    .execute();
  const procedures = new Map<string, Procedure>();
  for (const row of rows) {
    // Stored after checking; parsed again so a row from an older schema cannot reach a kiosk half-valid.
    const parsed = procedureSchema.safeParse(JSON.parse(row.procedure_json));
    if (parsed.success) procedures.set(row.id, parsed.data);
    else log(`the published procedure ${row.id} no longer fits the schema and is not served: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return { version: await catalogVersion(db), procedures };
}

/** Loads the published set and keeps it up to date from the change feed. */
export async function openProcedureCatalog(db: Kysely<HubDatabase>, feed: ChangeFeed, log: (message: string) => void): Promise<LiveProcedureCatalog> {
  let snapshot = await loadSnapshot(db, log);
  const listeners = new Set<(version: number) => void>();
  let running: Promise<void> | undefined;
  let again = false;

  const reloadOnce = async (): Promise<void> => {
    const next = await loadSnapshot(db, log);
    const changed = next.version !== snapshot.version;
    snapshot = next;
    if (changed) for (const listener of listeners) listener(next.version);
  };
  // One reload at a time; a publication during a reload triggers one more, so the last one wins.
  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await reloadOnce();
        } while (again);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const refreshLogged = (): void => {
    refresh().catch((error: unknown) => log(`reloading the procedures failed: ${String(error)}`));
  };
  const unsubscribe = feed.subscribe((change) => {
    if (change.proceduresChanged) refreshLogged();
  });
  const unsubscribeMissed = feed.onMissedChanges(refreshLogged);

  return {
    list: () => [...snapshot.procedures.values()],
    get: (id) => snapshot.procedures.get(id),
    step: (procedureId, stepId) => snapshot.procedures.get(procedureId)?.steps.find((step) => step.id === stepId),
    version: () => snapshot.version,
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    close: () => {
      unsubscribe();
      unsubscribeMissed();
    },
  };
}
