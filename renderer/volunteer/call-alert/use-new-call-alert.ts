/**
 * Rings once for each call newly offered to this volunteer: a call that is offered to them and
 * still waiting, and that has not rung before on this page (a snapshot after a reconnect does
 * not ring again for the same call).
 */
import { useEffect, useRef } from 'react';
import type { VolunteerCallView } from '../../../core/protocol/http.js';
import { nextAction } from '../call-card/call-state.js';
import type { CallAlert } from '../../ui/call-alert.js';

/** Rings `alert` when `calls` holds a call offered to me that has not rung yet. */
export function useNewCallAlert(calls: readonly VolunteerCallView[], alert: CallAlert): void {
  const rung = useRef(new Set<string>());
  useEffect(() => {
    const fresh = calls.filter((call) => call.offeredToMe && nextAction(call) === 'accept' && !rung.current.has(call.id));
    if (fresh.length === 0) return;
    for (const call of fresh) rung.current.add(call.id);
    alert.ring();
  }, [calls, alert]);
}
