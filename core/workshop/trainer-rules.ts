/**
 * Who may lead which workshop (issue 18), as one pure rule the hub's commands, reads and pushes
 * all ask. A trainer is a volunteer signed in at a site (the volunteer console) or a member of
 * staff who chose a site in the staff console; either leads at that one site only.
 *
 * - A volunteer leads any running workshop of their site, whoever started it (a co-trainer
 *   answers hands too): the volunteer console's site rule, unchanged.
 * - A member of staff leads, at the site they chose, the workshops they started and those a
 *   volunteer of the site started; another staff member's workshop is theirs alone, as unknown
 *   to other staff as a workshop of another site.
 */

/** Who started a workshop: a volunteer or a member of staff (their ids come from different tables). */
export const trainerKinds = ['volunteer', 'staff'] as const;
export type TrainerKind = (typeof trainerKinds)[number];

/** A trainer at one site: who they are, and the site they lead at. */
export interface Trainer {
  kind: TrainerKind;
  /** The volunteer's or the staff member's id. */
  id: string;
  /** Their whole name; kiosks are shown the first name only. */
  name: string;
  siteId: string;
}

/** What the rule reads of a workshop. */
export interface LedWorkshop {
  siteId: string;
  startedBy: string;
  startedByKind: string;
}

/** Whether `trainer` may see and lead `workshop`. */
export function mayLead(trainer: Trainer, workshop: LedWorkshop): boolean {
  if (workshop.siteId !== trainer.siteId) return false;
  if (trainer.kind === 'volunteer') return true;
  // A workshop recorded before staff could lead (migration 010) was a volunteer's.
  return workshop.startedByKind !== 'staff' || workshop.startedBy === trainer.id;
}
