/**
 * The zod schemas of every route in api-routes.ts, under the same names: what the request may
 * carry (path parameters, query, body) and what the answer is. The hub validates both ways with
 * them (hub/http/route.ts); the staff and volunteer consoles check answers with them; the kiosk,
 * which ships no zod, imports only the types (`import type`) and checks with its light checks
 * (kiosk-answers.ts). `satisfies` over the route names: a route without schemas does not compile.
 */
import { z } from 'zod';
import type { RouteName } from './api-routes.js';
import {
  availabilityRequestSchema,
  createCallRequestSchema,
  createKioskRequestSchema,
  createSiteRequestSchema,
  createStaffRequestSchema,
  createVolunteerRequestSchema,
  kioskCallViewSchema,
  kioskEventsRequestSchema,
  kioskMeResponseSchema,
  kioskVolunteerSignInRequestSchema,
  kioskVolunteerSignInResponseSchema,
  promptSpeechQuerySchema,
  resetPinRequestSchema,
  resolveCallRequestSchema,
  setDisabledRequestSchema,
  speechQuerySchema,
  speechResponseSchema,
  staffLoginRequestSchema,
  staffLoginResponseSchema,
  staffPasswordRequestSchema,
  takeOverRequestSchema,
  updateVolunteerRequestSchema,
  volunteerCallViewSchema,
  volunteerCallsResponseSchema,
  volunteerLoginRequestSchema,
  volunteerLoginResponseSchema,
} from './http.js';
import {
  analyticsQuerySchema,
  analyticsResponseSchema,
  auditQuerySchema,
  auditResponseSchema,
  checkRequestSchema,
  checkResponseSchema,
  createProcedureRequestSchema,
  diffQuerySchema,
  diffResponseSchema,
  discardDraftRequestSchema,
  fleetResponseSchema,
  kioskProceduresResponseSchema,
  kioskTokenResponseSchema,
  procedureDetailResponseSchema,
  procedureListResponseSchema,
  publishRequestSchema,
  publishResponseSchema,
  revisionResponseSchema,
  rollbackRequestSchema,
  saveDraftRequestSchema,
  saveDraftResponseSchema,
  securityAlertsResponseSchema,
  setOwnerRequestSchema,
  staffAccountsResponseSchema,
  staffMeResponseSchema,
  staffSpeechRequestSchema,
  versionListResponseSchema,
  versionsQuerySchema,
  versionResponseSchema,
} from './staff-console.js';
import {
  createKioskResponseSchema,
  siteViewSchema,
  staffAccountViewSchema,
  staffCallsResponseSchema,
  staffKiosksResponseSchema,
  staffSitesResponseSchema,
  staffVolunteersResponseSchema,
  volunteerViewSchema,
} from './staff-people.js';
import {
  answerHandRequestSchema,
  endWorkshopRequestSchema,
  endWorkshopResponseSchema,
  followRequestSchema,
  joinWorkshopRequestSchema,
  kioskWorkshopResponseSchema,
  leaveWorkshopRequestSchema,
  pauseRequestSchema,
  seatParamsSchema,
  staffSeatParamsSchema,
  staffSiteParamsSchema,
  staffWorkshopParamsSchema,
  startWorkshopRequestSchema,
  trainerWorkshopResponseSchema,
  trainerWorkshopsResponseSchema,
  workshopAnswerRequestSchema,
  workshopHandRequestSchema,
  workshopLessonsResponseSchema,
  workshopParamsSchema,
  workshopProgressRequestSchema,
  workshopRecordsResponseSchema,
} from './workshop.js';

/** The schemas of one route. Absent parts are not read (a body sent to a route without one is ignored, as before). */
export interface RouteSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer's body; `z.undefined()` for a 204, `z.string()` for text. */
  response: z.ZodType;
}

/** The `:id` of a route: a record id, or an id staff chose (`demo-kiosk-1`, `cita-previa`). */
export const idParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'this id is not valid') });

/** `:id` and `:version` (the version is read first, so a bad number is named before the id). */
export const versionParamsSchema = z.object({
  version: z.coerce.number().int().min(1, 'a version number starts at 1').max(1_000_000),
  id: idParamsSchema.shape.id,
});

const noContent = z.undefined();
const kioskCallResponse = z.object({ call: kioskCallViewSchema.nullable() });
const volunteerCallResponse = z.object({ call: volunteerCallViewSchema.optional() });
const byId = { params: idParamsSchema };

