/**
 * What the workshop tests share: kiosks made through the staff API, a practice lesson with a quiz
 * published through it, the workshop routes called with their tokens, and a search of every row
 * of every table of the hub's database for a text (the privacy check after a workshop ends).
 */
import { sql, type Kysely } from 'kysely';
import { apiRoutes, fillPath, type RouteName } from '../../../core/protocol/api-routes.js';
import type { HubMessage } from '../../../core/protocol/ws.js';
import type { HubDatabase } from '../../../hub/db/schema.js';
import { call, demoSiteId, type Answer, type RecordingClient } from './test-hub.js';

/** Calls a route of the contract by name. */
export function callRoute<T = Record<string, unknown>>(
  url: string,
  name: RouteName,
  options: { token?: string; body?: unknown; params?: Record<string, string | number>; query?: string } = {},
): Promise<Answer<T>> {
  const spec = apiRoutes[name];
  const path = fillPath(name, options.params ?? {}) + (options.query ? `?${options.query}` : '');
  return call<T>(url, spec.method, path, { ...(options.token ? { token: options.token } : {}), ...(options.body !== undefined ? { body: options.body } : {}) });
}

/** Makes `count` kiosks at a site through the staff API; their device tokens. */
export async function makeKiosks(url: string, staff: string, count: number, siteId: string = demoSiteId, prefix = 'Puesto'): Promise<string[]> {
  const tokens: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const made = await call<{ deviceToken: string }>(url, 'POST', apiRoutes.createKiosk.path, { token: staff, body: { siteId, name: `${prefix} ${index}` } });
    if (made.status !== 201) throw new Error(`a kiosk could not be made: ${JSON.stringify(made.body)}`);
    tokens.push(made.body.deviceToken);
  }
  return tokens;
}

/** The id of the practice lesson with a quiz that {@link publishQuizLesson} publishes. */
export const quizLessonId = 'taller-prueba-hub';

/** A practice lesson with one quiz step, as staff would write it. */
export const quizLessonSource = `id: ${quizLessonId}
version: 1
title:
  es: Lección de prueba del hub
  en: The hub's test lesson
summary:
  es: Una práctica con una pregunta.
  en: A practice with one question.
icon: practice-sms
officialUrl: https://www.madrid.es
owner: Pruebas del hub
lastVerified: 2026-12-01
languages: [es, en]
practice: true
steps:
  - id: inicio
    kind: info
    title:
      es: Esto es una práctica
      en: This is a practice
    text:
      es: No se envía nada.
      en: Nothing is sent.
    next: pregunta
  - id: pregunta
    kind: quiz
    title:
      es: Un SMS pide su PIN
      en: A text message asks for your PIN
    text:
      es: ¿Qué hace?
      en: What do you do?
    choices:
      - id: no-contesto
        correct: true
        label:
          es: No contesto
          en: I do not answer
      - id: lo-envio
        label:
          es: Envío el PIN
          en: I send the PIN
    explanation:
      es: Nadie de verdad le pide el PIN por SMS.
      en: Nobody real asks for your PIN by text message.
    next: fin
  - id: fin
    kind: done
    title:
      es: Ha terminado
      en: You have finished
    text:
      es: Muy bien.
      en: Well done.
`;

/** Publishes {@link quizLessonSource} through the staff API (a first draft, then version 1). */
export async function publishQuizLesson(url: string, staff: string): Promise<void> {
  const created = await call<{ revision: number; problems: unknown[] }>(url, 'POST', apiRoutes.createProcedure.path, {
    token: staff,
    body: { id: quizLessonId, source: quizLessonSource },
  });
  if (created.status !== 201) throw new Error(`the lesson could not be created: ${JSON.stringify(created.body)}`);
  const published = await call(url, 'POST', fillPath('staffPublish', { id: quizLessonId }), {
    token: staff,
    body: { baseRevision: created.body.revision, changelog: 'Lección de prueba' },
  });
  if (published.status !== 200) throw new Error(`the lesson could not be published: ${JSON.stringify(published.body)}`);
}

/** Every row of every table of the hub's database, as JSON text, where `needle` appears. */
export async function rowsHolding(db: Kysely<HubDatabase>, needle: string): Promise<string[]> {
  const tables = (await db.introspection.getTables()).map((table) => table.name);
  const found: string[] = [];
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    for (const row of rows.rows) {
      const text = JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('latin1') : value));
      if (text.includes(needle)) found.push(`${table}: ${text.slice(0, 200)}`);
    }
  }
  return found;
}

/** A workshop message of a type. */
export type MessageOf<T extends HubMessage['type']> = Extract<HubMessage, { type: T }>;

/** Waits for a message of `type` that `check` accepts, on a recording client. */
export function waitForMessage<T extends HubMessage['type']>(
  client: RecordingClient,
  type: T,
  check: (message: MessageOf<T>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<MessageOf<T>> {
  return client.waitFor((message): message is MessageOf<T> => message.type === type && check(message as MessageOf<T>), timeoutMs) as Promise<MessageOf<T>>;
}

/** `count` four-digit join codes, counting up from `from`, none of them `right` (the running workshop's). */
export function wrongCodes(right: string, count: number, from = 1000): string[] {
  const codes: string[] = [];
  for (let candidate = from; codes.length < count; candidate += 1) if (String(candidate) !== right) codes.push(String(candidate));
  return codes;
}
