/**
 * What the kiosk shows and says about its help call, from what the hub pushed and whether the
 * hub can be reached. Pure: the kiosk feeds it events with their time and renders the result.
 * If the hub does not answer within two seconds the senior is told so at once, with where to
 * ask in person, while the kiosk keeps trying in the background.
 */
import type { KioskCallView } from '../protocol/http.js';

/** How long the kiosk waits for the hub before saying it cannot be reached. */
export const unreachableAfterMs = 2000;

/** What the help panel shows. */
export type HelpCallStatus =
  | { kind: 'none' }
  | { kind: 'calling'; since: number }
  | { kind: 'queued'; callId: string; position: number; estimatedWaitSeconds: number }
  | { kind: 'coming'; callId: string; volunteerName: string }
  | { kind: 'arrived'; callId: string; volunteerName: string }
  | { kind: 'nobody-came'; callId: string; inPersonHelp: string }
  | { kind: 'unreachable'; inPersonHelp: string; stillTrying: boolean }
  | { kind: 'closed'; callId: string };

/** Something that happened to the call. */
export type HelpCallEvent =
  | { type: 'help-pressed'; at: number }
  | { type: 'hub-view'; call: KioskCallView | null }
  | { type: 'hub-unreachable' }
  | { type: 'tick'; at: number }
  | { type: 'cancel-pressed' };

/** Turns the hub's view of the call into what the senior sees. */
export function statusFromView(call: KioskCallView | null, inPersonHelp: string): HelpCallStatus {
  if (!call) return { kind: 'none' };
  switch (call.state) {
    case 'waiting':
    case 'offered':
      return { kind: 'queued', callId: call.id, position: call.position ?? 1, estimatedWaitSeconds: call.estimatedWaitSeconds ?? 0 };
    case 'accepted':
      return { kind: 'coming', callId: call.id, volunteerName: call.volunteerName ?? '' };
    case 'arrived':
      return { kind: 'arrived', callId: call.id, volunteerName: call.volunteerName ?? '' };
    case 'escalated':
      return { kind: 'nobody-came', callId: call.id, inPersonHelp: call.inPersonHelp ?? inPersonHelp };
    case 'resolved':
    case 'cancelled':
    case 'expired':
      return { kind: 'closed', callId: call.id };
  }
}

/** The next status after an event. `inPersonHelp` is the site's sentence, cached for when the hub is gone. */
export function nextHelpCallStatus(status: HelpCallStatus, event: HelpCallEvent, inPersonHelp: string): HelpCallStatus {
  switch (event.type) {
    case 'help-pressed':
      return status.kind === 'none' || status.kind === 'closed' ? { kind: 'calling', since: event.at } : status;
    case 'hub-view':
      return statusFromView(event.call, inPersonHelp);
    case 'hub-unreachable':
      return status.kind === 'none' || status.kind === 'closed' ? status : { kind: 'unreachable', inPersonHelp, stillTrying: true };
    case 'tick':
      return status.kind === 'calling' && event.at - status.since >= unreachableAfterMs ? { kind: 'unreachable', inPersonHelp, stillTrying: true } : status;
    case 'cancel-pressed':
      return { kind: 'none' };
  }
}

/**
 * True while the call keeps the session alive (no idle wipe): a person is on the way or may yet
 * accept. Not when the hub cannot be reached: then nobody is coming through the kiosk, the
 * senior was sent to ask in person, and their answers must not stay on an unattended screen.
 */
export function isHelpCallOpen(status: HelpCallStatus): boolean {
  return status.kind !== 'none' && status.kind !== 'closed' && status.kind !== 'unreachable';
}

/**
 * Whether a help call's status shows in the help button's own box, in a few words, rather than
 * in a panel above it: where the panel's row would take the room a step needs, on screens up to
 * 800 px tall at every text size, and up to 1,024 px tall at 64 px (the fit matrix found a
 * sentence at 64 px that no part could hold beside the panel on a 1280×1024 screen).
 */
export function helpStatusInButton(viewportHeight: number, textSize: number): boolean {
  return viewportHeight <= 800 || (viewportHeight <= 1024 && textSize >= 64);
}
