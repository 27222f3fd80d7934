/**
 * Keeps the display awake during the kiosk's opening hours (policies/keep-awake.ts decides),
 * checked every minute.
 */
import { powerSaveBlocker } from 'electron';
import type { KioskConfig } from '../../core/shell/kiosk-config.js';
import { log } from './log.js';
import { keepAwakeDecision, localMoment } from './policies/keep-awake.js';

/** Starts the minute-by-minute check. */
export function setupKeepAwake(hours: KioskConfig['openingHours']): void {
  let blocker: number | undefined;
  const check = (): void => {
    const decision = keepAwakeDecision(hours, localMoment(new Date()));
    if (decision === 'hold' && blocker === undefined) {
      blocker = powerSaveBlocker.start('prevent-display-sleep');
      log('opening hours: display kept awake');
    } else if (decision === 'release' && blocker !== undefined) {
      powerSaveBlocker.stop(blocker);
      blocker = undefined;
      log('closed: display may sleep');
    }
  };
  check();
  setInterval(check, 60_000);
}
