/**
 * Schemas of the staff console's HTTP contract: procedure drafts, publishing, history, diffs and
 * rollback, the audit trail, the kiosk fleet and the analytics. The routes are in api-routes.ts
 * (`staff…`) and paired with these schemas in api-schemas.ts; the people views (sites, kiosks,
 * volunteers) are in staff-people.ts.
 *
 * Every staff route needs a staff session token (`Authorization: Bearer …`): 401 without a valid
 * one, 403 for a kiosk's or a volunteer's. Errors follow {@link staffErrorResponseSchema}.
 *
 * Publishing model, in short: each procedure has at most one draft (the YAML being edited) and a
 * list of published versions (1, 2, 3 …) that are never changed. Every change to a procedure
 * raises its `revision`; a change carries the revision it was based on, and one based on an older
 * revision is refused with 409 `version-conflict` (nothing is overwritten). A draft with problems
 * is saved all the same (nobody loses work) but cannot be published (422 `has-problems`).
 *
 * This file only grows: fields and routes are added, never renamed or removed.
 */
import { z } from 'zod';
import { errorResponseSchema } from './http.js';
import { defaultPromptSpeed, promptSpeeds } from '../audio/manifest.js';
import { requestRules } from './request-rules.js';
import { entityIdSchema, freeTextSchema, idSchema, languageCodeSchema, localizedTextSchema } from './common.js';

// --- shared pieces ---

/** A message of the checker's catalogue by its code (core/procedure/messages), as a param of another. */
const messageRefSchema: z.ZodType<{ code: string; params?: Record<string, unknown> }> = z.lazy(() =>
  z.object({ code: z.string().max(100), params: messageParamsSchema.optional() }),
);
const messageParamsSchema = z.record(z.string().max(100), z.union([z.string(), z.number(), messageRefSchema]));

/**
 * A problem the checker found, located as an editor shows it (lines and columns from 1).
 * `message` is in English; `code`, `params` and `place` let the console word it in its own
 * language (`describeProblem` in core/procedure/messages/catalog.ts). Problems saved before codes
 * existed have only `message`.
 */
export const problemSchema = z.object({
  line: z.int().min(1),
  column: z.int().min(1),
  message: z.string(),
  /** Character offsets of the offending text, to underline it. */
  range: z
    .tuple([z.int().min(0), z.int().min(0)])
    .readonly()
    .optional(),
  code: z.string().max(100).optional(),
  params: messageParamsSchema.optional(),
  place: z
    .array(z.object({ collection: z.string().max(100), id: z.string().optional(), number: z.int().optional() }))
    .readonly()
    .optional(),
});

/** A note the checker found: located like a problem, but it neither fails the check nor stops publishing. */
export const noteSchema = problemSchema.extend({
  /** What it is about, so the console can word it in its own language (`unreviewed-language`: no native speaker has reviewed `language`). */
  kind: z.enum(['unreviewed-language']),
  language: z.string(),
});

/** The largest YAML source accepted, in UTF-8 bytes: the checker's own limit for a procedure file. */
export const maxSourceBytes = 512 * 1024;

/** The UTF-8 size of a text, counted without an encoder (core has no TextEncoder). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** YAML source as staff type it. */
export const procedureSourceSchema = z
  .string()
  .refine((text) => utf8ByteLength(text) <= maxSourceBytes, requestRules.sourceTooLarge)
  .refine((text) => !text.includes('\u0000'), requestRules.sourceNul);

/** A revision number: every change to a procedure raises it by one. */
export const revisionSchema = z.int().min(0);

/** A member of staff as other records name them. */
export const staffRefSchema = z.object({ id: z.string(), name: z.string() });

/** A day, `YYYY-MM-DD`. */
export const daySchema = z.iso.date({ error: 'a date is written as YYYY-MM-DD' });

/**
 * The console's own refusal codes: `version-conflict` (someone saved in between: `by` and `at`
 * say who and when, `revision` is the current one), `has-problems` (`problems` lists them),
 * `nothing-to-publish` (no draft, or it equals the published text), `already-exists` (a
 * procedure with this id).
 */
export const staffErrorCodes = ['version-conflict', 'has-problems', 'nothing-to-publish', 'already-exists'] as const;

