/**
 * The kiosk's published procedures, kept current without a restart. The hub names the current
 * catalogue version over the WebSocket (`procedures-changed`: at every connect, at every
 * publication, and in answer to the minute's confirmation when the kiosk is behind); the kiosk
 * downloads the set when it holds another (core/kiosk/catalogue-sync.ts: one download at a time,
 * never going back, retried when it fails) and swaps it in only at a safe point: never under a
 * senior who is inside a procedure (they finish with the version they started), only once the
 * session is back at the catalogue or has ended.
 *
 * The kiosk confirms to the hub the catalogue version it holds as soon as it has downloaded it
 * (in its hello and `kiosk.status`, through the page's one link: kiosk-link.tsx), for the staff
 * fleet page and the publish panel's count. A version number only: nothing of a session.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createCatalogueSync, type CatalogueSync } from '../../../core/kiosk/catalogue-sync.js';
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
  /** Downloads the set now (shown at once on the kiosk's first load); undefined when the hub cannot be reached. */
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
  const loading = useRef<Promise<ProcedureSet | undefined> | undefined>(undefined);
  const sync = useRef<CatalogueSync<ProcedureSet> | undefined>(undefined);
  // The first set is shown at once (the page may open inside a procedure, at `#at=`); later ones wait for the safe point.
  const shown = useRef(false);
  const link = useKioskLink();

  // The safe point: outside a procedure, the waiting set replaces the one on screen (adjusted
  // while rendering, so the screen never shows the old set after the senior left the procedure).
  if (safeToSwap && pending !== undefined) {
    setCurrent(pending);
    setPending(undefined);
  }

  useEffect(() => {
    const catalogue = createCatalogueSync<ProcedureSet>({
      // The first load may be on its way (or done) with the version named: one download, not two.
      download: async (wanted) => {
        const first = await loading.current;
        return first && first.version >= wanted ? first : fetchProcedureSet(token);
      },
      onNewer: (set) => {
        if (shown.current) setPending(set);
        else setCurrent(set);
        shown.current = true;
        // Confirmed as soon as it is held; a senior inside a procedure sees it when they finish.
        link.report({ proceduresVersion: set.version });
      },
      setTimer: (callback, milliseconds) => window.setTimeout(callback, milliseconds),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      retryAfterMs,
    });
    sync.current = catalogue;
    const unsubscribe = link.on('procedures-changed', (message) => catalogue.heard(message.version));
    return () => {
      catalogue.stop();
      unsubscribe();
      if (sync.current === catalogue) sync.current = undefined;
    };
  }, [token, link]);

  const load = useCallback(async (): Promise<Procedure[] | undefined> => {
    const fetching = fetchProcedureSet(token);
    loading.current = fetching;
    const set = await fetching;
    if (!set) return undefined;
    if (sync.current) sync.current.loaded(set);
    else if (!shown.current) {
      shown.current = true;
      setCurrent(set);
    }
    return set.procedures;
  }, [token]);

  return { procedures: current?.procedures ?? noProcedures, version: current?.version, load };
}

const noProcedures: Procedure[] = [];
