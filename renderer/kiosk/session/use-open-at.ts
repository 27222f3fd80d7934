/**
 * Where the kiosk is asked to open (see open-at.ts): first the fragment it was loaded with, then
 * any new `#at=…` the address takes while it runs (staff moving a kiosk screen from step to
 * step, the fit scan), each wiped from the address bar once read.
 */
import { useCallback, useEffect, useState } from 'react';
import { readOpenAt, type OpenAt } from './open-at.js';

/** The place asked for and not opened yet, and the call that says it has been. */
export function usePendingOpenAt(initial: OpenAt | undefined): { pending: OpenAt | undefined; opened: () => void } {
  const [pending, setPending] = useState<OpenAt | undefined>(initial);
  useEffect(() => {
    const onHashChange = (): void => {
      const request = readOpenAt(window.location.hash);
      if (request.kind === 'none') return;
      // Like the token, not left in the address bar or the history.
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      if (request.kind === 'invalid') console.warn(`Paso a Paso: the kiosk cannot open there: ${request.problem}`);
      else setPending(request.at);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const opened = useCallback(() => setPending(undefined), []);
  return { pending, opened };
}
