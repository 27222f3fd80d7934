/**
 * The staff analytics, assembled from the anonymous kiosk events and the help calls of a date
 * range: per procedure a funnel (started → each step reached → completed), where seniors called
 * for help, were wiped by the idle rule or gave up, and how quickly volunteers accepted and
 * arrived. Pure: the hub's SQL only groups and counts rows; ordering, medians and totals are here.
 */
import type { AnalyticsResponse, ProcedureFigures, StepFigures } from '../protocol/staff-console.js';
import type { LocalizedText } from '../procedure/schema.js';

/** Events of one type at one procedure and step, as SQL groups them. */
export interface EventCount {
  type: string;
  procedureId: string | null;
  stepId: string | null;
  /** How many events. */
  events: number;
  /** How many distinct sessions sent them. */
  sessions: number;
}

/** One help call's times (milliseconds since 1970). */
export interface CallTimes {
  procedureId: string;
  createdAt: number;
  acceptedAt: number | null;
  arrivedAt: number | null;
  escalatedAt: number | null;
}

/** What the published script says about a procedure, for titles and step order. */
export interface ProcedureOutline {
  title: LocalizedText;
  steps: readonly { id: string; title: LocalizedText }[];
}

/** Everything the figures are made from. */
export interface AnalyticsInput {
  from: string;
  to: string;
  events: readonly EventCount[];
  /** Distinct sessions with any event in the range. */
  sessions: number;
  calls: readonly CallTimes[];
  outline: (procedureId: string) => ProcedureOutline | undefined;
}

/** The median of some numbers, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

const seconds = (milliseconds: number): number => Math.round(milliseconds / 100) / 10;

function callMedians(calls: readonly CallTimes[]): { medianAcceptSeconds: number | null; medianArriveSeconds: number | null } {
  const accept = calls.flatMap((call) => (call.acceptedAt === null ? [] : [call.acceptedAt - call.createdAt]));
  const arrive = calls.flatMap((call) => (call.acceptedAt === null || call.arrivedAt === null ? [] : [call.arrivedAt - call.acceptedAt]));
  const a = median(accept);
  const b = median(arrive);
  return { medianAcceptSeconds: a === null ? null : seconds(a), medianArriveSeconds: b === null ? null : seconds(b) };
}

/**
 * Builds the analytics answer. Started, reached and completed count sessions (a senior going
 * back and forth reaches a step once); help calls, idle resets and abandonments count events.
 * Procedures appear when they have events or calls; the kiosk's own catalogue calls (procedure
 * `kiosk`) count in the totals only.
 */
export function buildAnalytics(input: AnalyticsInput): AnalyticsResponse {
  const ids = new Set<string>();
  for (const event of input.events) if (event.procedureId !== null && event.procedureId !== 'kiosk') ids.add(event.procedureId);
  for (const call of input.calls) if (call.procedureId !== 'kiosk') ids.add(call.procedureId);

  const count = (type: string, procedureId: string, stepId?: string | null, what: 'events' | 'sessions' = 'events'): number =>
    input.events
      .filter((event) => event.type === type && event.procedureId === procedureId && (stepId === undefined || event.stepId === stepId))
      .reduce((sum, event) => sum + event[what], 0);

  const procedures: ProcedureFigures[] = [...ids].sort().map((procedureId) => {
    const outline = input.outline(procedureId);
    const known = outline?.steps ?? [];
    const seen = new Set(input.events.filter((event) => event.procedureId === procedureId && event.stepId !== null).map((event) => event.stepId ?? ''));
    const extra = [...seen].filter((stepId) => !known.some((step) => step.id === stepId)).sort();
    const steps: StepFigures[] = [
      ...known.map((step) => ({ id: step.id, title: step.title as LocalizedText | null })),
      ...extra.map((id) => ({ id, title: null })),
    ].map((step) => ({
      stepId: step.id,
      title: step.title,
      reached: count('step-reached', procedureId, step.id, 'sessions'),
      helpCalls: count('help-called', procedureId, step.id),
      idleResets: count('idle-reset', procedureId, step.id),
      abandoned: count('procedure-abandoned', procedureId, step.id),
    }));
    const calls = input.calls.filter((call) => call.procedureId === procedureId);
    return {
      procedureId,
      title: outline?.title ?? null,
      started: count('procedure-started', procedureId, undefined, 'sessions'),
      completed: count('procedure-completed', procedureId, undefined, 'sessions'),
      helpCalls: count('help-called', procedureId),
      idleResets: count('idle-reset', procedureId),
      abandoned: count('procedure-abandoned', procedureId),
      escalations: calls.filter((call) => call.escalatedAt !== null).length,
      ...callMedians(calls),
      steps,
    };
  });

  const total = (type: string, what: 'events' | 'sessions' = 'events'): number =>
    input.events.filter((event) => event.type === type).reduce((sum, event) => sum + event[what], 0);
  return {
    from: input.from,
    to: input.to,
    procedures,
    totals: {
      sessions: input.sessions,
      started: total('procedure-started', 'sessions'),
      completed: total('procedure-completed', 'sessions'),
      helpCalls: total('help-called'),
      idleResets: total('idle-reset'),
      abandoned: total('procedure-abandoned'),
      calls: input.calls.length,
      escalations: input.calls.filter((call) => call.escalatedAt !== null).length,
      ...callMedians(input.calls),
    },
  };
}

/** The first millisecond of `from` and the first after `to` (UTC days, both included). */
export function rangeBounds(from: string, to: string): { start: number; end: number } {
  return { start: Date.parse(`${from}T00:00:00Z`), end: Date.parse(`${to}T00:00:00Z`) + 86_400_000 };
}
