/**
 * Who a help call is offered to, and when an unanswered one escalates: the queue's rules,
 * apart from the database that stores their inputs (hub/help-queue/call-commands.ts).
 */

/** A volunteer switched to available at the call's site, with the languages they speak. */
export interface AvailableVolunteer {
  id: string;
  languages: readonly string[];
}

/**
 * The volunteers a call goes to: the available ones who speak the senior's language, or every
 * available one when none does (a volunteer who shares no language can still walk over and
 * point; a call offered to nobody helps nobody).
 */
export function eligibleVolunteers(available: readonly AvailableVolunteer[], language: string): string[] {
  const speakers = available.filter((volunteer) => volunteer.languages.includes(language));
  return (speakers.length > 0 ? speakers : available).map((volunteer) => volunteer.id);
}

/** Whether a call nobody accepted has waited its site's limit (`escalationSeconds`) at `now` (ms). */
export function escalationDue(createdAt: number, escalationSeconds: number, now: number): boolean {
  return createdAt + escalationSeconds * 1000 <= now;
}
