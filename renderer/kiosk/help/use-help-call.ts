/**
 * The kiosk's help call: the call's state as the hub pushes it over the page's one link
 * (hub-api/kiosk-link.tsx), the POST that creates it (with an idempotency key, retried while the hub
 * cannot be reached) and the cancel. What the senior sees comes from core/kiosk/help-call-status.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { isHelpCallOpen, nextHelpCallStatus, type HelpCallEvent, type HelpCallStatus } from '../../../core/kiosk/help-call-status.js';
import { pendingTakeOver, type TakeOverRequest } from '../../../core/kiosk/volunteer-take-over.js';
import type { KioskMode } from '../../../core/protocol/http.js';
import { cancelHelpCall, createHelpCall } from '../hub-api/kiosk-api.js';
import { useKioskLink } from '../hub-api/kiosk-link.js';

/** What the help button and panel need. */
export interface HelpCall {
  status: HelpCallStatus;
  open: boolean;
  /**
   * Asks for a volunteer at this step. `mode` says how the senior is using the kiosk (absent:
   * touch), so the volunteer knows to talk to someone who may not see the screen.
   */
  call(context: { procedureId: string; procedureVersion?: number; stepId: string; language: string; mode?: KioskMode }): void;
  cancel(): void;
  /** The volunteer who holds the call asked from their phone for this kiosk's volunteer mode: ask for their PIN. */
  takeOver: TakeOverRequest | undefined;
  /** The PIN dialog closed (signed in, or cancelled): the request is answered. */
  dismissTakeOver(): void;
}

const retryEveryMs = 5000;

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Keeps the kiosk's help call, from the page's link to the hub. */
export function useHelpCall(token: string, inPersonHelp: string): HelpCall {
  const inPerson = useRef(inPersonHelp);
  useEffect(() => {
    inPerson.current = inPersonHelp;
  }, [inPersonHelp]);
  const [status, dispatchWithPlace] = useReducer(
    (current: HelpCallStatus, action: { event: HelpCallEvent; inPersonHelp: string }) => nextHelpCallStatus(current, action.event, action.inPersonHelp),
    { kind: 'none' },
  );
  // Events come from handlers and timers only, so the site's sentence is read there, not in render.
  const dispatch = useCallback((event: HelpCallEvent): void => dispatchWithPlace({ event, inPersonHelp: inPerson.current }), []);
  const pending = useRef<{ body: Parameters<typeof createHelpCall>[1]; cancelled?: boolean } | undefined>(undefined);
  const [takeOver, setTakeOver] = useState<TakeOverRequest | undefined>(undefined);
  const link = useKioskLink();

  useEffect(() => {
    const unsubscribe = [
      link.on('kiosk.call', (message) => {
        // While our own POST is still on its way, the hub's "no call" snapshot is older news.
        if (!(message.call === null && pending.current)) dispatch({ type: 'hub-view', call: message.call });
      }),
      link.on('kiosk.take-over', (message) => setTakeOver({ callId: message.callId, volunteerName: message.volunteerName })),
      link.onStatus((value) => {
        if (value === 'reconnecting') dispatch({ type: 'hub-unreachable' });
      }),
    ];
    return () => {
      for (const stop of unsubscribe) stop();
    };
  }, [link, dispatch]);

  const send = useCallback(async (): Promise<void> => {
    const attempt = pending.current;
    if (!attempt) return;
    const response = await createHelpCall(token, attempt.body);
    // Cancelled (or the session ended) while the request was on its way: the hub made the call
    // all the same, and nobody must walk to a kiosk where nobody waits.
    if (attempt.cancelled) {
      if (response?.call) void cancelHelpCall(token, response.call.id);
      return;
    }
    if (pending.current !== attempt) return;
    if (response) {
      pending.current = undefined;
      dispatch({ type: 'hub-view', call: response.call });
    } else {
      dispatch({ type: 'hub-unreachable' });
    }
  }, [token, dispatch]);

  // "Calling…" turns into "cannot call now" after 2 s without an answer; meanwhile keep trying.
  useEffect(() => {
    if (status.kind !== 'calling' && status.kind !== 'unreachable') return;
    const tick = window.setInterval(() => dispatch({ type: 'tick', at: Date.now() }), 250);
    const retry = window.setInterval(() => void send(), retryEveryMs);
    return () => {
      window.clearInterval(tick);
      window.clearInterval(retry);
    };
  }, [status.kind, send, dispatch]);

  const call = useCallback<HelpCall['call']>(
    (context) => {
      if (pending.current || isHelpCallOpen(status)) return;
      pending.current = { body: { idempotencyKey: newIdempotencyKey(), ...context } };
      dispatch({ type: 'help-pressed', at: Date.now() });
      void send();
    },
    [send, status, dispatch],
  );

  const cancel = useCallback((): void => {
    if (pending.current) pending.current.cancelled = true;
    pending.current = undefined;
    const callId = 'callId' in status ? status.callId : undefined;
    dispatch({ type: 'cancel-pressed' });
    if (callId) void cancelHelpCall(token, callId);
  }, [status, token, dispatch]);

  const dismissTakeOver = useCallback((): void => setTakeOver(undefined), []);
  return { status, open: isHelpCallOpen(status), call, cancel, takeOver: pendingTakeOver(status, takeOver), dismissTakeOver };
}
