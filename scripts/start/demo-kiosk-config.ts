/**
 * The kiosk configuration `npm start` writes for the Electron shell in demo mode: the demo kiosk's
 * token, the local hub, open every day all day (so the screen stays awake while you try it).
 */
import { weekdays } from '../../core/shell/kiosk-config.js';

/** The demo configuration as the JSON text of a configuration file. */
export function demoKioskConfig(hubUrl: string, kioskId: string, deviceToken: string): string {
  return `${JSON.stringify(
    {
      kioskId,
      hubUrl,
      deviceToken,
      languages: ['es', 'en', 'ar'],
      idle: { idleSeconds: 120, warningSeconds: 60 },
      openingHours: Object.fromEntries(weekdays.map((day) => [day, ['00:00-23:59']])),
      printer: {},
    },
    null,
    2,
  )}\n`;
}
