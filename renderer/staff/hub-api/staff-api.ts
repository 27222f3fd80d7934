/**
 * The staff console's calls to the hub, one function per route of core/protocol/staff-console.ts
 * (procedures, publishing, fleet, analytics) and of http.ts (sites, kiosks, volunteers). Each
 * answer is checked against the contract; failures come back as values (hub-api/request.ts).
 */
import { z } from 'zod';
import { hubRoutes, routeFor, type CreateKioskRequest, type CreateSiteRequest, type CreateVolunteerRequest } from '../../../core/protocol/http.js';
import {
  analyticsResponseSchema,
  auditResponseSchema,
  checkResponseSchema,
  diffResponseSchema,
  fleetResponseSchema,
  kioskTokenResponseSchema,
  procedureDetailResponseSchema,
  procedureListResponseSchema,
  publishResponseSchema,
  revisionResponseSchema,
  saveDraftResponseSchema,
  staffAccountsResponseSchema,
  staffConsoleRoutes,
  staffRouteFor,
  versionListResponseSchema,
  versionResponseSchema,
  type AnalyticsResponse,
  type AuditResponse,
  type AuditTargetKind,
  type CheckResponse,
  type DiffResponse,
  type FleetResponse,
  type KioskTokenResponse,
  type ProcedureDetailResponse,
  type ProcedureListResponse,
  type PublishResponse,
  type RevisionResponse,
  type SaveDraftResponse,
  type StaffAccountsResponse,
  type VersionListResponse,
  type VersionResponse,
} from '../../../core/protocol/staff-console.js';
import { hubRequest, type HubResult } from './request.js';

/** The procedures list. */
export function fetchProcedures(token: string): Promise<HubResult<ProcedureListResponse>> {
  return hubRequest('GET', staffConsoleRoutes.procedures, procedureListResponseSchema, { token });
}

/** One procedure with its draft and latest published version. */
export function fetchProcedure(token: string, id: string): Promise<HubResult<ProcedureDetailResponse>> {
  return hubRequest('GET', staffRouteFor(staffConsoleRoutes.procedure, id), procedureDetailResponseSchema, { token });
}

/** Checks YAML on the hub without saving (the editor checks in the page too; this is the hub's word). */
export function checkSource(token: string, source: string): Promise<HubResult<CheckResponse>> {
  return hubRequest('POST', staffConsoleRoutes.check, checkResponseSchema, { token, body: { source } });
}

/** Saves the draft, based on the revision the editor has. */
export function saveDraft(token: string, id: string, source: string, baseRevision: number): Promise<HubResult<SaveDraftResponse>> {
  return hubRequest('PUT', staffRouteFor(staffConsoleRoutes.draft, id), saveDraftResponseSchema, { token, body: { source, baseRevision } });
}

/** Creates a procedure with its first draft. */
export function createProcedure(token: string, id: string, source: string): Promise<HubResult<SaveDraftResponse>> {
  return hubRequest('POST', staffConsoleRoutes.procedures, saveDraftResponseSchema, { token, body: { id, source } });
}

/** Throws the saved draft away; the published version stays. */
export function discardDraft(token: string, id: string, baseRevision: number): Promise<HubResult<RevisionResponse>> {
  return hubRequest('POST', staffRouteFor(staffConsoleRoutes.discardDraft, id), revisionResponseSchema, { token, body: { baseRevision } });
}

/** Publishes the saved draft as the next version. */
export function publishDraft(token: string, id: string, baseRevision: number, changelog: string): Promise<HubResult<PublishResponse>> {
  return hubRequest('POST', staffRouteFor(staffConsoleRoutes.publish, id), publishResponseSchema, { token, body: { baseRevision, changelog } });
}

/** Publishes an older version's text again, as a new version. */
export function rollbackTo(token: string, id: string, baseRevision: number, toVersion: number): Promise<HubResult<PublishResponse>> {
  return hubRequest('POST', staffRouteFor(staffConsoleRoutes.rollback, id), publishResponseSchema, { token, body: { baseRevision, toVersion } });
}

/** The published versions, newest first. */
export function fetchVersions(token: string, id: string): Promise<HubResult<VersionListResponse>> {
  return hubRequest('GET', staffRouteFor(staffConsoleRoutes.versions, id), versionListResponseSchema, { token });
}

/** One published version with its YAML. */
export function fetchVersion(token: string, id: string, version: number): Promise<HubResult<VersionResponse>> {
  return hubRequest('GET', staffRouteFor(staffConsoleRoutes.version, id, version), versionResponseSchema, { token });
}

/** The line diff between two versions (or `draft`). */
export function fetchDiff(token: string, id: string, from: number | 'draft', to: number | 'draft'): Promise<HubResult<DiffResponse>> {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  return hubRequest('GET', `${staffRouteFor(staffConsoleRoutes.diff, id)}?${query.toString()}`, diffResponseSchema, { token });
}

/** Every staff account, to choose a procedure's owner. */
export function fetchAccounts(token: string): Promise<HubResult<StaffAccountsResponse>> {
  return hubRequest('GET', staffConsoleRoutes.accounts, staffAccountsResponseSchema, { token });
}

const ownerResponseSchema = z.object({ id: z.string(), revision: z.int().min(0) });

/** Changes who answers for a procedure; answers with the new revision. */
export async function setOwner(token: string, id: string, ownerStaffId: string | null, baseRevision: number): Promise<HubResult<number>> {
  const result = await hubRequest('PUT', staffRouteFor(staffConsoleRoutes.owner, id), ownerResponseSchema, { token, body: { ownerStaffId, baseRevision } });
  return result.ok ? { ok: true, value: result.value.revision } : result;
}

