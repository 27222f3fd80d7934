/**
 * The kiosk fleet, live, for the fleet page and the publish panel: read once over HTTP (so the
 * page shows at once, with its usual loading and failure states), then kept current by the hub's
 * WebSocket, which sends the fleet after the staff session's hello and whenever it changes (a
 * kiosk connecting, confirming the catalogue it holds or going away; a new catalogue). The socket
 * says hello with the staff session's token; a refused token ends the session like a 401 does.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { connectToHub } from '../../../core/protocol/hub-connection.js';
import type { FleetResponse } from '../../../core/protocol/staff-console.js';
import { websocketPath } from '../../../core/protocol/ws.js';
import { useTranslation } from 'react-i18next';
import { fetchFleet } from '../hub-api/staff-api.js';
import { failureText } from '../hub-api/failure-text.js';
import type { Loaded } from '../shared/use-hub-data.js';

/** What {@link useLiveFleet} gives a page. */
export interface LiveFleet {
  state: Loaded<FleetResponse>;
  /** Whether the live updates flow (false only while the socket reconnects after losing the hub). */
  live: boolean;
  /** Reads the fleet again over HTTP (after a failure). */
  reload: () => void;
}

/** The fleet, kept current while mounted; `onSessionEnded` when the hub no longer accepts the session. */
export function useLiveFleet(token: string, onSessionEnded: (message: string) => void): LiveFleet {
  const { t } = useTranslation();
  const [state, setState] = useState<Loaded<FleetResponse>>({ kind: 'loading' });
  const [live, setLive] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const ended = useRef(onSessionEnded);
  useEffect(() => {
    ended.current = onSessionEnded;
  }, [onSessionEnded]);
  // Whichever is newer (by the hub's clock) wins: a slow HTTP answer never hides a later push.
  const show = useCallback((fleet: FleetResponse) => {
    setState((before) => (before.kind === 'loaded' && before.value.serverNow > fleet.serverNow ? before : { kind: 'loaded', value: fleet }));
  }, []);

  useEffect(() => {
    let current = true;
    void fetchFleet(token).then((result) => {
      if (!current) return;
      if (result.ok) return show(result.value);
      const text = failureText(result.failure, t);
      if (text.sessionEnded) return ended.current(text.message);
      setState((before) => (before.kind === 'loaded' ? before : { kind: 'failed', message: text.message }));
    });
    return () => {
      current = false;
    };
    // `t` changes with the language; a new read is asked for by `attempt` alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, attempt, show]);

  useEffect(() => {
    const connection = connectToHub({
      url: `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}${websocketPath}`,
      token,
      createSocket: (url) => new WebSocket(url),
      setTimer: (callback, milliseconds) => window.setTimeout(callback, milliseconds),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      onStatus: (status) => {
        setLive(status !== 'reconnecting');
        if (status === 'refused') ended.current(t('errors.sessionEnded'));
      },
      onMessage: (message) => {
        if (message.type === 'staff.fleet') show(message.fleet);
      },
    });
    return () => connection.stop();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, show]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, live, reload };
}