/** Every error answer of the staff console: the hub's error plus what the console's refusals carry. */
export const staffErrorResponseSchema = errorResponseSchema.extend({
  code: z.union([errorResponseSchema.shape.code.unwrap(), z.enum(staffErrorCodes)]).optional(),
  /** When the conflicting change was made (milliseconds since 1970). */
  at: z.number().optional(),
  /** The procedure's current revision, on a version conflict. */
  revision: revisionSchema.optional(),
  /** What stops a publication. */
  problems: z.array(problemSchema).optional(),
});

// --- who ---

/** GET me. */
export const staffMeResponseSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), demo: z.boolean() });

/** GET accounts: every account not deleted; a disabled one cannot sign in. */
export const staffAccountsResponseSchema = z.object({
  accounts: z.array(z.object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.number(), disabled: z.boolean() })),
});

// --- procedures ---

/**
 * Where a procedure stands. `draft`: never published. `published`: the kiosks have the latest
 * text. `changed`: published, and a draft with further changes waits.
 */
export const procedureStatuses = ['draft', 'published', 'changed'] as const;

/** One line of the procedure list. */
export const procedureSummarySchema = z.object({
  id: idSchema,
  /** From the draft when there is one, else from the published version; null when the draft cannot be read. */
  title: localizedTextSchema.nullable(),
  status: z.enum(procedureStatuses),
  publishedVersion: z.int().min(1).nullable(),
  hasDraft: z.boolean(),
  /** Problems in the draft (0 without a draft). */
  draftProblemCount: z.int().min(0),
  revision: revisionSchema,
  owner: staffRefSchema.nullable(),
  /** The script's `lastVerified` (draft's if readable, else the published one's). */
  lastVerified: daySchema.nullable(),
  /** Days since `lastVerified` on the hub's clock. */
  verifiedDaysAgo: z.int().nullable(),
  /** Not verified for more than `staleAfterDays`: check it against the official page. */
  stale: z.boolean(),
  updatedAt: z.number(),
  updatedBy: staffRefSchema.nullable(),
});

/** GET procedures: stale procedures first (oldest verification first), then the rest by id. */
export const procedureListResponseSchema = z.object({
  procedures: z.array(procedureSummarySchema),
  staleAfterDays: z.int().min(1),
  /** The number of the published set the kiosks should have. */
  catalogVersion: z.int().min(0),
});

/** The draft of a procedure. */
export const draftSchema = z.object({
  source: z.string(),
  problems: z.array(problemSchema),
  savedAt: z.number(),
  savedBy: staffRefSchema.nullable(),
});

/** A published version. */
export const publishedVersionSchema = z.object({
  version: z.int().min(1),
  source: z.string(),
  changelog: z.string(),
  publishedAt: z.number(),
  publishedBy: staffRefSchema.nullable(),
  /** Set when this version republished an older one. */
  rolledBackFrom: z.int().min(1).nullable(),
});

/** GET procedure. The editor shows `draft.source` when there is a draft, else `published.source`. */
export const procedureDetailResponseSchema = z.object({
  id: idSchema,
  revision: revisionSchema,
  status: z.enum(procedureStatuses),
  owner: staffRefSchema.nullable(),
  lastVerified: daySchema.nullable(),
  draft: draftSchema.nullable(),
  /** The latest published version. */
  published: publishedVersionSchema.nullable(),
  updatedAt: z.number(),
  updatedBy: staffRefSchema.nullable(),
});

/** POST procedures: a new procedure; its first draft may have problems. The source's `id` must match `id` to publish. */
export const createProcedureRequestSchema = z.strictObject({ id: idSchema, source: procedureSourceSchema });

/** POST check. */
export const checkRequestSchema = z.strictObject({ source: procedureSourceSchema });

/** The answer to check. */
export const checkResponseSchema = z.object({ ok: z.boolean(), problems: z.array(problemSchema), notes: z.array(noteSchema) });

/** PUT draft. `baseRevision`: the revision the editor loaded (or last saved). */
export const saveDraftRequestSchema = z.strictObject({ source: procedureSourceSchema, baseRevision: revisionSchema });

/** The answer to create and to save draft: saved, with whatever problems it still has. */
export const saveDraftResponseSchema = z.object({ id: idSchema, revision: revisionSchema, problems: z.array(problemSchema), savedAt: z.number() });

