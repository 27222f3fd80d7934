/**
 * The editor's draft, revision and publish workflow, without React: what the hub holds of a
 * procedure (its detail, its versions, the revision the editor works from) and how saving,
 * publishing, rolling back, discarding and changing the owner move it on. Every change to the hub
 * names the revision it was based on, so a change someone made in between is refused, never
 * overwritten; a refusal comes back with whatever succeeded before it (a save before a refused
 * publication stays saved). The hub calls are passed in (tests/renderer/staff/draft-workflow.test.ts
 * drives it with a fake hub); the editor screen calls these and shows what they return.
 */
import type {
  ProcedureDetailResponse,
  PublishResponse,
  RevisionResponse,
  SaveDraftResponse,
  VersionListResponse,
} from '../../../core/protocol/staff-console.js';
import type { HubFailure, HubResult } from '../hub-api/request.js';

/** The hub calls the workflow makes, for one procedure and one signed-in person. */
export interface DraftApi {
  fetchProcedure(): Promise<HubResult<ProcedureDetailResponse>>;
  fetchVersions(): Promise<HubResult<VersionListResponse>>;
  saveDraft(source: string, baseRevision: number): Promise<HubResult<SaveDraftResponse>>;
  publishDraft(baseRevision: number, changelog: string): Promise<HubResult<PublishResponse>>;
  rollbackTo(baseRevision: number, toVersion: number): Promise<HubResult<PublishResponse>>;
  discardDraft(baseRevision: number): Promise<HubResult<RevisionResponse>>;
  /** Answers with the new revision. */
  setOwner(ownerStaffId: string | null, baseRevision: number): Promise<HubResult<number>>;
}

/** Who is signed in: the draft they save is theirs (the hub records the same from their token). */
export interface DraftAuthor {
  id: string;
  name: string;
}

/** What the editor knows of the hub's side of a procedure. */
export interface DraftState {
  detail: ProcedureDetailResponse;
  versions: VersionListResponse['versions'];
  /** The revision every change is based on. */
  revision: number;
  /** The text the hub holds (the draft, else the published version): the editor's text differs from it when unsaved. */
  hubSource: string;
}

/**
 * What an action did. `state` is what to show either way; `text`, when set, replaces the
 * editor's text (the hub's text was asked for). A refusal (`ok: false`) keeps what succeeded
 * before it in `state`. After a publication or rollback, `refreshFailure` says the new state
 * could not be read back (the action itself went through).
 */
export type DraftOutcome<T> =
  | { ok: true; value: T; state: DraftState; text?: string; refreshFailure?: HubFailure }
  | { ok: false; failure: HubFailure; state: DraftState };

/** The text the editor starts from: the draft when there is one, else the published version. */
export function sourceOf(detail: ProcedureDetailResponse): string {
  return detail.draft?.source ?? detail.published?.source ?? '';
}

/** The workflow's state for a procedure just loaded. */
export function loadedDraft(detail: ProcedureDetailResponse, versions: VersionListResponse['versions']): DraftState {
  return { detail, versions, revision: detail.revision, hubSource: sourceOf(detail) };
}

/** Whether `text` has changes the hub does not have. */
export function isDirty(state: DraftState, text: string): boolean {
  return text !== state.hubSource;
}

/** Nothing to publish: no unsaved change, no saved draft, and a published version already there. */
export function nothingToPublish(state: DraftState, text: string): boolean {
  return !isDirty(state, text) && !state.detail.draft && state.detail.published?.source !== undefined;
}

/** The number the next publication gets. */
export function nextVersion(state: DraftState): number {
  return (state.detail.published?.version ?? 0) + 1;
}

/** A draft can be thrown away only when there is a published version to go back to. */
export function canDiscard(state: DraftState): boolean {
  return state.detail.draft !== null && state.detail.published !== null;
}

/**
 * Reads the procedure and its versions again. The versions are taken even when the procedure
 * could not be read; with `replaceText` the outcome's `text` is the hub's.
 */
