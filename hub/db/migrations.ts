/**
 * The hub's migrations, one list for SQLite and PostgreSQL, run at every start by Kysely's
 * migrator (which records what ran and takes a lock, so two hubs starting together are safe).
 * Append new migrations; never edit one that has shipped.
 */
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const migrations: Record<string, Migration> = {
  '001-help-queue': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('escalation_seconds', 'integer', (c) => c.notNull().defaultTo(120))
        .addColumn('in_person_help', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('kiosks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('revoked_at', 'bigint')
        .addColumn('last_seen_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('volunteers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('pin_hash', 'text', (c) => c.notNull())
        .addColumn('languages', 'text', (c) => c.notNull())
        .addColumn('available', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('failed_pin_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('volunteer_sites')
        .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addPrimaryKeyConstraint('volunteer_sites_pk', ['volunteer_id', 'site_id'])
        .execute();
      await db.schema
        .createTable('staff')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text')
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id'))
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('procedure_id', 'text', (c) => c.notNull())
        .addColumn('procedure_version', 'integer')
        .addColumn('step_id', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('volunteer_id', 'text', (c) => c.references('volunteers.id'))
        .addColumn('outcome', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('offered_at', 'bigint')
        .addColumn('accepted_at', 'bigint')
        .addColumn('arrived_at', 'bigint')
        .addColumn('resolved_at', 'bigint')
        .addColumn('cancelled_at', 'bigint')
        .addColumn('escalated_at', 'bigint')
        .addColumn('expired_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        // A retried request from the same kiosk carries the same key: the database refuses a second call.
        .addUniqueConstraint('calls_kiosk_idempotency', ['kiosk_id', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('calls_site_state').on('calls').columns(['site_id', 'state']).execute();
      await db.schema
        .createTable('call_offers')
        .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id'))
        .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
        .addColumn('offered_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('call_offers_pk', ['call_id', 'volunteer_id'])
        .execute();
      await db.schema
        .createTable('kiosk_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kiosk_id', 'text', (c) => c.notNull())
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('procedure_id', 'text')
        .addColumn('step_id', 'text')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('kiosk_events_at').on('kiosk_events').column('at').execute();
    },
  },
  // Found by the hub benchmark: with a year of history these queries read a site's every call.
  '002-call-indexes': {
    async up(db: Kysely<unknown>): Promise<void> {
      // The site's calls that changed lately (closed calls stay in views for a minute).
      await db.schema.createIndex('calls_site_updated').on('calls').columns(['site_id', 'updated_at']).execute();
      // Recent acceptance times, for the estimated wait.
      await db.schema.createIndex('calls_site_accepted').on('calls').columns(['site_id', 'accepted_at']).execute();
      // A kiosk's open call, looked up on every request to call.
      await db.schema.createIndex('calls_kiosk_state').on('calls').columns(['kiosk_id', 'state']).execute();
      // The sweep: open calls by age.
      await db.schema.createIndex('calls_state_created').on('calls').columns(['state', 'created_at']).execute();
    },
  },
  // The staff console: procedures with drafts and published versions, the audit trail, and what
  // each kiosk reports it runs.
  '003-staff-console': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('procedures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_staff_id', 'text')
        // Raised by every change; a change based on an older revision is refused.
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('draft_source', 'text')
        .addColumn('draft_problems', 'text')
        .addColumn('draft_saved_at', 'bigint')
        .addColumn('draft_saved_by', 'text')
        .addColumn('published_version', 'integer')
        .addColumn('last_verified', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();
      await db.schema
        .createTable('procedure_versions')
        .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('procedure_json', 'text', (c) => c.notNull())
        .addColumn('changelog', 'text', (c) => c.notNull())
        .addColumn('published_by', 'text')
        .addColumn('published_at', 'bigint', (c) => c.notNull())
        .addColumn('rolled_back_from', 'integer')
        .addPrimaryKeyConstraint('procedure_versions_pk', ['procedure_id', 'version'])
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('staff_id', 'text', (c) => c.notNull())
        .addColumn('staff_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_kind', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_kind', 'target_id', 'at']).execute();
      await db.schema.alterTable('kiosks').addColumn('app_version', 'text').execute();
      await db.schema.alterTable('kiosks').addColumn('procedures_version', 'integer').execute();
      // Analytics read a date range of calls.
      await db.schema.createIndex('calls_created').on('calls').column('created_at').execute();
    },
  },
  // On-demand speech shared by every hub on one database (speech/store.ts, hub/audio/database-sound-store.ts).
  '004-speech-sounds': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('speech_sounds')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('record', 'text')
        // "bytea" is PostgreSQL's binary type; SQLite gives any unknown type name BLOB affinity.
        .addColumn('ogg', sql`bytea`)
        .addColumn('mp3', sql`bytea`)
        .addColumn('claimed_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('speech_sounds_created').on('speech_sounds').column('created_at').execute();
    },
  },
  // Issue 15, sessions and accounts: accounts can be disabled and deleted (a deleted row stays,
  // marked, so help calls and the audit trail keep naming who it was), and every session of one
  // account is ended at once when its rights change, so sessions are found by their subject.
  '005-account-lifecycle': {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const table of ['volunteers', 'staff']) {
        await db.schema.alterTable(table).addColumn('disabled_at', 'bigint').execute();
        await db.schema.alterTable(table).addColumn('deleted_at', 'bigint').execute();
      }
      await db.schema.createIndex('sessions_subject').on('sessions').columns(['role', 'subject_id']).execute();
      // The sweep deletes expired sessions by age.
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
    },
  },
  // Issue 15, sign-in limits: wrong PINs and passwords counted for names that have no volunteer
  // account, and for every staff e-mail, so a lock answers the same whether an account exists.
  '006-sign-in-attempts': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('sign_in_attempts')
        .addColumn('account_key', 'text', (c) => c.primaryKey())
        .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', 'bigint')
        .addColumn('last_attempt_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_attempts_last').on('sign_in_attempts').column('last_attempt_at').execute();
    },
  },
  // Issue 16, the console in its own language: each audit entry keeps its summary's code and
  // params, so the console words it in Spanish or English; older entries keep only the English.
  '007-audit-summary-codes': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('audit_log').addColumn('summary_code', 'text').execute();
      await db.schema.alterTable('audit_log').addColumn('summary_params', 'text').execute();
    },
  },
  // Issue 17, the spoken mode: each call keeps how the senior was using the kiosk, for the
  // volunteer's console. Calls made before read as touch, the only mode there was.
  '008-call-mode': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('calls')
        .addColumn('mode', 'text', (c) => c.notNull().defaultTo('touch'))
        .execute();
    },
  },
  // Issue 18, workshops: a trainer's workshop with its join code (unique among the workshops not
  // ended), its participants (deleted when they leave or it ends:
  // nothing of a senior outlives the workshop), and the quiz answers kept for the records, right
  // or wrong only, with no participant in them.
  '009-workshops': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('workshops')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('pause_message', 'text')
        .addColumn('follow_lesson_id', 'text')
        .addColumn('follow_step_id', 'text')
        .addColumn('follow_at', 'bigint')
        .addColumn('lessons', 'text', (c) => c.notNull())
        .addColumn('started_by', 'text', (c) => c.notNull())
        .addColumn('started_by_name', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('last_activity_at', 'bigint', (c) => c.notNull())
        .addColumn('participants', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lessons_completed', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // A code is unique among the workshops not ended (an ended one keeps its code, so a kiosk
      // typing it hears that it ended); SQL, as a partial index takes no bound values.
      await sql`create unique index workshops_running_code on workshops (code) where state <> 'ended'`.execute(db);
      await db.schema.createIndex('workshops_code').on('workshops').columns(['code', 'started_at']).execute();
      await db.schema.createIndex('workshops_site_state').on('workshops').columns(['site_id', 'state']).execute();
      await db.schema.createIndex('workshops_state_activity').on('workshops').columns(['state', 'last_activity_at']).execute();
      await db.schema.createIndex('workshops_started').on('workshops').column('started_at').execute();
      await db.schema
        .createTable('workshop_participants')
        // A kiosk is in at most one workshop.
        .addColumn('kiosk_id', 'text', (c) => c.primaryKey().references('kiosks.id'))
        .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('seat', 'integer', (c) => c.notNull())
        .addColumn('first_name', 'text')
        .addColumn('lesson_id', 'text')
        .addColumn('step_id', 'text')
        .addColumn('step_since', 'bigint')
        .addColumn('finished_lessons', 'text', (c) => c.notNull())
        .addColumn('answered', 'text', (c) => c.notNull())
        .addColumn('hand', 'text', (c) => c.notNull())
        .addColumn('hand_raised_at', 'bigint')
        .addColumn('hand_answered_by', 'text')
        .addColumn('joined_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('workshop_participants_seat', ['workshop_id', 'seat'])
        .execute();
      await db.schema
        .createTable('workshop_answers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id'))
        .addColumn('site_id', 'text', (c) => c.notNull())
        .addColumn('lesson_id', 'text', (c) => c.notNull())
        .addColumn('step_id', 'text', (c) => c.notNull())
        .addColumn('correct', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('workshop_answers_at').on('workshop_answers').column('at').execute();
    },
  },
  // Issue 18, a member of staff leads a workshop too: who started it is a volunteer or a member
  // of staff (their ids are apart), so a staff trainer is told apart from a volunteer of the site.
  // Every workshop before this one was started by a volunteer.
  '010-workshop-trainer-kind': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('workshops')
        .addColumn('started_by_kind', 'text', (c) => c.notNull().defaultTo('volunteer'))
        .execute();
    },
  },
};

/** Supplies the migrations above to Kysely's migrator. */
export const hubMigrations: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