/** DELETE/discard draft. */
export const discardDraftRequestSchema = z.strictObject({ baseRevision: revisionSchema });

/** A changelog line: what changed, for the history and the audit trail. */
export const changelogSchema = freeTextSchema('line').pipe(z.string().min(1, requestRules.changelogEmpty).max(200, requestRules.changelogTooLong));

/** POST publish: the current draft becomes the next version. */
export const publishRequestSchema = z.strictObject({ baseRevision: revisionSchema, changelog: changelogSchema });

/** POST rollback: publishes version `toVersion`'s content as a new version, changelog "Rollback to vN". */
export const rollbackRequestSchema = z.strictObject({ baseRevision: revisionSchema, toVersion: z.int().min(1) });

/** The answer to publish and rollback. */
export const publishResponseSchema = z.object({
  id: idSchema,
  version: z.int().min(1),
  revision: revisionSchema,
  catalogVersion: z.int().min(1),
  publishedAt: z.number(),
  /** Published practice twins of this procedure that no longer match it (they need making again); absent when none. */
  staleTwins: z.array(idSchema).optional(),
});

/** PUT owner. */
export const setOwnerRequestSchema = z.strictObject({ ownerStaffId: z.string().min(1).max(100).nullable(), baseRevision: revisionSchema });

/** The answer to owner and discard draft: the procedure's new revision. */
export const revisionResponseSchema = z.object({ id: idSchema, revision: revisionSchema });

/**
 * GET versions' page: at most `limit` versions (20 unless asked), the newest below `before` when
 * given. Published versions are numbered 1, 2, 3… and never removed, so a page's oldest number
 * says whether older ones exist and `before` is a stable place to go on from.
 */
export const versionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.coerce.number().int().min(2).optional(),
});

/** GET versions (newest first; no sources, to keep it light). */
export const versionListResponseSchema = z.object({
  id: idSchema,
  versions: z.array(publishedVersionSchema.omit({ source: true })),
});

/** GET version: {@link publishedVersionSchema} with the source. */
export const versionResponseSchema = publishedVersionSchema.extend({ id: idSchema });

/** The diff query: version numbers, or `draft`. */
export const diffQuerySchema = z.strictObject({
  from: z.union([z.literal('draft'), z.coerce.number().int().min(1)]),
  to: z.union([z.literal('draft'), z.coerce.number().int().min(1)]),
});

/** One line of a diff. `same` lines carry both numbers; `added` only the new one, `removed` only the old. */
export const diffLineSchema = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
  oldLine: z.int().min(1).optional(),
  newLine: z.int().min(1).optional(),
});

/** GET diff: every line of both texts in order, so the UI can fold long unchanged runs. */
export const diffResponseSchema = z.object({
  id: idSchema,
  from: z.union([z.literal('draft'), z.int().min(1)]),
  to: z.union([z.literal('draft'), z.int().min(1)]),
  added: z.int().min(0),
  removed: z.int().min(0),
  lines: z.array(diffLineSchema),
  /** True when the texts were too different to pair lines: everything old is removed, everything new added. */
  coarse: z.boolean(),
});

// --- audit ---

/** What the audit trail records. */
export const auditActions = [
  'procedure.create',
  'procedure.save-draft',
  'procedure.discard-draft',
  'procedure.publish',
  'procedure.rollback',
  'procedure.owner',
  'site.create',
  'kiosk.create',
  'kiosk.revoke',
  'kiosk.token',
  'volunteer.create',
  'volunteer.update',
  'volunteer.pin',
  'staff.create',
  'volunteer.disable',
  'volunteer.enable',
  'volunteer.delete',
  'staff.disable',
  'staff.enable',
  'staff.delete',
  'staff.password',
  // Written by the hub itself when five wrong PINs or passwords lock an account (hub/auth/lock-report.ts).
  'account.locked',
] as const;

/** Kinds of record an audit entry is about. */
export const auditTargetKinds = ['procedure', 'site', 'kiosk', 'volunteer', 'staff'] as const;

