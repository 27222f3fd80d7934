/**
 * The workshops a member of staff may lead at the site they chose, live: the shared trainer's
 * state (renderer/ui/workshop-trainer/use-workshops.ts) fed by a socket of the staff session that
 * says, after every hello, which site its page watches (`staff.workshops`), so the hub pushes
 * that site's grids to it; the list is read again over HTTP at every (re)connect. A refused
 * token ends the session like a 401 does.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { connectToHub } from '../../../core/protocol/hub-connection.js';
import { useTranslation } from 'react-i18next';
import { websocketPath } from '../../../core/protocol/ws.js';
import { useWorkshops, type Workshops } from '../../ui/workshop-trainer/use-workshops.js';
import type { TrainerApi } from '../../ui/workshop-trainer/trainer-api.js';
import { staffTrainerApi } from './staff-trainer-api.js';

/** What {@link useStaffWorkshops} gives the page. */
export interface StaffWorkshops {
  api: TrainerApi;
  workshops: Workshops;
  /** Whether the live grid flows (false while the socket reconnects). */
  live: boolean;
}

/** The site's workshops for the staff member signed in with `token`, while mounted. */
export function useStaffWorkshops(token: string, siteId: string, onSessionEnded: (message: string) => void): StaffWorkshops {
  const { t } = useTranslation();
  const api = useMemo(() => staffTrainerApi(token, siteId), [token, siteId]);
  const workshops = useWorkshops(api);
  const [live, setLive] = useState(true);
  const listener = useRef(workshops.listener);
  useEffect(() => {
    listener.current = workshops.listener;
  }, [workshops.listener]);
  const ended = useRef(onSessionEnded);
  useEffect(() => {
    ended.current = onSessionEnded;
  }, [onSessionEnded]);

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
        if (status === 'open') {
          // Said after the hello on every (re)connect: the hub keeps no watch across sockets.
          connection.send({ type: 'staff.workshops', siteId });
          listener.current.onOpen();
        }
      },
      onMessage: (message) => listener.current.onMessage(message, Date.now()),
    });
    return () => connection.stop();
    // `t` changes with the language; the socket is the session's and the site's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token, siteId]);

  return { api, workshops, live };
}
