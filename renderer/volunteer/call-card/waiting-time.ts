/** Says how long someone has waited, short enough for a phone line: "45 segundos", "3 min 20 s". */
import type { TFunction } from 'i18next';

/** The waiting time in words, in the console's language. */
export function waitingTimeText(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('call.seconds', { count: seconds });
  return t('call.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}
