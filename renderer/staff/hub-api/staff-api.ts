/**
 * The staff console's calls to the hub, one function per route of the contract
 * (core/protocol/api-routes.ts: procedures, publishing, fleet, analytics, sites, kiosks,
 * volunteers). Each answer is checked against the route's schema; failures come back as values
 * (hub-api/request.ts).
 */
import type { CreateKioskRequest, CreateSiteRequest, CreateVolunteerRequest } from '../../../core/protocol/http.js';
import type {
  AnalyticsResponse,
  AuditResponse,
  AuditTargetKind,
  DiffResponse,
  FleetResponse,
  KioskTokenResponse,
  ProcedureDetailResponse,
  ProcedureListResponse,
  PublishResponse,
  RevisionResponse,
  SaveDraftResponse,
  SecurityAlertsResponse,
  StaffAccountsResponse,
  VersionListResponse,
} from '../../../core/protocol/staff-console.js';
import type { KioskView, SiteView, VolunteerView } from '../../../core/protocol/staff-people.js';
import { staffCall, type HubResult } from './request.js';

/** The procedures list. */
export function fetchProcedures(token: string): Promise<HubResult<ProcedureListResponse>> {
  return staffCall('staffProcedures', { token });
}

/** One procedure with its draft and latest published version. */
export function fetchProcedure(token: string, id: string): Promise<HubResult<ProcedureDetailResponse>> {
  return staffCall('staffProcedure', { token, params: { id } });
}

/** Saves the draft, based on the revision the editor has. */
export function saveDraft(token: string, id: string, source: string, baseRevision: number): Promise<HubResult<SaveDraftResponse>> {
  return staffCall('staffDraft', { token, params: { id }, body: { source, baseRevision } });
}

/** Creates a procedure with its first draft. */
export function createProcedure(token: string, id: string, source: string): Promise<HubResult<SaveDraftResponse>> {
  return staffCall('createProcedure', { token, body: { id, source } });
}

/** Makes `practica-<id>`, the practice twin of the procedure's published version, as a new procedure with a draft. */
export function createPracticeTwin(token: string, id: string): Promise<HubResult<SaveDraftResponse>> {
  return staffCall('staffPracticeTwin', { token, params: { id }, body: {} });
}

/** Throws the saved draft away; the published version stays. */
export function discardDraft(token: string, id: string, baseRevision: number): Promise<HubResult<RevisionResponse>> {
  return staffCall('staffDiscardDraft', { token, params: { id }, body: { baseRevision } });
}

/** Publishes the saved draft as the next version. */
export function publishDraft(token: string, id: string, baseRevision: number, changelog: string): Promise<HubResult<PublishResponse>> {
  return staffCall('staffPublish', { token, params: { id }, body: { baseRevision, changelog } });
}

/** Publishes an older version's text again, as a new version. */
export function rollbackTo(token: string, id: string, baseRevision: number, toVersion: number): Promise<HubResult<PublishResponse>> {
  return staffCall('staffRollback', { token, params: { id }, body: { baseRevision, toVersion } });
}

/** A page of the published versions, newest first: the newest twenty, or the twenty below version `before`. */
export function fetchVersions(token: string, id: string, before?: number): Promise<HubResult<VersionListResponse>> {
  return staffCall('staffVersions', { token, params: { id }, query: { before } });
}

/** The line diff between two versions (or `draft`). */
export function fetchDiff(token: string, id: string, from: number | 'draft', to: number | 'draft'): Promise<HubResult<DiffResponse>> {
  return staffCall('staffDiff', { token, params: { id }, query: { from, to } });
}

/** Every staff account, to choose a procedure's owner. */
export function fetchAccounts(token: string): Promise<HubResult<StaffAccountsResponse>> {
  return staffCall('staffAccounts', { token });
}

/** Changes who answers for a procedure; answers with the new revision. */
export async function setOwner(token: string, id: string, ownerStaffId: string | null, baseRevision: number): Promise<HubResult<number>> {
  const result = await staffCall('staffOwner', { token, params: { id }, body: { ownerStaffId, baseRevision } });
  return result.ok ? { ok: true, value: result.value.revision } : result;
}

/** One page of the audit trail, newest first: `before` is the previous page's `nextBefore`. */
export function fetchAudit(
  token: string,
  options: { before?: number | undefined; targetKind?: AuditTargetKind | undefined } = {},
): Promise<HubResult<AuditResponse>> {
  return staffCall('staffAudit', { token, query: { before: options.before, targetKind: options.targetKind || undefined } });
}

/** Accounts the hub locked after wrong PINs or passwords in the last 24 hours. */
export function fetchSecurityAlerts(token: string): Promise<HubResult<SecurityAlertsResponse>> {
  return staffCall('staffSecurityAlerts', { token });
}

/** Every kiosk with its status. */
export function fetchFleet(token: string): Promise<HubResult<FleetResponse>> {
  return staffCall('staffFleet', { token });
}

