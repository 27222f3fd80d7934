/**
 * The kiosk's published procedures, kept current without a restart. The hub pushes
 * `procedures-changed` with the catalogue version over the WebSocket (at every connect and at
 * every publication); when it differs from the set on screen the kiosk downloads the new set and
 * swaps it in only at a safe point: never under a senior who is inside a procedure (they finish
 * with the version they started), only once the session is back at the catalogue or has ended.
 * A download that fails keeps what the kiosk has and is tried again a little later.
 *
 * The kiosk reports the catalogue version it runs to the hub (in its hello and `kiosk.status`,
 * through the page's one link: kiosk-link.tsx) for the staff fleet page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { readPublishedProcedure } from '../../../core/procedure/light-procedure.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { readProceduresResponse } from '../../../core/protocol/kiosk-answers.js';
import { kioskCall } from './kiosk-api.js';
import { useKioskLink } from './kiosk-link.js';

/** A published set and its catalogue version. */
export interface ProcedureSet {
  version: number;
  procedures: Procedure[];
}

/** What the kiosk gets from {@link useProcedures}. */
export interface KioskProcedures {
  /** The set on screen (empty until the first download). */
  procedures: Procedure[];
  /** Its catalogue version, once known. */
  version: number | undefined;
  /** Downloads the set now and shows it at once (the kiosk's first load); undefined when the hub cannot be reached. */
  load(): Promise<Procedure[] | undefined>;
}

const retryAfterMs = 30_000;

/**
 * Downloads the published set; every procedure is checked again here (its shape: the hub checked
 * the rest when it was published), and one that does not fit is left out.
 */
export async function fetchProcedureSet(token: string, timeoutMs = 10_000): Promise<ProcedureSet | undefined> {
  const set = await kioskCall('procedures', token, readProceduresResponse, { timeoutMs });
  if (!set) return undefined;
  return { version: set.version, procedures: set.procedures.flatMap((raw) => readPublishedProcedure(raw) ?? []) };
}

/** Keeps the kiosk's procedures current; `safeToSwap` is true outside a procedure. */
export function useProcedures(token: string, safeToSwap: boolean): KioskProcedures {
  const [current, setCurrent] = useState<ProcedureSet | undefined>(undefined);
  const [pending, setPending] = useState<ProcedureSet | undefined>(undefined);
  const currentRef = useRef<ProcedureSet | undefined>(undefined);
  const pendingRef = useRef<ProcedureSet | undefined>(undefined);
  const loading = useRef<Promise<unknown> | undefined>(undefined);
  const link = useKioskLink();

  // The set on screen changed: remember it for the socket's callbacks and tell the hub.
  useEffect(() => {
    currentRef.current = current;
    if (current && pendingRef.current && pendingRef.current.version <= current.version) pendingRef.current = undefined;
    if (current) link.report({ proceduresVersion: current.version });
  }, [current, link]);

  // The safe point: outside a procedure, the waiting set replaces the one on screen (adjusted
  // while rendering, so the screen never shows the old set after the senior left the procedure).
  if (safeToSwap && pending !== undefined) {
    setCurrent(pending);
    setPending(undefined);
  }

  const load = useCallback(async (): Promise<Procedure[] | undefined> => {
    const fetching = fetchProcedureSet(token);
    loading.current = fetching;
    const set = await fetching;
    if (!set) return undefined;
    if (currentRef.current === undefined || set.version >= currentRef.current.version) {
      currentRef.current = set;
      setCurrent(set);
    }
    return set.procedures;
  }, [token]);

  useEffect(() => {
    let stopped = false;
    let retry: number | undefined;
    let wanted: number | undefined;
    const download = async (): Promise<void> => {
      window.clearTimeout(retry);
      // The first load may be on its way: one download at start, not two.
      await loading.current;
      const target = wanted;
      if (target === undefined || target === currentRef.current?.version || target === pendingRef.current?.version) return;
      const set = await fetchProcedureSet(token);
      if (stopped) return;
      if (!set) {
        // Keep what we have; try again later (a reconnect or the next publication also tries).
        retry = window.setTimeout(() => void download(), retryAfterMs);
        return;
      }
      if (set.version === currentRef.current?.version) return;
      pendingRef.current = set;
      setPending(set);
    };
    // At every (re)connect and every publication the hub says which version is current.
    const unsubscribe = link.on('procedures-changed', (message) => {
      wanted = message.version;
      void download();
    });
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      unsubscribe();
    };
  }, [token, link]);

  return { procedures: current?.procedures ?? noProcedures, version: current?.version, load };
}

const noProcedures: Procedure[] = [];
