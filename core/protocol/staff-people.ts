/**
 * What staff read about sites, kiosks, volunteers, accounts and calls: views in the API's own
 * words (camelCase, booleans, ids), never the database's rows, so a column can be renamed
 * without a UI noticing. The hub maps its rows to these (hub/admin/people-views.ts).
 */
import { z } from 'zod';
import { callOutcomes, callStates } from '../help-call/states.js';
import { languageCodeSchema } from './common.js';

/** A site as staff see it. */
export const siteViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string(),
  /** Seconds before an unaccepted call escalates. */
  escalationSeconds: z.int(),
  /** Where a senior can ask in person when nobody can come. */
  inPersonHelp: z.string(),
});

/** GET staff sites. */
export const staffSitesResponseSchema = z.object({ sites: z.array(siteViewSchema.extend({ createdAt: z.number() })) });

/** A kiosk as staff see it. */
export const kioskViewSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  name: z.string(),
  location: z.string(),
});

/** GET staff kiosks: with revoked ones (`revokedAt` set). */
export const staffKiosksResponseSchema = z.object({
  kiosks: z.array(kioskViewSchema.extend({ revokedAt: z.number().nullable(), lastSeenAt: z.number().nullable(), createdAt: z.number() })),
});

/** POST staff kiosks: the new kiosk and its device token, shown once. */
export const createKioskResponseSchema = z.object({ kiosk: kioskViewSchema, deviceToken: z.string() });

/** A volunteer as staff see them (never their PIN). */
export const volunteerViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  languages: z.array(languageCodeSchema),
  siteIds: z.array(z.string()),
});

/** GET staff volunteers. */
export const staffVolunteersResponseSchema = z.object({
  volunteers: z.array(volunteerViewSchema.extend({ available: z.boolean(), locked: z.boolean(), disabled: z.boolean() })),
});

/** POST staff accounts: the new account (never its password). */
export const staffAccountViewSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });

/** One help call as staff see it. */
export const staffCallViewSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  kioskId: z.string(),
  procedureId: z.string(),
  stepId: z.string(),
  language: languageCodeSchema,
  state: z.enum(callStates),
  outcome: z.enum(callOutcomes).nullable(),
  createdAt: z.number(),
  acceptedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
});

/** GET staff calls: the latest 200, newest first. */
export const staffCallsResponseSchema = z.object({ calls: z.array(staffCallViewSchema) });

/** Types derived from the schemas above. */
export type SiteView = z.infer<typeof staffSitesResponseSchema>['sites'][number];
export type KioskView = z.infer<typeof staffKiosksResponseSchema>['kiosks'][number];
export type VolunteerView = z.infer<typeof staffVolunteersResponseSchema>['volunteers'][number];
export type StaffCallView = z.infer<typeof staffCallViewSchema>;
