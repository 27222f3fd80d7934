/**
 * The trainer's side of a workshop in the kiosk's tests (issue 18): Ana, signed in as the
 * volunteer console signs her in, starts a workshop and sends its commands over the hub's HTTP
 * routes, as her console does; and the kiosk page's way in, the code typed on the on-screen keys.
 */
import { expect } from '@playwright/test';
import { apiRoutes, fillPath } from '../../../core/protocol/api-routes.js';
import type { TrainerWorkshopResponse } from '../../../core/protocol/workshop.js';
import { loginToken, volunteers } from './volunteer-console.js';

/** A workshop Ana started, and her commands. */
export type Trainer = Awaited<ReturnType<typeof startWorkshopAsAna>>;

/** Ana starts a workshop of these lessons (by default the practice of the Cl@ve code). */
export async function startWorkshopAsAna(hubUrl: string, lessonIds: readonly string[] = ['practica-clave']) {
  const token = await loginToken(hubUrl, volunteers.ana);
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(hubUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  };
  const started = await call('POST', apiRoutes.startWorkshop.path, { lessonIds });
  expect(started.status).toBe(201);
  const { workshop } = started.body as TrainerWorkshopResponse;
  const at = (name: Parameters<typeof fillPath>[0], extra: Record<string, string | number> = {}) => fillPath(name, { id: workshop.id, ...extra });
  return {
    code: workshop.code,
    grid: async () => ((await call('GET', at('trainerWorkshop'))).body as TrainerWorkshopResponse).workshop,
    follow: (lessonId: string, stepId: string) => call('PUT', at('workshopFollow'), { target: { lessonId, stepId } }),
    pause: (message: string) => call('PUT', at('workshopPause'), { paused: true, message }),
    resume: () => call('PUT', at('workshopPause'), { paused: false }),
    answerHand: (seat: number) => call('POST', at('workshopAnswerHand', { seat }), {}),
    end: () => call('POST', at('endWorkshop'), {}),
  };
}
