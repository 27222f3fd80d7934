/**
 * The kiosk screens Paso a Paso is laid out for (issue 12): every step must fit each of them at
 * each text size, in parts where it must. The staff preview draws a step at any of them and
 * counts its parts at all of them.
 */

/** One supported screen, in CSS px. */
export interface KioskScreen {
  id: string;
  width: number;
  height: number;
}

/** The supported screens, the most common first. */
export const kioskScreens: readonly KioskScreen[] = [
  { id: '1920x1080', width: 1920, height: 1080 },
  { id: '1366x768', width: 1366, height: 768 },
  { id: '1280x1024', width: 1280, height: 1024 },
  { id: '1080x1920', width: 1080, height: 1920 },
];

/** The most parts a step should need on the smallest screen at the largest text before staff are warned. */
export const mostPartsBeforeWarning = { screen: { id: '1366x768', width: 1366, height: 768 }, textSize: 64, parts: 3 } as const;
