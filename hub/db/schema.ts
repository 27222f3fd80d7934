/**
 * The hub's tables as Kysely types. Timestamps are milliseconds since 1970 in a bigint column,
 * booleans are 0/1 integers, lists are JSON text: the same on SQLite and PostgreSQL, so one set
 * of queries serves both.
 */
export interface SitesTable {
  id: string;
  name: string;
  location: string;
  escalation_seconds: number;
  in_person_help: string;
  created_at: number;
}

export interface KiosksTable {
  id: string;
  site_id: string;
  name: string;
  location: string;
  token_hash: string;
  revoked_at: number | null;
  last_seen_at: number | null;
  created_at: number;
  /** What the kiosk last reported it runs (migration 003). */
  app_version: string | null;
  procedures_version: number | null;
}

export interface VolunteersTable {
  id: string;
  name: string;
  pin_hash: string;
  /** JSON array of language codes. */
  languages: string;
  available: number;
  failed_pin_attempts: number;
  locked_until: number | null;
  created_at: number;
  /** Set while staff have disabled the account: it cannot sign in (migration 005). */
  disabled_at: number | null;
  /** Set once staff deleted the account: the row stays so history still names it (migration 005). */
  deleted_at: number | null;
}

export interface VolunteerSitesTable {
  volunteer_id: string;
  site_id: string;
}

export interface StaffTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
  /** Set while the account is disabled: it cannot sign in (migration 005). */
  disabled_at: number | null;
  /** Set once the account was deleted: the row stays so history still names it (migration 005). */
  deleted_at: number | null;
}

export interface SessionsTable {
  token_hash: string;
  role: 'volunteer' | 'staff';
  subject_id: string;
  /** The site a volunteer signed in for. */
  site_id: string | null;
  expires_at: number;
  created_at: number;
}

export interface CallsTable {
  id: string;
  site_id: string;
  kiosk_id: string;
  idempotency_key: string;
  procedure_id: string;
  procedure_version: number | null;
  step_id: string;
  language: string;
  /** 'touch' or 'spoken' (core/protocol/http.ts kioskModes); 'touch' for calls older than the column. */
  mode: string;
  state: string;
  volunteer_id: string | null;
  outcome: string | null;
  created_at: number;
  offered_at: number | null;
  accepted_at: number | null;
  arrived_at: number | null;
  resolved_at: number | null;
  cancelled_at: number | null;
  escalated_at: number | null;
  expired_at: number | null;
  updated_at: number;
}

export interface CallOffersTable {
  call_id: string;
  volunteer_id: string;
  offered_at: number;
}

export interface KioskEventsTable {
  id: string;
  kiosk_id: string;
  site_id: string;
  session_id: string;
  type: string;
  procedure_id: string | null;
  step_id: string | null;
  at: number;
}

export interface ProceduresTable {
  id: string;
  owner_staff_id: string | null;
  revision: number;
  /** The YAML being edited; null when there is no draft. */
  draft_source: string | null;
  /** JSON array of the draft's problems. */
  draft_problems: string | null;
  draft_saved_at: number | null;
  draft_saved_by: string | null;
  published_version: number | null;
  /** YYYY-MM-DD, from the script. */
  last_verified: string | null;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
}

export interface ProcedureVersionsTable {
  procedure_id: string;
  version: number;
  source: string;
  /** The checked procedure as JSON, its `version` set to this version. */
  procedure_json: string;
  changelog: string;
  published_by: string | null;
  published_at: number;
  rolled_back_from: number | null;
}

export interface AuditLogTable {
  id: string;
  at: number;
  staff_id: string;
  /** The name at the time, so the trail stays readable if the account changes. */
  staff_name: string;
  action: string;
  target_kind: string;
  target_id: string;
  summary: string;
  /** The summary's stable code and its params as JSON (audit/audit-summaries.ts); null in entries written before codes. */
  summary_code: string | null;
  summary_params: string | null;
}

/**
 * Speech the hub rendered on demand (help-call sentences, published wording, the staff
 * preview), kept in the database so that every hub sharing it serves what any one rendered.
 */
export interface SpeechSoundsTable {
  /** The sound's name (speech/sound-id.ts). */
  hash: string;
  /** The store record (speech/store.ts) as JSON; null while a hub is still rendering it. */
  record: string | null;
  ogg: Buffer | null;
  mp3: Buffer | null;
  /** When a hub claimed the rendering; a stale claim is taken over. */
  claimed_at: number;
  created_at: number;
}

/**
 * Wrong PINs and passwords in a row for a name with no volunteer account (`volunteer-name:<site>:<name>`)
 * or for a staff e-mail (`staff:<email>`), whether or not it has an account (migration 006).
 * Volunteers' own counts stay on their row, where staff see the lock.
 */
export interface SignInAttemptsTable {
  account_key: string;
  failed: number;
  locked_until: number | null;
  last_attempt_at: number;
}

/** A workshop (issue 18, migration 009). */
export interface WorkshopsTable {
  id: string;
  site_id: string;
  /** The join code: unique among the workshops not ended; an ended one keeps it, so a kiosk typing it hears that it ended. */
  code: string;
  /** 'running', 'paused' or 'ended' (core/protocol/workshop-states.ts). */
  state: string;
  pause_message: string | null;
  follow_lesson_id: string | null;
  follow_step_id: string | null;
  follow_at: number | null;
  /** JSON array of `{ id, version }`: the lessons in order, with the published version at the start. */
  lessons: string;
  /** Who started it (a volunteer's or a staff member's id, as `started_by_kind` says), and their first name (shown to kiosks). */
  started_by: string;
  started_by_name: string;
  /** 'volunteer' or 'staff' (migration 010; core/workshop/trainer-rules.ts). */
  started_by_kind: string;
  started_at: number;
  ended_at: number | null;
  /** Last command or report; a workshop untouched for hours ends by itself. */
  last_activity_at: number;
  /** Counts kept for the records: seats given, lessons finished. */
  participants: number;
  lessons_completed: number;
}

/** A kiosk taking part in a workshop; deleted when it leaves or the workshop ends (migration 009). */
export interface WorkshopParticipantsTable {
  kiosk_id: string;
  workshop_id: string;
  site_id: string;
  seat: number;
  first_name: string | null;
  lesson_id: string | null;
  step_id: string | null;
  step_since: number | null;
  /** JSON array of lesson ids. */
  finished_lessons: string;
  /** JSON array of `lessonId/stepId` quiz steps already answered (only the first answer counts). */
  answered: string;
  /** 'down', 'raised' or 'answered'. */
  hand: string;
  hand_raised_at: number | null;
  hand_answered_by: string | null;
  joined_at: number;
}

/** One quiz answer, right or wrong, with no participant (migration 009). */
export interface WorkshopAnswersTable {
  id: string;
  workshop_id: string;
  site_id: string;
  lesson_id: string;
  step_id: string;
  /** 1 right, 0 wrong. */
  correct: number;
  at: number;
}

/** Every table of the hub's database. */
export interface HubDatabase {
  sites: SitesTable;
  kiosks: KiosksTable;
  volunteers: VolunteersTable;
  volunteer_sites: VolunteerSitesTable;
  staff: StaffTable;
  sessions: SessionsTable;
  calls: CallsTable;
  call_offers: CallOffersTable;
  kiosk_events: KioskEventsTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  audit_log: AuditLogTable;
  speech_sounds: SpeechSoundsTable;
  sign_in_attempts: SignInAttemptsTable;
  workshops: WorkshopsTable;
  workshop_participants: WorkshopParticipantsTable;
  workshop_answers: WorkshopAnswersTable;
}
