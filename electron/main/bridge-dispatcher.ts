/**
 * The main-process side of the `window.kiosk` bridge, without Electron: checks who sent a request
 * (our window, our origin), validates its arguments against the contract, calls the handler and
 * checks the answer too. `ipc.ts` only connects it to `ipcMain.handle`.
 */
import { bridgeContract } from '../../core/shell/bridge.js';
import type { BridgeMethod } from '../../core/shell/bridge-methods.js';
import type { KioskBridge } from '../../core/shell/bridge.js';
import { isTrustedSender, type IpcSender } from './policies/ipc-sender.js';

/** The implementations behind the bridge. */
export type BridgeHandlers = KioskBridge;

/** Raised for a request that is refused; its message names the reason in plain words. */
export class BridgeRefusal extends Error {
  override readonly name = 'BridgeRefusal';
}

/** Dispatches one bridge request; rejects with a {@link BridgeRefusal} when it is not allowed. */
export function createBridgeDispatcher(handlers: BridgeHandlers, trustedWebContentsIds: ReadonlySet<number>) {
  return async function dispatch(method: BridgeMethod, sender: IpcSender, args: readonly unknown[]): Promise<unknown> {
    if (!isTrustedSender(sender, trustedWebContentsIds)) throw new BridgeRefusal(`kiosk:${method} refused: the sender is not the kiosk's own page`);
    const contract = bridgeContract[method];
    const parsed = contract.args.safeParse(args);
    if (!parsed.success) throw new BridgeRefusal(`kiosk:${method} refused: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
    const handler = handlers[method] as (...values: readonly unknown[]) => Promise<unknown>;
    const result = await handler(...(parsed.data as readonly unknown[]));
    // The answer is checked as well: a handler bug must not hand the page something unexpected.
    return contract.result.parse(result);
  };
}