/** Every route's schemas, by the names of api-routes.ts. */
export const apiSchemas = {
  health: { response: z.object({ status: z.literal('ok'), storage: z.string(), demo: z.boolean() }) },
  metrics: { response: z.string() },
  sites: { response: z.object({ sites: z.array(z.object({ id: z.string(), name: z.string() })) }) },
  volunteerLogin: { body: volunteerLoginRequestSchema, response: volunteerLoginResponseSchema },
  staffLogin: { body: staffLoginRequestSchema, response: staffLoginResponseSchema },

  kioskMe: { response: kioskMeResponseSchema },
  procedures: { response: kioskProceduresResponseSchema },
  kioskCalls: { body: createCallRequestSchema, response: kioskCallResponse.extend({ callId: z.string() }) },
  kioskCurrentCall: { response: kioskCallResponse },
  kioskCancelCall: { ...byId, response: kioskCallResponse },
  kioskVolunteerSignIn: { ...byId, body: kioskVolunteerSignInRequestSchema, response: kioskVolunteerSignInResponseSchema },
  kioskEvents: { body: kioskEventsRequestSchema, response: z.object({ accepted: z.int().min(1) }) },
  kioskSpeech: { query: speechQuerySchema, response: speechResponseSchema },
  kioskPromptSpeech: { query: promptSpeechQuerySchema, response: speechResponseSchema },
  kioskWorkshop: { response: kioskWorkshopResponseSchema },
  kioskJoinWorkshop: { body: joinWorkshopRequestSchema, response: kioskWorkshopResponseSchema },
  kioskWorkshopProgress: { body: workshopProgressRequestSchema, response: noContent },
  kioskWorkshopHand: { body: workshopHandRequestSchema, response: kioskWorkshopResponseSchema },
  kioskWorkshopAnswer: { body: workshopAnswerRequestSchema, response: noContent },
  kioskLeaveWorkshop: { body: leaveWorkshopRequestSchema, response: noContent },

  volunteerLogout: { response: noContent },
  volunteerAvailability: { body: availabilityRequestSchema, response: z.object({ available: z.boolean() }) },
  volunteerCalls: { response: volunteerCallsResponseSchema },
  volunteerAccept: { ...byId, response: volunteerCallResponse },
  volunteerArrive: { ...byId, response: volunteerCallResponse },
  volunteerResolve: { ...byId, body: resolveCallRequestSchema, response: volunteerCallResponse },
  volunteerTakeOver: { ...byId, body: takeOverRequestSchema, response: volunteerCallResponse },
  workshopLessons: { response: workshopLessonsResponseSchema },
  trainerWorkshops: { response: trainerWorkshopsResponseSchema },
  startWorkshop: { body: startWorkshopRequestSchema, response: trainerWorkshopResponseSchema },
  trainerWorkshop: { params: workshopParamsSchema, response: trainerWorkshopResponseSchema },
  workshopFollow: { params: workshopParamsSchema, body: followRequestSchema, response: trainerWorkshopResponseSchema },
  workshopPause: { params: workshopParamsSchema, body: pauseRequestSchema, response: trainerWorkshopResponseSchema },
  workshopAnswerHand: { params: seatParamsSchema, body: answerHandRequestSchema, response: trainerWorkshopResponseSchema },
  endWorkshop: { params: workshopParamsSchema, body: endWorkshopRequestSchema, response: endWorkshopResponseSchema },

  staffMe: { response: staffMeResponseSchema },
  staffAccounts: { response: staffAccountsResponseSchema },
  createStaffAccount: { body: createStaffRequestSchema, response: staffAccountViewSchema },
  staffLogout: { response: noContent },
  staffAccountDisabled: { ...byId, body: setDisabledRequestSchema, response: noContent },
  staffAccountPassword: { ...byId, body: staffPasswordRequestSchema, response: noContent },
  staffDeleteAccount: { ...byId, response: noContent },
  staffSites: { response: staffSitesResponseSchema },
  createSite: { body: createSiteRequestSchema, response: siteViewSchema },
  staffKiosks: { response: staffKiosksResponseSchema },
  createKiosk: { body: createKioskRequestSchema, response: createKioskResponseSchema },
  staffRevokeKiosk: { ...byId, response: noContent },
  staffKioskToken: { ...byId, response: kioskTokenResponseSchema },
  staffVolunteers: { response: staffVolunteersResponseSchema },
  createVolunteer: { body: createVolunteerRequestSchema, response: volunteerViewSchema },
  staffVolunteer: { ...byId, body: updateVolunteerRequestSchema, response: noContent },
  staffVolunteerPin: { ...byId, body: resetPinRequestSchema, response: noContent },
  staffVolunteerDisabled: { ...byId, body: setDisabledRequestSchema, response: noContent },
  staffDeleteVolunteer: { ...byId, response: noContent },
  staffCalls: { response: staffCallsResponseSchema },
  staffFleet: { response: fleetResponseSchema },
  staffAudit: { query: auditQuerySchema, response: auditResponseSchema },
  staffSecurityAlerts: { response: securityAlertsResponseSchema },

  staffProcedures: { response: procedureListResponseSchema },
  createProcedure: { body: createProcedureRequestSchema, response: saveDraftResponseSchema },
  staffCheck: { body: checkRequestSchema, response: checkResponseSchema },
  staffProcedure: { ...byId, response: procedureDetailResponseSchema },
  staffPracticeTwin: { ...byId, body: z.strictObject({}), response: saveDraftResponseSchema },
  staffDraft: { ...byId, body: saveDraftRequestSchema, response: saveDraftResponseSchema },
  staffDiscardDraft: { ...byId, body: discardDraftRequestSchema, response: revisionResponseSchema },
  staffPublish: { ...byId, body: publishRequestSchema, response: publishResponseSchema },
  staffRollback: { ...byId, body: rollbackRequestSchema, response: publishResponseSchema },
  staffOwner: { ...byId, body: setOwnerRequestSchema, response: revisionResponseSchema },
  staffVersions: { ...byId, query: versionsQuerySchema, response: versionListResponseSchema },
  staffVersion: { params: versionParamsSchema, response: versionResponseSchema },
  staffDiff: { ...byId, query: diffQuerySchema, response: diffResponseSchema },
  staffSpeech: { body: staffSpeechRequestSchema, response: speechResponseSchema },
  staffAnalytics: { query: analyticsQuerySchema, response: analyticsResponseSchema },
  staffAnalyticsCsv: { query: analyticsQuerySchema, response: z.string() },
  staffWorkshopRecords: { query: analyticsQuerySchema, response: workshopRecordsResponseSchema },
  staffWorkshopRecordsCsv: { query: analyticsQuerySchema, response: z.string() },
  staffWorkshopLessons: { response: workshopLessonsResponseSchema },
  staffTrainerWorkshops: { params: staffSiteParamsSchema, response: trainerWorkshopsResponseSchema },
  staffStartWorkshop: { params: staffSiteParamsSchema, body: startWorkshopRequestSchema, response: trainerWorkshopResponseSchema },
  staffTrainerWorkshop: { params: staffWorkshopParamsSchema, response: trainerWorkshopResponseSchema },
  staffWorkshopFollow: { params: staffWorkshopParamsSchema, body: followRequestSchema, response: trainerWorkshopResponseSchema },
  staffWorkshopPause: { params: staffWorkshopParamsSchema, body: pauseRequestSchema, response: trainerWorkshopResponseSchema },
  staffWorkshopAnswerHand: { params: staffSeatParamsSchema, body: answerHandRequestSchema, response: trainerWorkshopResponseSchema },
  staffEndWorkshop: { params: staffWorkshopParamsSchema, body: endWorkshopRequestSchema, response: endWorkshopResponseSchema },
} as const satisfies Record<RouteName, RouteSchemas>;

