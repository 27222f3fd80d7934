/**
 * The workshop routes (core/protocol/api-routes.ts): a trainer's (a volunteer signed in at the
 * site, with the volunteer console's session) and a participating kiosk's (its device token).
 * Every body is parsed by the contract before a handler sees it; the commands are in
 * workshop-commands.ts, the views in workshop-views.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { TrainerWorkshopResponse } from '../../core/protocol/workshop.js';
import type { VolunteerPrincipal } from '../auth/principal.js';
import type { HubDatabase } from '../db/schema.js';
import { kioskOf, volunteerOf } from '../http/guards.js';
import { HubError } from '../http/hub-error.js';
import { route, type Guards } from '../http/route.js';
import type { ProcedureCatalog } from '../procedures/catalog.js';
import type { WorkshopCommands } from './workshop-commands.js';
import { readWorkshop, runningWorkshopsAt, workshopOfKiosk } from './workshop-reads.js';
import { kioskView, lessonView, trainerView, type LessonSource } from './workshop-views.js';

/** Dependencies of the workshop routes. */
export interface WorkshopRouteDependencies {
  db: Kysely<HubDatabase>;
  catalog: ProcedureCatalog;
  commands: WorkshopCommands;
  guards: Guards;
  now: () => number;
}

/** Registers the trainer's and the participant's routes. */
export function setupWorkshopRoutes(app: FastifyInstance, deps: WorkshopRouteDependencies): void {
  const { guards, commands } = deps;
  const lessons: LessonSource = (id) => deps.catalog.get(id);

  /** The workshop as the trainer sees it now (after a command); another site's is as unknown as none. */
  const trainerAnswer = async (volunteer: VolunteerPrincipal, workshopId: string): Promise<TrainerWorkshopResponse> => {
    const workshop = await readWorkshop(deps.db, workshopId);
    if (!workshop || workshop.row.site_id !== volunteer.siteId) throw new HubError(404, 'This workshop was not found.', undefined, { code: 'not-found' });
    return { workshop: trainerView(workshop.row, workshop.participants, lessons), serverNow: deps.now() };
  };

  // --- the trainer ---

  route(app, guards, 'workshopLessons', async () => ({
    lessons: deps.catalog
      .list()
      .filter((procedure) => procedure.practice === true)
      .map((procedure) => lessonView(procedure.id, procedure.version, procedure)),
  }));

  route(app, guards, 'trainerWorkshops', async ({ request }) => {
    const volunteer = volunteerOf(request);
    const workshops = await runningWorkshopsAt(deps.db, volunteer.siteId);
    return { workshops: workshops.map((workshop) => trainerView(workshop.row, workshop.participants, lessons)), serverNow: deps.now() };
  });

  route(app, guards, 'startWorkshop', async ({ request, reply, body }) => {
    const volunteer = volunteerOf(request);
    const workshopId = await commands.start(volunteer, body.lessonIds);
    reply.code(201);
    return trainerAnswer(volunteer, workshopId);
  });

  route(app, guards, 'trainerWorkshop', async ({ request, params }) => trainerAnswer(volunteerOf(request), params.id));

  route(app, guards, 'workshopFollow', async ({ request, params, body }) => {
    const volunteer = volunteerOf(request);
    await commands.follow(volunteer, params.id, body.target);
    return trainerAnswer(volunteer, params.id);
  });

  route(app, guards, 'workshopPause', async ({ request, params, body }) => {
    const volunteer = volunteerOf(request);
    await commands.pause(volunteer, params.id, body);
    return trainerAnswer(volunteer, params.id);
  });

  route(app, guards, 'workshopAnswerHand', async ({ request, params }) => {
    const volunteer = volunteerOf(request);
    await commands.answerHand(volunteer, params.id, params.seat);
    return trainerAnswer(volunteer, params.id);
  });

  route(app, guards, 'endWorkshop', async ({ request, params }) => commands.end(volunteerOf(request), params.id));

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
