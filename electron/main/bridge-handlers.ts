/**
 * What each `window.kiosk` method does in the main process. Kept apart from the wiring so the
 * cache-reading methods can be tested with a real cache folder.
 */
import { z } from 'zod';
import type { PageConfig } from '../../core/shell/bridge.js';
import type { KioskConfig } from '../../core/shell/kiosk-config.js';
import type { BridgeHandlers } from './bridge-dispatcher.js';
import type { OfflineCache } from './offline-cache.js';

/** The world the handlers act on. */
export interface BridgeWorld {
  config: KioskConfig;
  cache: OfflineCache;
  version: string;
  print(printerName: string | undefined): ReturnType<BridgeHandlers['printSheet']>;
  restart(): void;
}

const cachedListSchema = z.object({ procedures: z.array(z.unknown()) });

/** The page's view of the configuration: what it needs to run, nothing about the printer or hours. */
export function pageConfigOf(config: KioskConfig): PageConfig {
  return {
    kioskId: config.kioskId,
    hubUrl: config.hubUrl,
    deviceToken: config.deviceToken,
    languages: config.languages,
    idle: config.idle,
    headphones: config.audio.headphones,
    keypad: config.audio.keypad,
    settleMs: config.touch.settleMilliseconds,
  };
}

/** The bridge's implementations. */
export function createBridgeHandlers(world: BridgeWorld): BridgeHandlers {
  return {
    getConfig: async () => pageConfigOf(world.config),
    printSheet: () => world.print(world.config.printer.name),
    cachedProcedures: async () => {
      const cached = await world.cache.get('/api/procedures');
      if (!cached) return { procedures: [], savedAt: null };
      try {
        const parsed = cachedListSchema.safeParse(JSON.parse(new TextDecoder().decode(cached.body)));
        return parsed.success ? { procedures: parsed.data.procedures, savedAt: cached.savedAt } : { procedures: [], savedAt: null };
      } catch {
        return { procedures: [], savedAt: null };
      }
    },
    cachedAudio: async (audioPath) => (await world.cache.get(`/audio/${audioPath}`))?.body ?? null,
    appVersion: async () => world.version,
    restart: async () => {
      world.restart();
      return undefined;
    },
  };
}
