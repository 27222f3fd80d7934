import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  isAppVersion,
  isSendableKioskEvent,
  readCallResponse,
  readHealth,
  readKioskHubMessage,
  readKioskMe,
  readProceduresResponse,
  readSpeechResponse,
} from '../../../core/protocol/kiosk-answers.js';
import { kioskCallViewSchema, kioskEventSchema, kioskMeResponseSchema, speechResponseSchema } from '../../../core/protocol/http.js';
import { kioskProceduresResponseSchema } from '../../../core/protocol/staff-console.js';
import { appVersionSchema, hubMessageSchema } from '../../../core/protocol/ws.js';
import { expectSameVerdicts } from '../../support/shape-mutations.js';

const callId = '0f8e2b6a-3c1d-4e5f-9a7b-123456789abc';
const fullCall = {
  id: callId,
  state: 'offered',
  position: 1,
  estimatedWaitSeconds: 120,
  volunteerName: 'Ana',
  inPersonHelp: 'Mostrador de la planta baja',
  outcome: 'solved',
};
const shortCall = { id: callId, state: 'waiting' };
const kioskMe = {
  kiosk: { id: 'demo-kiosk-1', name: 'Quiosco 1', location: 'Entrada' },
  site: { id: 'centro-mayores', name: 'Centro de mayores', inPersonHelp: 'Pregunte en recepción' },
  demo: true,
};
const accepts = (read: (value: unknown) => unknown) => (value: unknown) => read(value) !== undefined;

describe("the kiosk's light checks of its hub's answers agree with the zod contract (issue 13)", () => {
  it('GET /api/kiosk/me', () => {
    expectSameVerdicts(kioskMe, accepts(readKioskMe), kioskMeResponseSchema);
    expect(readKioskMe(kioskMe)).toEqual(kioskMe);
  });

  it('the call answers, with a call or with none', () => {
    const schema = z.object({ call: kioskCallViewSchema.nullable() });
    for (const answer of [{ call: fullCall }, { call: shortCall }, { call: null }]) expectSameVerdicts(answer, accepts(readCallResponse), schema);
  });

  it('GET /api/procedures (each procedure is read on its own: core/procedure/light-procedure.ts)', () => {
    expectSameVerdicts({ version: 3, procedures: [{ id: 'x' }, 'anything'] }, accepts(readProceduresResponse), kioskProceduresResponseSchema);
    expect(readProceduresResponse({ version: -1, procedures: [] })).toBeUndefined();
  });

  it('a spoken sentence', () => {
    expectSameVerdicts({ text: 'Ana viene', ogg: '/audio/x.ogg', mp3: '/audio/x.mp3', duration: 1.4 }, accepts(readSpeechResponse), speechResponseSchema);
    expect(readSpeechResponse({ text: 'x', ogg: 'a', mp3: 'b', duration: 0 })).toBeUndefined();
  });

  it('every WebSocket message the kiosk acts on', () => {
    const messages = [
      { type: 'welcome', role: 'kiosk', name: 'Quiosco 1', demo: false },
      { type: 'kiosk.call', call: fullCall },
      { type: 'kiosk.call', call: null },
      { type: 'kiosk.take-over', callId, volunteerName: 'Ana' },
      { type: 'procedures-changed', version: 4 },
    ];
    for (const message of messages) {
      expectSameVerdicts(message, accepts(readKioskHubMessage), hubMessageSchema);
      expect(readKioskHubMessage(message)).toEqual(hubMessageSchema.parse(message));
    }
  });

  it('ignores the messages meant for volunteers and staff, and anything that is not a message', () => {
    const forOthers = [
      { type: 'volunteer.calls', calls: [], serverNow: 1, available: true },
      { type: 'staff.alert', callId, siteId: 'centro', message: 'Nadie aceptó' },
    ];
    for (const message of forOthers) {
      expect(hubMessageSchema.safeParse(message).success).toBe(true);
      expect(readKioskHubMessage(message)).toBeUndefined();
    }
    for (const junk of [null, 'welcome', 42, [], { type: 'kiosk.call' }, { type: 'procedures-changed', version: 1.5 }])
      expect(readKioskHubMessage(junk)).toBeUndefined();
  });

  it('GET /health says whether the hub runs the demo', () => {
    expect(readHealth({ demo: true, status: 'ok' })).toEqual({ demo: true, status: 'ok' });
    expect(readHealth({ demo: 'yes' })).toBeUndefined();
    expect(readHealth('<html>')).toBeUndefined();
  });

  it('an app version as hello carries it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[A-Za-z0-9._+-]{0,45}$/), fc.string({ maxLength: 45 })), (version) => {
        expect(isAppVersion(version)).toBe(appVersionSchema.safeParse(version).success);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('an analytics event leaves the kiosk only in the shape the hub accepts', () => {
  const event = { sessionId: 'a1b2c3d4e5f6a7b8', type: 'step-reached', procedureId: 'cita-previa', stepId: 'dni' };

  it('agrees with kioskEventSchema, field by field and for every event type', () => {
    expectSameVerdicts(event, isSendableKioskEvent, kioskEventSchema);
    for (const type of kioskEventSchema.shape.type.options) expect(isSendableKioskEvent({ sessionId: event.sessionId, type })).toBe(true);
  });

  it('never carries anything else, such as an answer the senior typed', () => {
    const withAnswer = { ...event, answer: '12345678Z' };
    expect(kioskEventSchema.safeParse(withAnswer).success).toBe(false);
    expect(isSendableKioskEvent(withAnswer)).toBe(false);
    expect(isSendableKioskEvent({ ...event, sessionId: 'short' })).toBe(false);
    expect(isSendableKioskEvent({ ...event, stepId: '12345678Z' })).toBe(false);
  });
});
