/**
 * Every new `#at=…` the address takes while the kiosk runs (staff moving a kiosk screen from step
 * to step, the fit scan): read, wiped from the address bar like the token, and handed to
 * `onRequest`. The fragment the page was loaded with is main.tsx's to read.
 */
import { useEffect, useRef } from 'react';
import { readOpenAt, type OpenAt } from './open-at.js';

/** Calls `onRequest` with each place the address asks the kiosk to open at. */
export function useOpenAtRequests(onRequest: (at: OpenAt) => void): void {
  const latest = useRef(onRequest);
  useEffect(() => {
    latest.current = onRequest;
  });
  useEffect(() => {
    const onHashChange = (): void => {
      const request = readOpenAt(window.location.hash);
      if (request.kind === 'none') return;
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      if (request.kind === 'invalid') console.warn(`Paso a Paso: the kiosk cannot open there: ${request.problem}`);
      else latest.current(request.at);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
}
