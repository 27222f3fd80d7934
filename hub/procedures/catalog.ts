/**
 * The published procedures the hub serves to kiosks and describes to volunteers: the latest
 * published version of each, read from the database and kept in memory (kiosks, volunteers' call
 * views and the help queue read it on every request). A publication on this hub or on any other
 * (PostgreSQL: the change feed's NOTIFY) reloads it, and then `onChange` listeners (the WebSocket
 * endpoint, which tells the kiosks) are called with the new catalogue version. Preparers (the
 * audio of the new wording) run first, for at most a time budget, so a kiosk told of a new
 * version finds its audio ready: the version and its audio travel together.
 */
import type { Kysely } from 'kysely';
import { catalogueAnalysisBudgetMs, unsafePatternMessage, withoutUnsafePatterns, type AnalysisBudget } from '../../core/procedure/pattern-safety.js';
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
  /** Calls `listener` after the published set was reloaded with a new version (and prepared). */
  onChange(listener: (version: number) => void): () => void;
  /**
   * Runs `prepare` with the procedures a reload added or changed, before `onChange` listeners
   * hear of it; they wait for it for at most the catalogue's budget, and a failure is logged.
   */
  beforeAnnouncing(prepare: (changes: readonly ProcedureChange[]) => Promise<void>): () => void;
}

/** A procedure a reload added or changed, with the version it replaces. */
export interface ProcedureChange {
  procedure: Procedure;
  /** Undefined for a procedure published for the first time. */
  previous: Procedure | undefined;
}

/** How long kiosks wait for a publication's preparation (its audio) before they are told anyway. */
export const defaultAnnounceBudgetMs = 20_000;

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
    .innerJoin('procedure_versions', (join) =>
      join.onRef('procedure_versions.procedure_id', '=', 'procedures.id').onRef('procedure_versions.version', '=', 'procedures.published_version'),
    )
    .select(['procedures.id', 'procedure_versions.procedure_json'])
    .orderBy('procedures.id')
    .execute();
  const procedures = new Map<string, Procedure>();
  // Analysing patterns runs on the hub's thread: bounded per load (core/procedure/pattern-safety.ts).
  const patternBudget: AnalysisBudget = { now: () => performance.now(), leftMs: catalogueAnalysisBudgetMs };
  for (const row of rows) {
    // Stored after checking; parsed again so a row from an older schema cannot reach a kiosk half-valid.
    const parsed = procedureSchema.safeParse(JSON.parse(row.procedure_json));
    if (parsed.success) {
      const { procedure, unsafe, unchecked } = withoutUnsafePatterns(parsed.data, patternBudget);
      for (const stepId of unsafe)
        log(
          `the published procedure ${row.id}, step "${stepId}": ${unsafePatternMessage}; until a version without it is published, kiosks check that answer by its format only`,
        );
      for (const stepId of unchecked)
        log(
          `the published procedure ${row.id}, step "${stepId}": its pattern was not analysed yet (too many new patterns at once), so kiosks check that answer by its format only until the catalogue loads again`,
        );
      procedures.set(row.id, procedure);
    } else log(`the published procedure ${row.id} no longer fits the schema and is not served: ${parsed.error.issues[0]?.message ?? ''}`);
  }
  return { version: await catalogVersion(db), procedures };
}

/** Loads the published set and keeps it up to date from the change feed. */
export async function openProcedureCatalog(
  db: Kysely<HubDatabase>,
  feed: ChangeFeed,
  log: (message: string) => void,
  options: { announceBudgetMs?: number } = {},
): Promise<LiveProcedureCatalog> {
  let snapshot = await loadSnapshot(db, log);
  const listeners = new Set<(version: number) => void>();
  const preparers = new Set<(changes: readonly ProcedureChange[]) => Promise<void>>();
  let running: Promise<void> | undefined;
  let again = false;
  let announced = snapshot.version;

  const announce = (version: number): void => {
    // Two publications close together may finish preparing out of order: never go back.
    if (version <= announced) return;
    announced = version;
    for (const listener of listeners) listener(version);
  };
  const prepareAndAnnounce = async (version: number, changed: readonly ProcedureChange[]): Promise<void> => {
    const preparing = [...preparers].map((prepare) => prepare(changed).catch((error: unknown) => log(`preparing the new procedures failed: ${String(error)}`)));
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.announceBudgetMs ?? defaultAnnounceBudgetMs)));
    await Promise.race([Promise.all(preparing), budget]);
    clearTimeout(timer);
    announce(version);
  };

  const reloadOnce = async (): Promise<void> => {
    const next = await loadSnapshot(db, log);
    const changed = next.version !== snapshot.version;
    const previous = snapshot;
    // Staff and newly connecting kiosks read the new set at once; only the push waits.
    snapshot = next;
    if (!changed) return;
    const changedProcedures = [...next.procedures.values()]
      .map((procedure) => ({ procedure, previous: previous.procedures.get(procedure.id) }))
      .filter(({ procedure, previous: before }) => JSON.stringify(before) !== JSON.stringify(procedure));
    if (preparers.size === 0 || changedProcedures.length === 0) announce(next.version);
    else void prepareAndAnnounce(next.version, changedProcedures);
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
    beforeAnnouncing: (prepare) => {
      preparers.add(prepare);
      return () => preparers.delete(prepare);
    },
    refresh,
    close: () => {
      unsubscribe();
      unsubscribeMissed();
    },
  };
}