/** One audit entry: who did what, when, to which record. Never a PIN, password or token. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  staff: staffRefSchema,
  action: z.enum(auditActions),
  targetKind: z.enum(auditTargetKinds),
  targetId: z.string(),
  /**
   * The record's name as staff know it, so the trail need not show ids: a procedure's title in
   * its languages; a site's, kiosk's, volunteer's or staff account's name. Absent when the hub
   * knows none (a procedure never published, a record gone).
   */
  targetName: z.union([z.string(), localizedTextSchema]).optional(),
  /** A plain sentence in English, e.g. "Published version 3: New opening hours". */
  summary: z.string(),
  /** The summary's stable code, for the console to word it in its language (absent in entries written before codes). */
  summaryCode: z.string().optional(),
  /** The facts the summary's words are filled with: names, numbers, a changelog line; never an id. */
  summaryParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** GET audit query (all optional). `before`: an entry's `at`, for the next page. */
export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().min(0).optional(),
  targetKind: z.enum(auditTargetKinds).optional(),
  targetId: z.string().min(1).max(100).optional(),
});

/** GET audit. `nextBefore` is set when there may be older entries. */
export const auditResponseSchema = z.object({ entries: z.array(auditEntrySchema), nextBefore: z.number().optional() });

/** How far back the console's "account under attack" notice looks. */
export const securityAlertWindowMs = 24 * 60 * 60_000;

/** One account the hub locked after five wrong PINs or passwords in a row. */
export const accountLockSchema = z.object({
  at: z.number(),
  kind: z.enum(['volunteer', 'staff']),
  accountId: z.string(),
  /** The account's name now (a deleted account keeps its row, so it always has one). */
  name: z.string(),
});

/**
 * GET security alerts: the locks of real accounts since `since` (the hub's clock minus
 * {@link securityAlertWindowMs}), newest first. Names with no account are never locked in the
 * audit trail, so none can appear here.
 */
export const securityAlertsResponseSchema = z.object({ since: z.number(), locks: z.array(accountLockSchema) });

// --- fleet ---

/** One kiosk as the fleet page shows it. */
export const fleetKioskSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  location: z.string(),
  siteId: entityIdSchema,
  siteName: z.string(),
  /** Connected to a hub now, or seen within `onlineWindowSeconds`. */
  online: z.boolean(),
  lastSeenAt: z.number().nullable(),
  /** The kiosk app's version, as it reported it. */
  appVersion: z.string().nullable(),
  /** The catalogue version the kiosk runs. */
  proceduresVersion: z.int().min(0).nullable(),
  /** It runs the latest published catalogue. */
  upToDate: z.boolean(),
  revoked: z.boolean(),
  createdAt: z.number(),
  /**
   * The procedures whose published version the kiosk does not hold yet, each with the version it
   * holds (null: none, a procedure new since) and the current one; empty when it is up to date;
   * null when that is not known (it has not reported a catalogue, or one this hub never served).
   */
  outdated: z.array(z.object({ id: idSchema, title: localizedTextSchema, held: z.int().min(1).nullable(), current: z.int().min(1) })).nullable(),
});

/** GET fleet. */
export const fleetResponseSchema = z.object({
  kiosks: z.array(fleetKioskSchema),
  catalogVersion: z.int().min(0),
  /** The published version of each procedure in that catalogue, by procedure id. */
  procedureVersions: z.record(idSchema, z.int().min(1)),
  onlineWindowSeconds: z.int().min(1),
  serverNow: z.number(),
});

/** POST kiosk token: the new device token, shown once. */
export const kioskTokenResponseSchema = z.object({ kiosk: z.object({ id: entityIdSchema, name: z.string() }), deviceToken: z.string() });

// --- analytics ---

/** The longest range the analytics cover at once. */
export const maxAnalyticsDays = 366;

