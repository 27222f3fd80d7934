/**
 * The kiosk's light reader of its workshop (core/protocol/kiosk-answers.ts, issue 18) agrees with
 * the zod contract (core/protocol/workshop.ts): each field of a full and a short view swapped
 * for the wrong types and left out, one at a time, is refused or accepted by both alike.
 */
import { describe, expect, it } from 'vitest';
import { readKioskHubMessage, readKioskWorkshopResponse } from '../../../core/protocol/kiosk-answers.js';
import { hubMessageSchema } from '../../../core/protocol/ws.js';
import { kioskWorkshopResponseSchema } from '../../../core/protocol/workshop.js';
import { expectSameVerdicts } from '../../support/shape-mutations.js';

const fullView = {
  id: '0f8e2b6a-3c1d-4e5f-9a7b-123456789abc',
  state: 'paused',
  pauseMessage: 'Miren todos a la pantalla grande',
  follow: { lessonId: 'practica-clave', stepId: 'bienvenida', at: 1_765_000_000_000 },
  lessonIds: ['practica-clave', 'leccion-sms-falso'],
  seat: 3,
  firstName: 'Carmen',
  hand: 'answered',
  handAnsweredBy: 'Ana',
  trainerName: 'Ana',
};
const shortView = { id: fullView.id, state: 'running', follow: null, lessonIds: [], seat: 1, hand: 'down', trainerName: 'Luis' };
const accepts = (read: (value: unknown) => unknown) => (value: unknown) => read(value) !== undefined;

describe("the kiosk's light reader of its workshop agrees with the zod contract", () => {
  it('the answers of GET /api/kiosk/workshop, a join and a hand', () => {
    for (const answer of [{ workshop: fullView }, { workshop: shortView }, { workshop: null }])
      expectSameVerdicts(answer, accepts(readKioskWorkshopResponse), kioskWorkshopResponseSchema);
    expect(readKioskWorkshopResponse({ workshop: { ...fullView, state: 'over' } })).toBeUndefined();
    expect(readKioskWorkshopResponse({ workshop: { ...fullView, seat: 0 } })).toBeUndefined();
  });

  it('the kiosk.workshop message', () => {
    for (const message of [
      { type: 'kiosk.workshop', workshop: fullView },
      { type: 'kiosk.workshop', workshop: shortView },
      { type: 'kiosk.workshop', workshop: null },
    ]) {
      expectSameVerdicts(message, accepts(readKioskHubMessage), hubMessageSchema);
      expect(readKioskHubMessage(message)).toEqual(message);
    }
  });
});
