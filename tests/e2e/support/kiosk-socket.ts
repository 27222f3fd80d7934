/**
 * The kiosk's side of a help call, driven from a test: the HTTP call the kiosk makes, and its
 * live WebSocket, whose `kiosk.call` pushes a test waits for.
 */
import { type CreateCallRequest, type KioskCallView } from '../../../core/protocol/http.js';
import type { HubMessage } from '../../../core/protocol/ws.js';
import { demoAccounts } from '../../../hub/demo/seed.js';
import { openHubSocket } from './hub-socket.js';
import { apiRoutes } from '../../../core/protocol/api-routes.js';

/** A kiosk's live link. */
export interface KioskSocket {
  /** Resolves with the first `kiosk.call` push (already heard or still to come) whose call matches. */
  waitForCall(matches: (call: KioskCallView | null) => boolean, timeoutMs?: number): Promise<KioskCallView | null>;
  stop(): void;
}

type KioskCallMessage = Extract<HubMessage, { type: 'kiosk.call' }>;

/** Opens the demo kiosk's WebSocket to the hub at `hubUrl` (http://…). */
export function openKioskSocket(hubUrl: string, token: string = demoAccounts.kioskToken): KioskSocket {
  const socket = openHubSocket(hubUrl, token);
  return {
    waitForCall: async (matches, timeoutMs) => {
      const isMatch = (message: HubMessage): message is KioskCallMessage => message.type === 'kiosk.call' && matches(message.call);
      return (await socket.waitFor(isMatch, timeoutMs)).call;
    },
    stop: () => socket.stop(),
  };
}

/** Asks for a volunteer as the demo kiosk does; resolves with the new call's id. */
export async function createKioskCall(hubUrl: string, request: Partial<CreateCallRequest> = {}, token: string = demoAccounts.kioskToken): Promise<string> {
  const body: CreateCallRequest = {
    idempotencyKey: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
    procedureId: 'certificado-empadronamiento',
    stepId: 'entrar-con-clave',
    language: 'es',
    ...request,
  };
  const response = await fetch(hubUrl + apiRoutes.kioskCalls.path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { callId?: string; error?: string };
  if (!response.ok || !answer.callId) throw new Error(`the kiosk could not ask for help (${response.status}): ${answer.error ?? ''}`);
  return answer.callId;
}