/** Issues a new device token for a kiosk (shown once). */
export function issueKioskToken(token: string, kioskId: string): Promise<HubResult<KioskTokenResponse>> {
  return staffCall('staffKioskToken', { token, params: { id: kioskId } });
}

/** The analytics of a range of days. */
export function fetchAnalytics(token: string, from: string, to: string): Promise<HubResult<AnalyticsResponse>> {
  return staffCall('staffAnalytics', { token, query: { from, to } });
}

/** The analytics CSV as text, to hand to the browser as a download. */
export function fetchAnalyticsCsv(token: string, from: string, to: string): Promise<HubResult<string>> {
  return staffCall('staffAnalyticsCsv', { token, query: { from, to } });
}

// --- people ---

/** A site, as the hub's view of it. */
export type SiteRow = SiteView;
/** A volunteer. */
export type VolunteerRow = VolunteerView;
/** A kiosk (with revoked ones: `revokedAt` set). */
export type KioskRow = KioskView;

/** Every site. */
export async function fetchSites(token: string): Promise<HubResult<SiteRow[]>> {
  const result = await staffCall('staffSites', { token });
  return result.ok ? { ok: true, value: result.value.sites } : result;
}

/** Creates a site. */
export function createSite(token: string, body: CreateSiteRequest): Promise<HubResult<unknown>> {
  return staffCall('createSite', { token, body });
}

/** Every kiosk (with revoked ones). */
export async function fetchKiosks(token: string): Promise<HubResult<KioskRow[]>> {
  const result = await staffCall('staffKiosks', { token });
  return result.ok ? { ok: true, value: result.value.kiosks } : result;
}

/** Creates a kiosk; the answer holds its device token, shown once. */
export async function createKiosk(token: string, body: CreateKioskRequest): Promise<HubResult<string>> {
  const result = await staffCall('createKiosk', { token, body });
  return result.ok ? { ok: true, value: result.value.deviceToken } : result;
}

/** Revokes a kiosk's device token. */
export function revokeKiosk(token: string, kioskId: string): Promise<HubResult<undefined>> {
  return staffCall('staffRevokeKiosk', { token, params: { id: kioskId } });
}

/** Every volunteer. */
export async function fetchVolunteers(token: string): Promise<HubResult<VolunteerRow[]>> {
  const result = await staffCall('staffVolunteers', { token });
  return result.ok ? { ok: true, value: result.value.volunteers } : result;
}

/** Creates a volunteer. */
export function createVolunteer(token: string, body: CreateVolunteerRequest): Promise<HubResult<unknown>> {
  return staffCall('createVolunteer', { token, body });
}

/** Changes a volunteer's languages and sites. */
export function updateVolunteer(token: string, volunteerId: string, body: { languages?: string[]; siteIds?: string[] }): Promise<HubResult<undefined>> {
  return staffCall('staffVolunteer', { token, params: { id: volunteerId }, body });
}

/** Sets a volunteer's new PIN. */
export function resetVolunteerPin(token: string, volunteerId: string, pin: string): Promise<HubResult<undefined>> {
  return staffCall('staffVolunteerPin', { token, params: { id: volunteerId }, body: { pin } });
}

/** Disables a volunteer (their sessions end at once) or enables them again. */
export function setVolunteerDisabled(token: string, volunteerId: string, disabled: boolean): Promise<HubResult<undefined>> {
  return staffCall('staffVolunteerDisabled', { token, params: { id: volunteerId }, body: { disabled } });
}

/** Deletes a volunteer; the help calls they answered keep their name. */
export function deleteVolunteer(token: string, volunteerId: string): Promise<HubResult<undefined>> {
  return staffCall('staffDeleteVolunteer', { token, params: { id: volunteerId } });
}

// --- staff accounts ---

/** A staff account, as the People page lists it. */
export type StaffAccountRow = StaffAccountsResponse['accounts'][number];

/** Creates a staff account. */
export function createStaffAccount(token: string, body: { email: string; name: string; password: string }): Promise<HubResult<unknown>> {
  return staffCall('createStaffAccount', { token, body });
}

/** Disables a staff account (its sessions end at once) or enables it again; never one's own. */
export function setStaffDisabled(token: string, staffId: string, disabled: boolean): Promise<HubResult<undefined>> {
  return staffCall('staffAccountDisabled', { token, params: { id: staffId }, body: { disabled } });
}

/** Deletes a staff account; never one's own. */
export function deleteStaffAccount(token: string, staffId: string): Promise<HubResult<undefined>> {
  return staffCall('staffDeleteAccount', { token, params: { id: staffId } });
}

/** Sets a staff account's password; its other sessions end. */
export function setStaffPassword(token: string, staffId: string, password: string): Promise<HubResult<undefined>> {
  return staffCall('staffAccountPassword', { token, params: { id: staffId }, body: { password } });
}

/** Ends this session on the hub ("Cerrar sesión"). */
export function signOutOfHub(token: string): Promise<HubResult<undefined>> {
  return staffCall('staffLogout', { token });
}
