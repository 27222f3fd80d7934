/**
 * The workshop routes (core/protocol/api-routes.ts): a trainer's and a participating kiosk's (its
 * device token). A trainer is a volunteer signed in at the site (the volunteer console's
 * session) or a member of staff at the site named in the path (the staff console's session);
 * both go through the same commands, and which workshops each may lead is
 * core/workshop/trainer-rules.ts. Every body is parsed by the contract before a handler sees it;
 * the commands are in workshop-commands.ts, the views in workshop-views.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { TrainerWorkshopResponse } from '../../core/protocol/workshop.js';
import { mayLead, type Trainer } from '../../core/workshop/trainer-rules.js';
import type { HubDatabase } from '../db/schema.js';
import { kioskOf, staffOf, volunteerOf } from '../http/guards.js';
import { HubError } from '../http/hub-error.js';
import { route, type Guards } from '../http/route.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import type { WorkshopCommands } from './workshop-commands.js';
import { readWorkshop, runningWorkshopsAt, workshopOfKiosk } from './workshop-reads.js';
import { kioskView, ledWorkshop, lessonView, trainerView, type LessonSource } from './workshop-views.js';

/** Dependencies of the workshop routes. */
export interface WorkshopRouteDependencies {
  db: Kysely<HubDatabase>;
  catalog: ProcedureCatalog;
  commands: WorkshopCommands;
  guards: Guards;
  now: () => number;
}

/** The volunteer making the request, as a trainer at the site they signed in for. */
function volunteerTrainer(request: FastifyRequest): Trainer {
  const volunteer = volunteerOf(request);
  return { kind: 'volunteer', id: volunteer.volunteerId, name: volunteer.name, siteId: volunteer.siteId };
}

/** The member of staff making the request, as a trainer at the site of the path; a site the hub does not know is refused. */
async function staffTrainer(db: Kysely<HubDatabase>, request: FastifyRequest, siteId: string): Promise<Trainer> {
  const staff = staffOf(request);
  const site = await db.selectFrom('sites').select('id').where('id', '=', siteId).executeTakeFirst();
  if (!site) throw new HubError(404, `There is no site "${siteId}". Choose one of the sites the staff console lists.`, 'site', { code: 'site-not-found' });
  return { kind: 'staff', id: staff.staffId, name: staff.name, siteId };
}