type Schemas = typeof apiSchemas;
type Part<N extends RouteName, K extends keyof RouteSchemas> = Schemas[N] extends Record<K, infer S extends z.ZodType> ? S : undefined;

/** What a route answers (after parsing). */
export type ResponseOf<N extends RouteName> = z.output<Schemas[N]['response']>;
/** The body a route takes, as the caller writes it (defaults may be left out); `undefined` for none. */
export type BodyOf<N extends RouteName> = Part<N, 'body'> extends z.ZodType ? z.input<Part<N, 'body'>> : undefined;
/** The body as the hub reads it (defaults filled in). */
export type ParsedBodyOf<N extends RouteName> = Part<N, 'body'> extends z.ZodType ? z.output<Part<N, 'body'>> : undefined;
/** The query a route reads, as the hub parsed it. */
export type ParsedQueryOf<N extends RouteName> = Part<N, 'query'> extends z.ZodType ? z.output<Part<N, 'query'>> : undefined;
/** The path parameters, as the hub parsed them. */
export type ParsedParamsOf<N extends RouteName> = Part<N, 'params'> extends z.ZodType ? z.output<Part<N, 'params'>> : undefined;

/** A zod schema as a check the HTTP client takes: the parsed value, or undefined when it does not fit. */
export function checkWith<T>(schema: z.ZodType<T>): (value: unknown) => T | undefined {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
}

/** The check of a route's answer, from its schema. */
export function responseCheck<N extends RouteName>(name: N): (value: unknown) => ResponseOf<N> | undefined {
  return checkWith(apiSchemas[name].response as unknown as z.ZodType<ResponseOf<N>>);
}