/** The analytics query: whole days in UTC, both included. */
export const analyticsQuerySchema = z
  .strictObject({ from: daySchema, to: daySchema })
  .refine((range) => range.from <= range.to, { message: 'the range starts after it ends: "from" must be on or before "to"', path: ['from'] })
  .refine((range) => (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 < maxAnalyticsDays, {
    message: `the range is longer than ${maxAnalyticsDays} days`,
    path: ['to'],
  });

/** Figures of one step. */
export const stepFiguresSchema = z.object({
  stepId: z.string(),
  /** Null for a step the current published version no longer has. */
  title: localizedTextSchema.nullable(),
  /** Sessions that reached the step. */
  reached: z.int().min(0),
  helpCalls: z.int().min(0),
  idleResets: z.int().min(0),
  abandoned: z.int().min(0),
});

/** Figures of one procedure over the range. */
export const procedureFiguresSchema = z.object({
  procedureId: z.string(),
  title: localizedTextSchema.nullable(),
  started: z.int().min(0),
  completed: z.int().min(0),
  helpCalls: z.int().min(0),
  idleResets: z.int().min(0),
  abandoned: z.int().min(0),
  /** Calls nobody accepted in time. */
  escalations: z.int().min(0),
  /** From the call to a volunteer accepting; null without accepted calls. */
  medianAcceptSeconds: z.number().nullable(),
  /** From accepting to arriving at the kiosk; null without arrivals. */
  medianArriveSeconds: z.number().nullable(),
  /** In the order of the published script, then steps it no longer has. */
  steps: z.array(stepFiguresSchema),
});

/** GET analytics. */
export const analyticsResponseSchema = z.object({
  from: daySchema,
  to: daySchema,
  procedures: z.array(procedureFiguresSchema),
  totals: z.object({
    sessions: z.int().min(0),
    started: z.int().min(0),
    completed: z.int().min(0),
    helpCalls: z.int().min(0),
    idleResets: z.int().min(0),
    abandoned: z.int().min(0),
    calls: z.int().min(0),
    escalations: z.int().min(0),
    medianAcceptSeconds: z.number().nullable(),
    medianArriveSeconds: z.number().nullable(),
  }),
});

// --- what the kiosk reads ---

/** GET /api/procedures (kiosk): the published set and its catalogue version. */
export const kioskProceduresResponseSchema = z.object({ version: z.int().min(0), procedures: z.array(z.unknown()) });

/** Types derived from the schemas above. */
export type Problem = z.infer<typeof problemSchema>;
export type StaffAccountsResponse = z.infer<typeof staffAccountsResponseSchema>;
export type AccountLock = z.infer<typeof accountLockSchema>;
export type SecurityAlertsResponse = z.infer<typeof securityAlertsResponseSchema>;
export type ProcedureStatus = (typeof procedureStatuses)[number];
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;
export type ProcedureListResponse = z.infer<typeof procedureListResponseSchema>;
export type ProcedureDetailResponse = z.infer<typeof procedureDetailResponseSchema>;
export type SaveDraftResponse = z.infer<typeof saveDraftResponseSchema>;
export type PublishResponse = z.infer<typeof publishResponseSchema>;
export type RevisionResponse = z.infer<typeof revisionResponseSchema>;
export type VersionListResponse = z.infer<typeof versionListResponseSchema>;
export type VersionResponse = z.infer<typeof versionResponseSchema>;
export type DiffLine = z.infer<typeof diffLineSchema>;
export type DiffResponse = z.infer<typeof diffResponseSchema>;
export type AuditAction = (typeof auditActions)[number];
export type AuditTargetKind = (typeof auditTargetKinds)[number];
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditResponse = z.infer<typeof auditResponseSchema>;
export type FleetResponse = z.infer<typeof fleetResponseSchema>;
export type KioskTokenResponse = z.infer<typeof kioskTokenResponseSchema>;
export type AnalyticsQuery = z.infer<typeof analyticsQuerySchema>;
export type StepFigures = z.infer<typeof stepFiguresSchema>;
export type ProcedureFigures = z.infer<typeof procedureFiguresSchema>;
export type AnalyticsResponse = z.infer<typeof analyticsResponseSchema>;

/**
 * Asks the hub to speak a text the editor holds (a step's changed wording), with the same engine
 * and processing as `npm run audio:build`. Procedure texts only, never a senior's answers: the
 * staff console has none. The answer is the hub's speech response (core/protocol/http.ts).
 */
export const staffSpeechRequestSchema = z.strictObject({
  text: z.string().trim().min(1, 'text: there is nothing to say').max(2000, 'text: at most 2,000 characters can be spoken at once'),
  language: languageCodeSchema,
  speed: z.enum(promptSpeeds).default(defaultPromptSpeed),
});
