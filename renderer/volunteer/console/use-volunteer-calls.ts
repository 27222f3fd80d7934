/**
 * Keeps the console connected to the hub's WebSocket and holds the site's calls. Pushes arrive
 * over the socket (`volunteer.calls` snapshots, `volunteer.call` updates); the answers to the
 * volunteer's own HTTP commands are applied at once too, so a tap never waits for the push.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { connectToHub, type HubConnection } from '../../../core/protocol/hub-connection.js';
import type { VolunteerCallView, VolunteerCallsResponse } from '../../../core/protocol/http.js';
import { websocketPath } from '../../../core/protocol/ws.js';
import type { HubListener } from '../../ui/workshop-trainer/use-workshops.js';
import { callsReducer, initialCallsState, type CallsState } from './calls-state.js';

/** What {@link useVolunteerCalls} gives the console. */
export interface VolunteerCalls extends CallsState {
  /** Shows a call as a command's answer returned it. */
  applyCall(call: VolunteerCallView): void;
  /** Replaces the list with one fetched over HTTP. */
  applySnapshot(response: VolunteerCallsResponse): void;
  /** Shows the availability the hub confirmed. */
  applyAvailable(available: boolean): void;
}

/** How often closed calls are looked at to take them off the list. */
const pruneEveryMs = 5_000;

/** The hub's WebSocket address, on the same host as the page. */
export function websocketUrl(page: Pick<Location, 'protocol' | 'host'>): string {
  return `${page.protocol === 'https:' ? 'wss:' : 'ws:'}//${page.host}${websocketPath}`;
}

// The same link's other pushes (a workshop's grid) and its reopening are heard by a listener, so the console keeps one socket.
export type { HubListener };

/**
 * Connects with `token` while mounted; `onRefused` runs when the hub no longer accepts the token;
 * `listener` hears every push too (the workshop page's grid rides on the same socket).
 */
export function useVolunteerCalls(token: string, initiallyAvailable: boolean, onRefused: () => void, listener?: HubListener): VolunteerCalls {
  const [state, dispatch] = useReducer(callsReducer, initiallyAvailable, initialCallsState);
  const refused = useRef(onRefused);
  useEffect(() => {
    refused.current = onRefused;
  }, [onRefused]);
  const heard = useRef(listener);
  useEffect(() => {
    heard.current = listener;
  }, [listener]);

  useEffect(() => {
    const connection: HubConnection = connectToHub({
      url: websocketUrl(window.location),
      token,
      createSocket: (url) => new WebSocket(url),
      setTimer: (callback, milliseconds) => window.setTimeout(callback, milliseconds),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      onStatus: (status) => {
        dispatch({ type: 'connection', status });
        if (status === 'refused') refused.current();
        if (status === 'open') heard.current?.onOpen();
      },
      onMessage: (message) => {
        const at = Date.now();
        if (message.type === 'welcome') dispatch({ type: 'welcome', demo: message.demo });
        if (message.type === 'volunteer.calls')
          dispatch({ type: 'snapshot', calls: message.calls, serverNow: message.serverNow, available: message.available, at });
        if (message.type === 'volunteer.call') dispatch({ type: 'call', call: message.call, serverNow: message.serverNow, at });
        heard.current?.onMessage(message, at);
      },
    });
    // A phone coming back from sleep may have missed pushes while its socket still looks open.
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') connection.resync();
    };
    document.addEventListener('visibilitychange', onVisible);
    const pruning = window.setInterval(() => dispatch({ type: 'tick', at: Date.now() }), pruneEveryMs);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.clearInterval(pruning);
      connection.stop();
    };
  }, [token]);

  const applyCall = useCallback((call: VolunteerCallView) => dispatch({ type: 'call', call, at: Date.now() }), []);
  const applySnapshot = useCallback(
    (response: VolunteerCallsResponse) =>
      dispatch({ type: 'snapshot', calls: response.calls, serverNow: response.serverNow, available: response.available, at: Date.now() }),
    [],
  );
  const applyAvailable = useCallback((available: boolean) => dispatch({ type: 'available', available }), []);
  return { ...state, applyCall, applySnapshot, applyAvailable };
}
