/**
 * The words of the notice every console page shows while accounts were locked in the last 24
 * hours: how many accounts, why it matters, and who, newest first, each with how long ago.
 */
import type { TFunction } from 'i18next';
import type { AccountLock } from '../../../core/protocol/staff-console.js';

/** How many names the notice lists before "and N more": enough to recognise, short enough to read at a glance. */
export const namesShown = 5;

/** "hace 5 min", "hace 3 h", "ahora mismo": how long before `now` a lock was. */
export function agoText(at: number, now: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor((now - at) / 60_000));
  if (minutes < 1) return t('securityAlert.justNow');
  if (minutes < 60) return t('securityAlert.minutesAgo', { count: minutes });
  return t('securityAlert.hoursAgo', { count: Math.floor(minutes / 60) });
}

/**
 * The notice's two sentences, or `undefined` when nothing was locked. An account locked twice
 * counts and shows once, with its latest lock: staff act per account (a new PIN, a call).
 */
export function securityAlertText(locks: readonly AccountLock[], now: number, t: TFunction): { headline: string; who: string } | undefined {
  const latest = new Map<string, AccountLock>();
  for (const lock of locks) {
    const key = `${lock.kind}:${lock.accountId}`;
    const known = latest.get(key);
    if (!known || known.at < lock.at) latest.set(key, lock);
  }
  if (latest.size === 0) return undefined;
  const newestFirst = [...latest.values()].sort((a, b) => b.at - a.at);
  const names = newestFirst
    .slice(0, namesShown)
    .map((lock) => t(lock.kind === 'staff' ? 'securityAlert.staffName' : 'securityAlert.volunteerName', { name: lock.name, ago: agoText(lock.at, now, t) }));
  const more = newestFirst.length - names.length;
  return {
    headline: t('securityAlert.headline', { count: latest.size }),
    who: (more > 0 ? [...names, t('securityAlert.more', { count: more })] : names).join(', ') + '.',
  };
}