/** Registers the trainer's (volunteer and staff) and the participant's routes. */
export function setupWorkshopRoutes(app: FastifyInstance, deps: WorkshopRouteDependencies): void {
  const { guards, commands } = deps;
  const lessons: LessonSource = (id) => deps.catalog.get(id);

  /** The workshop as the trainer sees it now (after a command); one they may not lead is as unknown as none. */
  const trainerAnswer = async (trainer: Trainer, workshopId: string): Promise<TrainerWorkshopResponse> => {
    const workshop = await readWorkshop(deps.db, workshopId);
    if (!workshop || !mayLead(trainer, ledWorkshop(workshop.row))) throw new HubError(404, 'This workshop was not found.', undefined, { code: 'not-found' });
    return { workshop: trainerView(workshop.row, workshop.participants, lessons), serverNow: deps.now() };
  };
  const lessonList = () => ({
    lessons: deps.catalog
      .list()
      .filter((procedure) => procedure.practice === true)
      .map((procedure) => lessonView(procedure.id, procedure.version, procedure)),
  });
  const running = async (trainer: Trainer) => {
    const workshops = (await runningWorkshopsAt(deps.db, trainer.siteId)).filter((workshop) => mayLead(trainer, ledWorkshop(workshop.row)));
    return { workshops: workshops.map((workshop) => trainerView(workshop.row, workshop.participants, lessons)), serverNow: deps.now() };
  };

  // --- the trainer: a volunteer at their site ---

  route(app, guards, 'workshopLessons', async () => lessonList());

  route(app, guards, 'trainerWorkshops', async ({ request }) => running(volunteerTrainer(request)));

  route(app, guards, 'startWorkshop', async ({ request, reply, body }) => {
    const trainer = volunteerTrainer(request);
    const workshopId = await commands.start(trainer, body.lessonIds);
    reply.code(201);
    return trainerAnswer(trainer, workshopId);
  });

  route(app, guards, 'trainerWorkshop', async ({ request, params }) => trainerAnswer(volunteerTrainer(request), params.id));

  route(app, guards, 'workshopFollow', async ({ request, params, body }) => {
    const trainer = volunteerTrainer(request);
    await commands.follow(trainer, params.id, body.target);
    return trainerAnswer(trainer, params.id);
  });

  route(app, guards, 'workshopPause', async ({ request, params, body }) => {
    const trainer = volunteerTrainer(request);
    await commands.pause(trainer, params.id, body);
    return trainerAnswer(trainer, params.id);
  });

  route(app, guards, 'workshopAnswerHand', async ({ request, params }) => {
    const trainer = volunteerTrainer(request);
    await commands.answerHand(trainer, params.id, params.seat);
    return trainerAnswer(trainer, params.id);
  });

  route(app, guards, 'endWorkshop', async ({ request, params }) => commands.end(volunteerTrainer(request), params.id));

  // --- the trainer: a member of staff at the site in the path ---

  route(app, guards, 'staffWorkshopLessons', async () => lessonList());

  route(app, guards, 'staffTrainerWorkshops', async ({ request, params }) => running(await staffTrainer(deps.db, request, params.site)));

  route(app, guards, 'staffStartWorkshop', async ({ request, reply, params, body }) => {
    const trainer = await staffTrainer(deps.db, request, params.site);
    const workshopId = await commands.start(trainer, body.lessonIds);
    reply.code(201);
    return trainerAnswer(trainer, workshopId);
  });

  route(app, guards, 'staffTrainerWorkshop', async ({ request, params }) => trainerAnswer(await staffTrainer(deps.db, request, params.site), params.id));

  route(app, guards, 'staffWorkshopFollow', async ({ request, params, body }) => {
    const trainer = await staffTrainer(deps.db, request, params.site);
    await commands.follow(trainer, params.id, body.target);
    return trainerAnswer(trainer, params.id);
  });

  route(app, guards, 'staffWorkshopPause', async ({ request, params, body }) => {
    const trainer = await staffTrainer(deps.db, request, params.site);
    await commands.pause(trainer, params.id, body);
    return trainerAnswer(trainer, params.id);
  });

  route(app, guards, 'staffWorkshopAnswerHand', async ({ request, params }) => {
    const trainer = await staffTrainer(deps.db, request, params.site);
    await commands.answerHand(trainer, params.id, params.seat);
    return trainerAnswer(trainer, params.id);
  });

  route(app, guards, 'staffEndWorkshop', async ({ request, params }) => commands.end(await staffTrainer(deps.db, request, params.site), params.id));

  // --- the participant ---

  route(app, guards, 'kioskWorkshop', async ({ request }) => {
    const mine = await workshopOfKiosk(deps.db, kioskOf(request).kioskId);
    return { workshop: mine ? kioskView(mine.row, mine.participant) : null };
  });

  route(app, guards, 'kioskJoinWorkshop', async ({ request, body }) => ({
    workshop: await commands.join(kioskOf(request), body.code, body.firstName),
  }));

  route(app, guards, 'kioskWorkshopProgress', async ({ request, body }) => {
    await commands.progress(kioskOf(request), body);
  });

  route(app, guards, 'kioskWorkshopHand', async ({ request, body }) => ({ workshop: await commands.hand(kioskOf(request), body.raised) }));

  route(app, guards, 'kioskWorkshopAnswer', async ({ request, body }) => {
    await commands.recordAnswer(kioskOf(request), body);
  });

  route(app, guards, 'kioskLeaveWorkshop', async ({ request }) => {
    await commands.leave(kioskOf(request));
  });
}