/** One page of the audit trail, newest first: `before` is the previous page's `nextBefore`. */
export function fetchAudit(
  token: string,
  options: { before?: number | undefined; targetKind?: AuditTargetKind | undefined } = {},
): Promise<HubResult<AuditResponse>> {
  const query = new URLSearchParams();
  if (options.before !== undefined) query.set('before', String(options.before));
  if (options.targetKind) query.set('targetKind', options.targetKind);
  const search = query.toString();
  return hubRequest('GET', search ? `${staffConsoleRoutes.audit}?${search}` : staffConsoleRoutes.audit, auditResponseSchema, { token });
}

/** Every kiosk with its status. */
export function fetchFleet(token: string): Promise<HubResult<FleetResponse>> {
  return hubRequest('GET', staffConsoleRoutes.fleet, fleetResponseSchema, { token });
}

/** Issues a new device token for a kiosk (shown once). */
export function issueKioskToken(token: string, kioskId: string): Promise<HubResult<KioskTokenResponse>> {
  return hubRequest('POST', staffRouteFor(staffConsoleRoutes.kioskToken, kioskId), kioskTokenResponseSchema, { token, body: {} });
}

/** The analytics of a range of days. */
export function fetchAnalytics(token: string, from: string, to: string): Promise<HubResult<AnalyticsResponse>> {
  const query = new URLSearchParams({ from, to });
  return hubRequest('GET', `${staffConsoleRoutes.analytics}?${query.toString()}`, analyticsResponseSchema, { token });
}

/** The analytics CSV as text, to hand to the browser as a download. */
export async function fetchAnalyticsCsv(token: string, from: string, to: string): Promise<HubResult<string>> {
  const query = new URLSearchParams({ from, to });
  try {
    const response = await fetch(`${staffConsoleRoutes.analyticsCsv}?${query.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    if (!response.ok) return { ok: false, failure: { kind: 'refused', status: response.status, message: response.statusText } };
    return { ok: true, value: await response.text() };
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
}

// --- people (routes of http.ts) ---

/** A site as the hub lists it (its database row). */
export const siteRowSchema = z.object({ id: z.string(), name: z.string(), location: z.string(), in_person_help: z.string().optional() }).loose();
/** A volunteer as the hub lists them. */
export const volunteerRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  languages: z.array(z.string()),
  available: z.boolean(),
  locked: z.boolean(),
  siteIds: z.array(z.string()),
});
/** A kiosk as the people page lists it. */
export const kioskRowSchema = z
  .object({ id: z.string(), site_id: z.string(), name: z.string(), location: z.string(), revoked_at: z.number().nullable() })
  .loose();

/** A site. */
export type SiteRow = z.infer<typeof siteRowSchema>;
/** A volunteer. */
export type VolunteerRow = z.infer<typeof volunteerRowSchema>;
/** A kiosk. */
export type KioskRow = z.infer<typeof kioskRowSchema>;

/** Every site. */
export async function fetchSites(token: string): Promise<HubResult<SiteRow[]>> {
  const result = await hubRequest('GET', hubRoutes.staffSites, z.object({ sites: z.array(siteRowSchema) }), { token });
  return result.ok ? { ok: true, value: result.value.sites } : result;
}

/** Creates a site. */
export function createSite(token: string, body: CreateSiteRequest): Promise<HubResult<unknown>> {
  return hubRequest('POST', hubRoutes.staffSites, z.unknown(), { token, body });
}

/** Every kiosk (with revoked ones). */
export async function fetchKiosks(token: string): Promise<HubResult<KioskRow[]>> {
  const result = await hubRequest('GET', hubRoutes.staffKiosks, z.object({ kiosks: z.array(kioskRowSchema) }), { token });
  return result.ok ? { ok: true, value: result.value.kiosks } : result;
}

const createdKioskSchema = z.object({ deviceToken: z.string() }).loose();

/** Creates a kiosk; the answer holds its device token, shown once. */
export async function createKiosk(token: string, body: CreateKioskRequest): Promise<HubResult<string>> {
  const result = await hubRequest('POST', hubRoutes.staffKiosks, createdKioskSchema, { token, body });
  return result.ok ? { ok: true, value: result.value.deviceToken } : result;
}

/** Revokes a kiosk's device token. */
export function revokeKiosk(token: string, kioskId: string): Promise<HubResult<undefined>> {
  return hubRequest('POST', routeFor(hubRoutes.staffRevokeKiosk, kioskId), undefined, { token, body: {} });
}

/** Every volunteer. */
export async function fetchVolunteers(token: string): Promise<HubResult<VolunteerRow[]>> {
  const result = await hubRequest('GET', hubRoutes.staffVolunteers, z.object({ volunteers: z.array(volunteerRowSchema) }), { token });
  return result.ok ? { ok: true, value: result.value.volunteers } : result;
}

/** Creates a volunteer. */
export function createVolunteer(token: string, body: CreateVolunteerRequest): Promise<HubResult<unknown>> {
  return hubRequest('POST', hubRoutes.staffVolunteers, z.unknown(), { token, body });
}

/** Changes a volunteer's languages and sites. */
export function updateVolunteer(token: string, volunteerId: string, body: { languages?: string[]; siteIds?: string[] }): Promise<HubResult<undefined>> {
  return hubRequest('PATCH', routeFor(hubRoutes.staffVolunteer, volunteerId), undefined, { token, body });
}

/** Sets a volunteer's new PIN. */
export function resetVolunteerPin(token: string, volunteerId: string, pin: string): Promise<HubResult<undefined>> {
  return hubRequest('POST', routeFor(hubRoutes.staffVolunteerPin, volunteerId), undefined, { token, body: { pin } });
}
