/**
 * Every command on a workshop (core/protocol/workshop.ts): a trainer starts, follows, pauses,
 * answers a hand and ends; a kiosk joins, reports where it is, raises its hand, records a quiz
 * answer and leaves; the sweep ends workshops nobody touched for hours. Each is one transaction
 * that announces what it changed (workshop-transactions.ts); a refusal changes nothing.
 *
 * Privacy: a participant is a row (seat, optional first name, place, hand) deleted when the kiosk
 * leaves or the workshop ends, in the transaction that ends it. What stays is counts on the
 * workshop's row and quiz answers (lesson, step, right or wrong) with no participant in them.
 */
import type { Transaction } from 'kysely';
import { runningWorkshopLimit, workshopSeatLimit } from '../../core/protocol/workshop-states.js';
import type { EndWorkshopResponse, KioskWorkshopView, LessonPlace, WorkshopAnswerRequest, WorkshopProgressRequest } from '../../core/protocol/workshop.js';
import type { Trainer } from '../../core/workshop/trainer-rules.js';
import { mayLead } from '../../core/workshop/trainer-rules.js';
import type { KioskPrincipal } from '../auth/principal.js';
import type { HubDatabase, WorkshopsTable } from '../db/schema.js';
import type { WriteDependencies } from '../help-queue/call-transactions.js';
import { firstName } from '../help-queue/views.js';
import { HubError } from '../http/hub-error.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import type { JoinCodeLock } from './join-code-lock.js';
import { drawJoinCode, joinCodeDraws, joinCodeLength } from './join-codes.js';
import { inWorkshopTransaction, isUniqueViolation, retryingUniqueRaces, workshopChange } from './workshop-transactions.js';
import { kioskView, ledWorkshop, storedLessons, storedList } from './workshop-views.js';

/** What the commands need; the clock, ids and randomness are passed in. */
export interface WorkshopCommandDependencies extends WriteDependencies {
  catalog: ProcedureCatalog;
  newId: () => string;
  randomInt: (max: number) => number;
  /** A workshop untouched (no command, no report) for this long ends by itself. */
  idleEndMs: number;
  /** The limit on wrong join codes per kiosk and per site (join-code-lock.ts). */
  joinLock: JoinCodeLock;
}

/** The default of {@link WorkshopCommandDependencies.idleEndMs}: three hours. */
export const defaultWorkshopIdleEndMs = 3 * 60 * 60_000;

const notInWorkshop = (): HubError =>
  new HubError(409, 'This kiosk is not in a workshop (it left, or the workshop ended).', undefined, { code: 'not-in-workshop' });
const workshopEnded = (): HubError => new HubError(409, 'This workshop has ended.', undefined, { code: 'workshop-ended' });
const workshopNotFound = (): HubError => new HubError(404, 'This workshop was not found.', undefined, { code: 'not-found' });

/** The commands on workshops. */
export class WorkshopCommands {
  constructor(private readonly deps: WorkshopCommandDependencies) {}

  // --- the trainer ---

