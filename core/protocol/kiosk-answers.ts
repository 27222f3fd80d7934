/**
 * What the kiosk reads from its own hub, checked without zod (issue 13: the kiosk ships no zod;
 * see core/shape/light-check.ts for why and what a light check leaves out). Each reader returns
 * the zod-derived type of core/protocol, or undefined for an answer that does not fit, which the
 * kiosk treats like no answer at all: its plain "cannot load" or "cannot call" states, never a
 * crash. tests/core/protocol/kiosk-answers.test.ts holds each shape to its zod schema.
 */
import { callOutcomes, callStates } from '../help-call/states.js';
import { isProcedureId } from '../procedure/ids.js';
import {
  anyOf,
  arrayOf,
  integerFrom,
  isBoolean,
  isNumber,
  isPlainObject,
  isPositive,
  isString,
  matching,
  nullable,
  objectOf,
  oneOf,
  optional,
  type Shape,
} from '../shape/light-check.js';
import type { KioskCallView, KioskEvent, KioskMeResponse, SpeechResponse } from './http.js';
import type { HubMessage } from './ws.js';
import { handStates, workshopStates } from './workshop-states.js';
import type { KioskWorkshopResponse, KioskWorkshopView } from './workshop.js';

/** The WebSocket messages a kiosk acts on; the others (a volunteer's, staff's) it ignores. */
export type KioskHubMessage = Extract<HubMessage, { type: 'welcome' | 'kiosk.call' | 'kiosk.take-over' | 'procedures-changed' | 'kiosk.workshop' }>;

const kioskCallView = objectOf({
  id: isString,
  state: oneOf(callStates),
  position: optional(integerFrom(1)),
  estimatedWaitSeconds: optional(integerFrom(0)),
  volunteerName: optional(isString),
  inPersonHelp: optional(isString),
  outcome: optional(oneOf(callOutcomes)),
}) satisfies Shape<KioskCallView>;

const kioskMe = objectOf({
  kiosk: objectOf({ id: isString, name: isString, location: isString }),
  site: objectOf({ id: isString, name: isString, inPersonHelp: isString }),
  demo: isBoolean,
}) satisfies Shape<KioskMeResponse>;

const kioskWorkshopView = objectOf({
  id: isString,
  state: oneOf(workshopStates),
  pauseMessage: optional(isString),
  follow: nullable(objectOf({ lessonId: isString, stepId: isString, at: isNumber })),
  lessonIds: arrayOf(isString),
  seat: integerFrom(1),
  firstName: optional(isString),
  hand: oneOf(handStates),
  handAnsweredBy: optional(isString),
  trainerName: isString,
}) satisfies Shape<KioskWorkshopView>;

const kioskWorkshopResponse = objectOf({ workshop: nullable(kioskWorkshopView) }) satisfies Shape<KioskWorkshopResponse>;

const kioskMessage = anyOf(
  objectOf({ type: oneOf(['welcome']), role: oneOf(['kiosk', 'volunteer', 'staff']), name: isString, demo: isBoolean }),
  objectOf({ type: oneOf(['kiosk.call']), call: nullable(kioskCallView) }),
  objectOf({ type: oneOf(['kiosk.take-over']), callId: isString, volunteerName: isString }),
  objectOf({ type: oneOf(['procedures-changed']), version: integerFrom(0) }),
  objectOf({ type: oneOf(['kiosk.workshop']), workshop: nullable(kioskWorkshopView) }),
) satisfies Shape<KioskHubMessage>;

const speechResponse = objectOf({ text: isString, ogg: isString, mp3: isString, duration: isPositive }) satisfies Shape<SpeechResponse>;

const callResponse = objectOf({ call: nullable(kioskCallView) });
const proceduresResponse = objectOf({ version: integerFrom(0), procedures: arrayOf((_value): _value is unknown => true) });
const health = objectOf({ demo: isBoolean });

const fits =
  <T>(shape: Shape<T>) =>
  (value: unknown): T | undefined =>
    shape(value) ? value : undefined;

/** `GET /api/kiosk/me`: who this kiosk is and its site. */
export const readKioskMe = fits(kioskMe);

/** `POST /api/kiosk/calls` and its cancel: the kiosk's call, or null when it has none. */
export const readCallResponse = fits(callResponse);

/** `GET /api/procedures`: the catalogue version and the procedures, each still to be read on its own. */
export const readProceduresResponse = fits(proceduresResponse);

/** A hub speech answer: the sentence and its files. */
export const readSpeechResponse = fits(speechResponse);

/** `GET /health`: whether the hub runs the demo. */
export const readHealth = fits(health);

/** `GET /api/kiosk/workshop`, a join and a hand: the kiosk's workshop, or null when it is in none (issue 18). */
export const readKioskWorkshopResponse = fits(kioskWorkshopResponse);

/** A WebSocket message the kiosk acts on, or undefined for anything else. */
export const readKioskHubMessage = fits(kioskMessage);

/** A kiosk app's version as the hub accepts it in hello (core/protocol/ws.ts, appVersionSchema). */
export const isAppVersion = matching(/^[A-Za-z0-9._+-]{1,40}$/);

const eventKeys = new Set(['sessionId', 'type', 'procedureId', 'stepId']);
const kioskEvent = objectOf({
  sessionId: matching(/^[A-Za-z0-9_-]{8,64}$/),
  type: oneOf(['procedure-started', 'step-reached', 'help-called', 'procedure-completed', 'procedure-abandoned', 'idle-reset']),
  procedureId: optional(isProcedureId),
  stepId: optional(isProcedureId),
}) satisfies Shape<KioskEvent>;

/**
 * Whether an analytics event may leave the kiosk: exactly the fields of kioskEventSchema and
 * nothing else, so an answer the senior typed can never ride along (the hub refuses it too).
 */
export function isSendableKioskEvent(event: unknown): event is KioskEvent {
  return kioskEvent(event) && isPlainObject(event) && Object.keys(event).every((key) => eventKeys.has(key));
}
