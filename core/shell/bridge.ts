/**
 * The one contract of the shell bridge (`window.kiosk`): for each method, the arguments the page
 * may send and the answer it gets, as zod schemas. The main process validates every request
 * against it (the page is untrusted), the preload exposes exactly these methods, and the page's
 * type of `window.kiosk` is derived from it.
 */
import { z } from 'zod';
import type { BridgeMethod } from './bridge-methods.js';

/** What the page may know of the configuration: everything but nothing more than it needs. */
export const pageConfigSchema = z.object({
  kioskId: z.string(),
  hubUrl: z.string(),
  // The page needs the device token to speak to the hub; it stays in memory, never in storage.
  deviceToken: z.string(),
  languages: z.array(z.string()).min(1),
  idle: z.object({ idleSeconds: z.number(), warningSeconds: z.number() }),
  headphones: z.boolean(),
  /** A numeric keypad is plugged in: with headphones, the attract screen offers the spoken mode. */
  keypad: z.boolean(),
  /** How long a new screen ignores a finger (ms; core/kiosk/settle.ts). */
  settleMs: z.number().int().min(0),
});
/** The configuration as the page sees it. */
export type PageConfig = z.output<typeof pageConfigSchema>;

/** A path of a spoken prompt's file under the hub's `/audio/` folder, like `es/slow/ui__help.call.ogg`. */
export const audioPathSchema = z
  .string()
  .min(1)
  .max(400)
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'an audio path is made of letters, digits, dots, dashes and underscores')
  .refine((text) => !text.split('/').some((segment) => segment === '.' || segment === '..'), 'an audio path may not climb out of the audio folder');

/** The answer to a print request: printed, or why not in words staff can act on. */
export const printResultSchema = z.discriminatedUnion('printed', [
  z.object({ printed: z.literal(true) }),
  z.object({ printed: z.literal(false), reason: z.string() }),
]);

const noArguments = z.tuple([]);

/** For each bridge method: the arguments (a tuple) and the answer. */
export const bridgeContract = {
  getConfig: { args: noArguments, result: pageConfigSchema },
  printSheet: { args: noArguments, result: printResultSchema },
  cachedProcedures: { args: noArguments, result: z.object({ procedures: z.array(z.unknown()), savedAt: z.string().nullable() }) },
  cachedAudio: { args: z.tuple([audioPathSchema]), result: z.instanceof(Uint8Array).nullable() },
  appVersion: { args: noArguments, result: z.string() },
  restart: { args: noArguments, result: z.undefined() },
} as const satisfies Record<BridgeMethod, { args: z.ZodTuple; result: z.ZodType }>;

/** The type of `window.kiosk`, derived from the contract. */
export type KioskBridge = {
  [M in BridgeMethod]: (...args: z.input<(typeof bridgeContract)[M]['args']>) => Promise<z.output<(typeof bridgeContract)[M]['result']>>;
};