  /**
   * Starts a workshop at the trainer's site with published practice lessons. The code is drawn
   * until the database takes it (unique among workshops not ended).
   */
  async start(trainer: Trainer, lessonIds: readonly string[]): Promise<string> {
    const lessons = lessonIds.map((id, index) => {
      const procedure = this.deps.catalog.get(id);
      if (!procedure?.practice)
        throw new HubError(400, `"${id}" is not a published practice script, so it cannot be a lesson.`, `lessonIds.${index}`, { code: 'lesson-not-practice' });
      return { id, version: procedure.version };
    });
    const now = this.deps.now();
    const id = this.deps.newId();
    const row: WorkshopsTable = {
      id,
      site_id: trainer.siteId,
      code: '',
      state: 'running',
      pause_message: null,
      follow_lesson_id: null,
      follow_step_id: null,
      follow_at: null,
      lessons: JSON.stringify(lessons),
      started_by: trainer.id,
      started_by_name: firstName(trainer.name),
      started_by_kind: trainer.kind,
      started_at: now,
      ended_at: null,
      last_activity_at: now,
      participants: 0,
      lessons_completed: 0,
    };
    for (let round = 0; round < joinCodeDraws; round += 1) {
      const code = drawJoinCode(joinCodeLength(round), this.deps.randomInt);
      try {
        await inWorkshopTransaction(this.deps, async (trx) => {
          const running = await trx
            .selectFrom('workshops')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .where('site_id', '=', trainer.siteId)
            .where('state', '<>', 'ended')
            .executeTakeFirst();
          if (Number(running?.count ?? 0) >= runningWorkshopLimit)
            throw new HubError(409, `This site already has ${runningWorkshopLimit} workshops running; end one first.`, undefined, {
              code: 'too-many-workshops',
            });
          await trx
            .insertInto('workshops')
            .values({ ...row, code })
            .execute();
          return { value: undefined, changes: [workshopChange(trainer.siteId, id)] };
        });
        return id;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    throw new HubError(503, 'No free workshop code could be found just now. Try again in a moment.');
  }

  /** Follow-the-leader on (a place in one of the lessons) or off. */
  async follow(trainer: Trainer, workshopId: string, target: LessonPlace | null): Promise<void> {
    const row = await this.trainersWorkshop(trainer, workshopId);
    if (target) this.checkPlace(row, target, 'target');
    await this.updateRunning(row, {
      follow_lesson_id: target?.lessonId ?? null,
      follow_step_id: target?.stepId ?? null,
      follow_at: target ? this.deps.now() : null,
    });
  }

  /** Pauses every screen with a message, or resumes. */
  async pause(trainer: Trainer, workshopId: string, pause: { paused: true; message: string } | { paused: false }): Promise<void> {
    const row = await this.trainersWorkshop(trainer, workshopId);
    await this.updateRunning(row, pause.paused ? { state: 'paused', pause_message: pause.message } : { state: 'running', pause_message: null });
  }

  /** Answers a seat's raised hand: its kiosk shows "<first name> viene". Answering it again changes nothing. */
  async answerHand(trainer: Trainer, workshopId: string, seat: number): Promise<void> {
    const row = await this.trainersWorkshop(trainer, workshopId);
    await inWorkshopTransaction(this.deps, async (trx) => {
      const participant = await trx
        .selectFrom('workshop_participants')
        .select(['kiosk_id', 'hand'])
        .where('workshop_id', '=', row.id)
        .where('seat', '=', seat)
        .executeTakeFirst();
      if (!participant) throw new HubError(404, `Nobody is at seat ${seat} of this workshop.`, 'seat', { code: 'seat-not-found' });
      if (participant.hand === 'down') throw new HubError(409, `Seat ${seat} has not raised a hand.`, undefined, { code: 'hand-not-raised' });
      await trx
        .updateTable('workshop_participants')
        .set({ hand: 'answered', hand_answered_by: firstName(trainer.name) })
        .where('kiosk_id', '=', participant.kiosk_id)
        .execute();
      await this.touch(trx, row.id);
      return { value: undefined, changes: [workshopChange(row.site_id, row.id)] };
    });
  }

  /** Ends a workshop: every participant's row is deleted; the counts stay. */
  async end(trainer: Trainer, workshopId: string): Promise<EndWorkshopResponse> {
    const row = await this.trainersWorkshop(trainer, workshopId);
    const ended = await this.endWorkshop(row.id, row.site_id);
    if (!ended) throw workshopEnded();
    return ended;
  }

  // --- the participant ---

  /**
   * Joins the workshop of `code` at the kiosk's site: the smallest free seat. A kiosk already in
   * it keeps its seat with a fresh start (a new name, no place, hand down); a kiosk in another
   * workshop leaves that one first.
   */
  async join(kiosk: KioskPrincipal, code: string, name: string | undefined): Promise<KioskWorkshopView> {
    // Counted before the code is looked at; refused, whatever the code, while locked.
    const attempt = await this.deps.joinLock.admit(kiosk, this.deps.now());
    let joined: KioskWorkshopView;
    try {
      joined = await this.joinByCode(kiosk, code, name);
    } catch (error) {
      const detail = error instanceof HubError ? error.detail : undefined;
      const refused = detail && 'code' in detail ? detail.code : undefined;
      // An ended workshop's code counts as wrong too: a sweep must not learn yesterday's codes for free.
      if (refused === 'workshop-not-found' || refused === 'workshop-ended') await attempt.wrong();
      else await attempt.notWrong();
      throw error;
    }
    await attempt.notWrong();
    return joined;
  }

  private async joinByCode(kiosk: KioskPrincipal, code: string, name: string | undefined): Promise<KioskWorkshopView> {
    // Two joins of one kiosk, or two kiosks taking one seat on PostgreSQL: the loser runs again.
    return retryingUniqueRaces(3, () =>
      inWorkshopTransaction(this.deps, async (trx) => {
        const now = this.deps.now();
        const found = await trx
          .selectFrom('workshops')
          .selectAll()
          .where('code', '=', code)
          .where('site_id', '=', kiosk.siteId)
          .orderBy('started_at', 'desc')
          .execute();
        const open = found.find((workshop) => workshop.state !== 'ended');
        if (!open) {
          if (found.length > 0) throw new HubError(409, `The workshop with the code ${code} has ended.`, 'code', { code: 'workshop-ended' });
          throw new HubError(404, `No workshop here has the code ${code}. Check the code on the trainer's screen.`, 'code', { code: 'workshop-not-found' });
        }
        // Takes the workshop's row first, so joins of one workshop go one at a time (the seat count and the free seat hold).
        const locked = await trx
          .updateTable('workshops')
          .set({ last_activity_at: now })
          .where('id', '=', open.id)
          .where('state', '<>', 'ended')
          .returningAll()
          .executeTakeFirst();
        if (!locked) throw new HubError(409, `The workshop with the code ${code} has ended.`, 'code', { code: 'workshop-ended' });
        const changes = [workshopChange(kiosk.siteId, locked.id)];
        const fresh = {
          first_name: name ?? null,
          lesson_id: null,
          step_id: null,
          step_since: null,
          hand: 'down',
          hand_raised_at: null,
          hand_answered_by: null,
        };
        const existing = await trx.selectFrom('workshop_participants').selectAll().where('kiosk_id', '=', kiosk.kioskId).executeTakeFirst();
        if (existing?.workshop_id === locked.id) {
          await trx
            .updateTable('workshop_participants')
            .set({ ...fresh, finished_lessons: '[]', answered: '[]', joined_at: now })
            .where('kiosk_id', '=', kiosk.kioskId)
            .execute();
          return { value: kioskView(locked, { ...existing, ...fresh }), changes };
        }
        if (existing) {
          await trx.deleteFrom('workshop_participants').where('kiosk_id', '=', kiosk.kioskId).execute();
          changes.push(workshopChange(existing.site_id, existing.workshop_id, [{ kioskId: kiosk.kioskId, seat: existing.seat }]));
        }
        const seats = await trx.selectFrom('workshop_participants').select('seat').where('workshop_id', '=', locked.id).execute();
        if (seats.length >= workshopSeatLimit)
          throw new HubError(409, `This workshop is full (${workshopSeatLimit} seats).`, undefined, { code: 'workshop-full' });
        const taken = new Set(seats.map((taken) => taken.seat));
        let seat = 1;
        while (taken.has(seat)) seat += 1;
        await trx
          .insertInto('workshop_participants')
          .values({
            kiosk_id: kiosk.kioskId,
            workshop_id: locked.id,
            site_id: kiosk.siteId,
            seat,
            ...fresh,
            finished_lessons: '[]',
            answered: '[]',
            joined_at: now,
          })
          .execute();
        await trx
          .updateTable('workshops')
          .set((eb) => ({ participants: eb('participants', '+', 1) }))
          .where('id', '=', locked.id)
          .execute();
        return { value: kioskView(locked, { seat, ...fresh }), changes };
      }),
    );
  }

  /**
   * Where the kiosk is now. The lesson must be the workshop's, the step its published version's,
   * each finished lesson the workshop's; lessons finished for the first time are counted.
   */
  async progress(kiosk: KioskPrincipal, report: WorkshopProgressRequest): Promise<void> {
    await inWorkshopTransaction(this.deps, async (trx) => {
      const { row, participant } = await this.participation(trx, kiosk);
      this.checkPlace(row, report, '');
      const lessonIds = new Set(storedLessons(row).map((lesson) => lesson.id));
      report.finishedLessons.forEach((lessonId, index) => {
        if (!lessonIds.has(lessonId))
          throw new HubError(400, `"${lessonId}" is not one of this workshop's lessons.`, `finishedLessons.${index}`, { code: 'lesson-not-in-workshop' });
      });
      const before = new Set(storedList(participant.finished_lessons));
      const newlyFinished = report.finishedLessons.filter((lessonId) => !before.has(lessonId)).length;
      const moved = participant.lesson_id !== report.lessonId || participant.step_id !== report.stepId;
      const now = this.deps.now();
      // Kept in the workshop's order, and never forgetting one finished before.
      const finished = storedLessons(row)
        .map((lesson) => lesson.id)
        .filter((lessonId) => before.has(lessonId) || report.finishedLessons.includes(lessonId));
      await trx
        .updateTable('workshop_participants')
        .set({
          lesson_id: report.lessonId,
          step_id: report.stepId,
          step_since: moved ? now : participant.step_since,
          finished_lessons: JSON.stringify(finished),
        })
        .where('kiosk_id', '=', kiosk.kioskId)
        .execute();
      await trx
        .updateTable('workshops')
        .set((eb) => ({ last_activity_at: now, lessons_completed: eb('lessons_completed', '+', newlyFinished) }))
        .where('id', '=', row.id)
        .execute();
      return { value: undefined, changes: [workshopChange(row.site_id, row.id)] };
    });
  }

  /** Raises or lowers the kiosk's hand; raising an answered hand again leaves it answered. */
  async hand(kiosk: KioskPrincipal, raised: boolean): Promise<KioskWorkshopView> {
    return inWorkshopTransaction(this.deps, async (trx) => {
      const { row, participant } = await this.participation(trx, kiosk);
      const now = this.deps.now();
      const update = raised
        ? participant.hand === 'down'
          ? { hand: 'raised', hand_raised_at: now, hand_answered_by: null }
          : {}
        : { hand: 'down', hand_raised_at: null, hand_answered_by: null };
      if (Object.keys(update).length > 0) await trx.updateTable('workshop_participants').set(update).where('kiosk_id', '=', kiosk.kioskId).execute();
      await this.touch(trx, row.id);
      return { value: kioskView(row, { ...participant, ...update }), changes: Object.keys(update).length > 0 ? [workshopChange(row.site_id, row.id)] : [] };
    });
  }

  /**
   * One quiz answer, right or wrong, for the records: only a quiz step of one of the workshop's
   * lessons, and only the kiosk's first answer to it (a second is accepted and not counted).
   */
  async recordAnswer(kiosk: KioskPrincipal, answer: WorkshopAnswerRequest): Promise<void> {
    await inWorkshopTransaction(this.deps, async (trx) => {
      const { row, participant } = await this.participation(trx, kiosk);
      this.checkPlace(row, answer, '');
      if (this.deps.catalog.step(answer.lessonId, answer.stepId)?.kind !== 'quiz')
        throw new HubError(400, `"${answer.stepId}" is not a question of the lesson "${answer.lessonId}".`, 'stepId', { code: 'step-not-found' });
      const answered = storedList(participant.answered);
      const key = `${answer.lessonId}/${answer.stepId}`;
      if (answered.includes(key)) return { value: undefined, changes: [] };
      await trx
        .updateTable('workshop_participants')
        .set({ answered: JSON.stringify([...answered, key]) })
        .where('kiosk_id', '=', kiosk.kioskId)
        .execute();
      await trx
        .insertInto('workshop_answers')
        .values({
          id: this.deps.newId(),
          workshop_id: row.id,
          site_id: row.site_id,
          lesson_id: answer.lessonId,
          step_id: answer.stepId,
          correct: answer.correct ? 1 : 0,
          at: this.deps.now(),
        })
        .execute();
      await this.touch(trx, row.id);
      return { value: undefined, changes: [] };
    });
  }

  /** Leaves the workshop: the kiosk's row is deleted. A kiosk in none has nothing to leave. */
  async leave(kiosk: KioskPrincipal): Promise<void> {
    await inWorkshopTransaction(this.deps, async (trx) => {
      const participant = await trx
        .selectFrom('workshop_participants')
        .select(['workshop_id', 'site_id', 'seat'])
        .where('kiosk_id', '=', kiosk.kioskId)
        .executeTakeFirst();
      if (!participant) return { value: undefined, changes: [] };
      await trx.deleteFrom('workshop_participants').where('kiosk_id', '=', kiosk.kioskId).execute();
      await this.touch(trx, participant.workshop_id);
      return {
        value: undefined,
        changes: [workshopChange(participant.site_id, participant.workshop_id, [{ kioskId: kiosk.kioskId, seat: participant.seat }])],
      };
    });
  }

  // --- the sweep ---

  /** Ends the workshops nobody touched for {@link WorkshopCommandDependencies.idleEndMs}; every hub runs it, each ends once. */
  async sweep(): Promise<number> {
    const idle = await this.deps.db
      .selectFrom('workshops')
      .select(['id', 'site_id'])
      .where('state', '<>', 'ended')
      .where('last_activity_at', '<', this.deps.now() - this.deps.idleEndMs)
      .execute();
    let ended = 0;
    for (const workshop of idle) if (await this.endWorkshop(workshop.id, workshop.site_id)) ended += 1;
    return ended;
  }

  // --- shared ---

  /** Ends one workshop, wiping its participants; undefined when it had already ended. */
  private async endWorkshop(workshopId: string, siteId: string): Promise<EndWorkshopResponse | undefined> {
    return inWorkshopTransaction(this.deps, async (trx) => {
      const now = this.deps.now();
      const ended = await trx
        .updateTable('workshops')
        .set({ state: 'ended', ended_at: now, last_activity_at: now, pause_message: null, follow_lesson_id: null, follow_step_id: null, follow_at: null })
        .where('id', '=', workshopId)
        .where('state', '<>', 'ended')
        .returning(['participants', 'lessons_completed'])
        .executeTakeFirst();
      if (!ended) return { value: undefined, changes: [] };
      const seated = await trx.selectFrom('workshop_participants').select(['kiosk_id', 'seat']).where('workshop_id', '=', workshopId).execute();
      await trx.deleteFrom('workshop_participants').where('workshop_id', '=', workshopId).execute();
      return {
        value: { participants: ended.participants, lessonsCompleted: ended.lessons_completed },
        changes: [
          workshopChange(
            siteId,
            workshopId,
            seated.map((participant) => ({ kioskId: participant.kiosk_id, seat: participant.seat })),
          ),
        ],
      };
    });
  }

  /** A workshop the trainer may lead that has not ended; one they may not (another site's, another staff member's) is as unknown as none. */
  private async trainersWorkshop(trainer: Trainer, workshopId: string): Promise<WorkshopsTable> {
    const row = await this.deps.db.selectFrom('workshops').selectAll().where('id', '=', workshopId).executeTakeFirst();
    if (!row || !mayLead(trainer, ledWorkshop(row))) throw workshopNotFound();
    if (row.state === 'ended') throw workshopEnded();
    return row;
  }

  /** Changes a workshop that has not ended (checked again in the UPDATE: it may have ended meanwhile). */
  private async updateRunning(row: WorkshopsTable, set: Partial<Omit<WorkshopsTable, 'id'>>): Promise<void> {
    await inWorkshopTransaction(this.deps, async (trx) => {
      const updated = await trx
        .updateTable('workshops')
        .set({ ...set, last_activity_at: this.deps.now() })
        .where('id', '=', row.id)
        .where('state', '<>', 'ended')
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw workshopEnded();
      return { value: undefined, changes: [workshopChange(row.site_id, row.id)] };
    });
  }

  /**
   * The kiosk's participation, or the refusal that it has none. Its row is read by an UPDATE that
   * changes nothing, which holds it for the rest of the transaction: two reports of one kiosk in
   * flight together (through two hubs on PostgreSQL) go one after the other, so a lesson finished
   * is counted once.
   */
  private async participation(trx: Transaction<HubDatabase>, kiosk: KioskPrincipal) {
    const participant = await trx
      .updateTable('workshop_participants')
      .set((eb) => ({ seat: eb.ref('seat') }))
      .where('kiosk_id', '=', kiosk.kioskId)
      .returningAll()
      .executeTakeFirst();
    if (!participant) throw notInWorkshop();
    const row = await trx.selectFrom('workshops').selectAll().where('id', '=', participant.workshop_id).executeTakeFirst();
    if (!row || row.state === 'ended') throw notInWorkshop();
    return { row, participant };
  }

  /** Checks that a place is in one of the workshop's lessons, at a step its published version has. */
  private checkPlace(row: WorkshopsTable, place: LessonPlace, prefix: string): void {
    const field = (name: string): string => (prefix ? `${prefix}.${name}` : name);
    if (!storedLessons(row).some((lesson) => lesson.id === place.lessonId))
      throw new HubError(400, `"${place.lessonId}" is not one of this workshop's lessons.`, field('lessonId'), { code: 'lesson-not-in-workshop' });
    if (!this.deps.catalog.step(place.lessonId, place.stepId))
      throw new HubError(400, `The lesson "${place.lessonId}" has no step "${place.stepId}".`, field('stepId'), { code: 'step-not-found' });
  }

  private async touch(trx: Transaction<HubDatabase>, workshopId: string): Promise<void> {
    await trx.updateTable('workshops').set({ last_activity_at: this.deps.now() }).where('id', '=', workshopId).execute();
  }
}
