/**
 * Bad input from outside: every request and message gets a 4xx or a close frame with a plain
 * reason, the hub keeps running, and nothing already stored is lost.
 */
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCall, kioskToken, staffToken, startTestHub, volunteerToken, type TestHub } from './support/test-hub.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';

/** Opens a raw socket, sends `frames`, and resolves with how the hub closed it. */
function closeAfter(wsUrl: string, frames: (string | Buffer)[]): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl);
    socket.on('open', () => frames.forEach((frame) => socket.send(frame)));
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}

describe('the hub refuses bad input plainly and keeps what it has', () => {
  let test: TestHub;
  let storedCallId = '';
  beforeAll(async () => {
    test = await startTestHub({ helloTimeoutMs: 300 });
    storedCallId = (await createCall(test.url)).body.callId;
  });
  afterAll(() => test.close());

  it('bodies that are not JSON, not objects, too large or of the wrong type', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      call(test.url, 'POST', apiRoutes.kioskCalls.path, { token: kioskToken, body, headers });
    expect(await post('{not json')).toEqual({ status: 400, body: { error: 'The body is not valid JSON.' } });
    expect(await post('[]')).toEqual({ status: 400, body: { error: 'expected object, received array' } });
    expect(await post('"text"')).toMatchObject({ status: 400 });
    expect(await post('null')).toMatchObject({ status: 400 });
    expect(await post(JSON.stringify({ blob: 'x'.repeat(70 * 1024) }))).toEqual({ status: 413, body: { error: 'The body is too large.' } });
    expect(await post('a=b', { 'content-type': 'application/x-www-form-urlencoded' })).toEqual({
      status: 415,
      body: { error: 'Send the body as application/json.' },
    });
  });

  it('fields that are missing, unknown or wrong say which field and why', async () => {
    const post = (body: unknown) => call(test.url, 'POST', apiRoutes.kioskCalls.path, { token: kioskToken, body });
    expect(await post({ procedureId: 'cita-previa', stepId: 'a', language: 'es' })).toEqual({
      status: 400,
      body: { error: 'idempotencyKey is missing', field: 'idempotencyKey' },
    });
    expect(await post({ idempotencyKey: 'short', procedureId: 'cita-previa', stepId: 'a', language: 'es' })).toEqual({
      status: 400,
      body: { error: 'idempotencyKey: idempotencyKey is 8 to 100 letters, digits, _ or -', field: 'idempotencyKey' },
    });
    expect(await post({ idempotencyKey: 'abcdefghij', procedureId: "x'; DROP TABLE calls;--", stepId: 'a', language: 'es' })).toMatchObject({
      status: 400,
      body: { field: 'procedureId' },
    });
    expect(await post({ idempotencyKey: 'abcdefghij', procedureId: 'cita-previa', stepId: 'a', language: 'es', answers: { dni: '12345678Z' } })).toEqual({
      status: 400,
      body: { error: 'unknown field "answers"' },
    });
    const staff = await staffToken(test.url);
    expect(
      await call(test.url, 'POST', apiRoutes.staffVolunteers.path, {
        token: staff,
        body: { name: 'X', pin: '12', siteIds: ['biblioteca-eugenio-trias-demo'], languages: ['es'] },
      }),
    ).toEqual({
      status: 400,
      body: { error: 'pin: a PIN is 4 to 8 digits', field: 'pin' },
    });
  });

  it('ids in the path that are not ids, and routes that do not exist', async () => {
    const volunteer = await volunteerToken(test.url, 'Ana');
    expect(await call(test.url, 'POST', '/api/volunteer/calls/..%2F..%2Fetc/accept', { token: volunteer })).toMatchObject({ status: 400 });
    expect(await call(test.url, 'GET', '/api/nothing-here')).toEqual({ status: 404, body: { error: 'There is nothing at GET /api/nothing-here.' } });
  });

  it('random bodies on every kind of request never make the hub fail', async () => {
    const volunteer = await volunteerToken(test.url, 'Ana');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          { route: apiRoutes.kioskCalls.path, token: kioskToken, method: 'POST' },
          { route: apiRoutes.kioskEvents.path, token: kioskToken, method: 'POST' },
          { route: apiRoutes.volunteerAvailability.path, token: volunteer, method: 'PUT' },
          { route: apiRoutes.volunteerLogin.path, token: undefined, method: 'POST' },
        ),
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((value) => JSON.stringify(value)),
        ),
        async (target, body) => {
          const answer = await call(test.url, target.method, target.route, { ...(target.token ? { token: target.token } : {}), body });
          expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
          if (answer.status >= 400) expect(typeof answer.body['error']).toBe('string');
        },
      ),
      { numRuns: 120 },
    );
  });

  it('WebSocket messages that are not JSON, not known, or binary close with a plain reason', async () => {
    expect(await closeAfter(test.wsUrl, ['not json'])).toEqual({ code: 4400, reason: 'Messages are JSON text.' });
    expect(await closeAfter(test.wsUrl, [Buffer.from([1, 2, 3])])).toEqual({ code: 4400, reason: 'Messages are JSON text.' });
    expect((await closeAfter(test.wsUrl, [JSON.stringify({ type: 'explode' })])).code).toBe(4400);
    expect(await closeAfter(test.wsUrl, [JSON.stringify({ type: 'hello', token: 'z'.repeat(40) })])).toEqual({
      code: 4401,
      reason: 'This token is not valid (unknown, revoked or expired). Sign in again.',
    });
    expect(await closeAfter(test.wsUrl, [JSON.stringify({ type: 'resync' })])).toEqual({ code: 4401, reason: 'Say hello with your token first.' });
    expect(await closeAfter(test.wsUrl, [])).toEqual({ code: 4408, reason: 'Say hello with your token within 1 second.' });
    expect((await closeAfter(test.wsUrl, ['x'.repeat(10_000)])).code).toBe(1009);
  });

  it('handles the messages of a socket in order: a status sent with the hello is not refused as if no hello had been said', async () => {
    const socket = new WebSocket(test.wsUrl);
    const received: string[] = [];
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (data: Buffer) => received.push((JSON.parse(data.toString()) as { type: string }).type));
    await new Promise((resolve) => socket.on('open', resolve));
    // Both in the same tick, as the kiosk sends them: the hub reads them from one packet.
    socket.send(JSON.stringify({ type: 'hello', token: kioskToken }));
    socket.send(JSON.stringify({ type: 'kiosk.status', proceduresVersion: 1 }));
    await expect.poll(() => received, { timeout: 5000 }).toContain('procedures-changed');
    expect(received[0]).toBe('welcome');
    socket.close();
    expect(await closed).toBe(1005);
  });

  it('cuts off a socket that sends far more than the hub has answered, with the reason', async () => {
    const frames = [
      JSON.stringify({ type: 'hello', token: kioskToken }),
      ...Array.from({ length: 200 }, () => JSON.stringify({ type: 'kiosk.status', proceduresVersion: 1 })),
    ];
    // The message budget (20 at once, issue 15) cuts it off before the queue of 64 fills.
    expect(await closeAfter(test.wsUrl, frames)).toEqual({
      code: 1008,
      reason: 'Too many messages: at most 20 at once and 2 a second after that.',
    });
  });

  it('after all of that the hub is healthy and the stored call is intact', async () => {
    expect(await call(test.url, 'GET', apiRoutes.health.path)).toEqual({ status: 200, body: { status: 'ok', storage: 'sqlite', demo: true } });
    const current = await call(test.url, 'GET', apiRoutes.kioskCurrentCall.path, { token: kioskToken });
    expect(current.body['call']).toMatchObject({ id: storedCallId, state: 'offered' });
  });
});
