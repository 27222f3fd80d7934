/**
 * The names of the `window.kiosk` bridge's methods, with no schema attached, so the sandboxed
 * preload can build the bridge without bundling zod. The schemas live in `bridge.ts`, which must
 * cover exactly these names (its type says so).
 */

/** Every method of `window.kiosk`, each backed by one IPC channel `kiosk:<method>`. */
export const bridgeMethods = ['getConfig', 'printSheet', 'cachedProcedures', 'cachedAudio', 'appVersion', 'restart'] as const;

/** One of {@link bridgeMethods}. */
export type BridgeMethod = (typeof bridgeMethods)[number];

/** The IPC channel of a bridge method: one name per method, derived, never typed twice. */
export function bridgeChannel(method: BridgeMethod): `kiosk:${BridgeMethod}` {
  return `kiosk:${method}`;
}