export async function refreshDraft(api: DraftApi, state: DraftState, replaceText: boolean): Promise<DraftOutcome<undefined>> {
  const [fresh, list] = await Promise.all([api.fetchProcedure(), api.fetchVersions()]);
  const withVersions = list.ok ? { ...state, versions: list.value.versions } : state;
  if (!fresh.ok) return { ok: false, failure: fresh.failure, state: withVersions };
  const next: DraftState = { ...withVersions, detail: fresh.value, revision: fresh.value.revision, hubSource: sourceOf(fresh.value) };
  return { ok: true, value: undefined, state: next, ...(replaceText ? { text: sourceOf(fresh.value) } : {}) };
}

/**
 * Saves `text` as the draft when it differs from the hub's; the value is the revision to go on
 * from (the same one when there was nothing to save).
 */
export async function saveIfNeeded(api: DraftApi, state: DraftState, text: string, author: DraftAuthor): Promise<DraftOutcome<number>> {
  if (!isDirty(state, text)) return { ok: true, value: state.revision, state };
  const saved = await api.saveDraft(text, state.revision);
  if (!saved.ok) return { ok: false, failure: saved.failure, state };
  const { revision, problems, savedAt } = saved.value;
  const draft = { source: text, problems, savedAt, savedBy: { id: author.id, name: author.name } };
  return { ok: true, value: revision, state: { ...state, revision, hubSource: text, detail: { ...state.detail, revision, draft } } };
}

/** What a publication publishes, and by whom. */
export interface Publication {
  text: string;
  /** The line saying what changed (trimmed here). */
  changelog: string;
  author: DraftAuthor;
  /** Told as soon as the text is saved, before the publication: the screen shows the save at once. */
  onSaved?: (state: DraftState) => void;
}

/**
 * Publishes the editor's text: saved first if it has unsaved changes, then published as the
 * next version with its changelog line, then read back.
 */
export async function publishText(api: DraftApi, state: DraftState, { text, changelog, author, onSaved }: Publication): Promise<DraftOutcome<PublishResponse>> {
  const saved = await saveIfNeeded(api, state, text, author);
  if (!saved.ok) return saved;
  onSaved?.(saved.state);
  const published = await api.publishDraft(saved.value, changelog.trim());
  if (!published.ok) return { ok: false, failure: published.failure, state: saved.state };
  return readBack(api, saved.state, published.value, false);
}

/**
 * Publishes an older version's text again as a new version, then reads back; the editor's text
 * is replaced by the one now published unless it has unsaved work (`keepText`).
 */
export async function rollBack(api: DraftApi, state: DraftState, toVersion: number, keepText: boolean): Promise<DraftOutcome<PublishResponse>> {
  const done = await api.rollbackTo(state.revision, toVersion);
  if (!done.ok) return { ok: false, failure: done.failure, state };
  return readBack(api, state, done.value, !keepText);
}

/** Throws the saved draft away; the editor shows the published text again, unsaved edits included. */
export async function discardSavedDraft(api: DraftApi, state: DraftState): Promise<DraftOutcome<undefined>> {
  const done = await api.discardDraft(state.revision);
  if (!done.ok) return { ok: false, failure: done.failure, state };
  const read = await refreshDraft(api, state, true);
  // As after a publication, a failed read-back leaves what the editor had and says why.
  return read.ok ? read : { ok: true, value: undefined, state: read.state, refreshFailure: read.failure };
}

/** Changes who answers for the procedure (`null`: nobody), then reads back. */
export async function changeOwner(api: DraftApi, state: DraftState, ownerStaffId: string | null): Promise<DraftOutcome<undefined>> {
  const changed = await api.setOwner(ownerStaffId, state.revision);
  if (!changed.ok) return { ok: false, failure: changed.failure, state };
  const read = await refreshDraft(api, { ...state, revision: changed.value }, false);
  return read.ok ? read : { ok: true, value: undefined, state: read.state, refreshFailure: read.failure };
}

async function readBack<T>(api: DraftApi, state: DraftState, value: T, replaceText: boolean): Promise<DraftOutcome<T>> {
  const read = await refreshDraft(api, state, replaceText);
  if (!read.ok) return { ok: true, value, state: read.state, refreshFailure: read.failure };
  return { ok: true, value, state: read.state, ...(read.text !== undefined ? { text: read.text } : {}) };
}
