/**
 * Every new `#at=…` the address takes while the kiosk runs (staff moving a kiosk screen from step
 * to step, the fit scan): read, wiped from the address bar like the token, and handed to
 * `onRequest`. The fragment the page was loaded with is main.tsx's to read.
 */
import { useEffect, useRef } from 'react';
import { readOpenAt, type OpenAt, type OpenLook } from './open-at.js';

/** Calls `onRequest` with each place the address asks the kiosk to open at, `onLook` with each `at=here` look. */
export function useOpenAtRequests(onRequest: (at: OpenAt) => void, onLook: (look: OpenLook) => void): void {
  const latest = useRef({ onRequest, onLook });
  useEffect(() => {
    latest.current = { onRequest, onLook };
  });
  useEffect(() => {
    const onHashChange = (): void => {
      const request = readOpenAt(window.location.hash);
      if (request.kind === 'none') return;
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      if (request.kind === 'invalid') console.warn(`Paso a Paso: the kiosk cannot open there: ${request.problem}`);
      else if (request.kind === 'look') latest.current.onLook(request.look);
      else latest.current.onRequest(request.at);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
}
