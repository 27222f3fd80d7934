/**
 * What each side is shown of a call. Pure: rows in, views out. The volunteer's view never holds
 * the senior's answers (the hub never has them) nor anything of a sensitive step.
 */
import { estimateWaitSeconds } from '../../core/help-call/estimate.js';
import { unacceptedStates, type CallState } from '../../core/help-call/states.js';
import type { KioskCallView, VolunteerCallView } from '../../core/protocol/http.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import type { CallRow } from './call-rows.js';

/** What the kiosk view needs beyond the call rows of its site. */
export interface KioskViewContext {
  recentAcceptSeconds: readonly number[];
  availableVolunteers: number;
  inPersonHelp: string;
}

/** The first name, which is all a senior is told of their volunteer. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** The kiosk's view of its call, with its place among the site's unaccepted calls. */
export function kioskCallView(call: CallRow, siteRows: readonly CallRow[], context: KioskViewContext): KioskCallView {
  const state = call.state as CallState;
  const view: KioskCallView = { id: call.id, state };
  if (unacceptedStates.includes(state)) {
    const queue = siteRows.filter((row) => unacceptedStates.includes(row.state as CallState));
    const position = Math.max(1, queue.findIndex((row) => row.id === call.id) + 1);
    view.position = position;
    view.estimatedWaitSeconds = estimateWaitSeconds(context.recentAcceptSeconds, position, context.availableVolunteers);
  }
  if (call.volunteer_name && (state === 'accepted' || state === 'arrived' || state === 'resolved')) view.volunteerName = firstName(call.volunteer_name);
  if (state === 'escalated') view.inPersonHelp = context.inPersonHelp;
  if (call.outcome) view.outcome = call.outcome as KioskCallView['outcome'];
  return view;
}

/** A volunteer's view of a call: where, which procedure and step, what usually goes wrong there. */
export function volunteerCallView(call: CallRow, viewer: { volunteerId: string; offeredToMe: boolean }, catalog: ProcedureCatalog): VolunteerCallView {
  const procedure = catalog.get(call.procedure_id);
  const step = catalog.step(call.procedure_id, call.step_id);
  const sensitive = step?.sensitive === true;
  const view: VolunteerCallView = {
    id: call.id,
    state: call.state as CallState,
    kioskName: call.kiosk_name,
    kioskLocation: call.kiosk_location,
    procedureTitle: procedure?.title ?? { es: call.procedure_id },
    // A sensitive step's content never reaches a volunteer's device: not its title, not its notes.
    stepTitle: sensitive ? null : (step?.title ?? { es: call.step_id }),
    sensitiveStep: sensitive,
    commonProblems: sensitive ? [] : (step?.commonProblems ?? []),
    language: call.language,
    // Only the two names are ever written; anything else would be a row no hub made: say touch.
    mode: call.mode === 'spoken' ? 'spoken' : 'touch',
    createdAt: call.created_at,
    mine: call.volunteer_id === viewer.volunteerId,
    offeredToMe: viewer.offeredToMe,
  };
  if (call.accepted_at !== null) view.acceptedAt = call.accepted_at;
  if (call.volunteer_name) view.volunteerName = firstName(call.volunteer_name);
  if (call.outcome) view.outcome = call.outcome as VolunteerCallView['outcome'];
  return view;
}
