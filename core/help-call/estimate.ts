/**
 * The wait a kiosk announces: how long volunteers at this site took to accept recently, times
 * how many callers are ahead per available volunteer. Rounded up to whole minutes in speech by
 * the kiosk; here it stays in seconds.
 */

/** The wait assumed when a site has no recent history. */
export const defaultAcceptSeconds = 90;

/** The median of recent acceptance times (seconds), or the default when there are none. */
export function typicalAcceptSeconds(recentAcceptSeconds: readonly number[]): number {
  if (recentAcceptSeconds.length === 0) return defaultAcceptSeconds;
  const sorted = [...recentAcceptSeconds].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return Math.max(1, Math.round(median));
}

/** Estimated seconds until a volunteer accepts the call at `position` (1 = next). */
export function estimateWaitSeconds(recentAcceptSeconds: readonly number[], position: number, availableVolunteers: number): number {
  const rounds = Math.ceil(Math.max(1, position) / Math.max(1, availableVolunteers));
  return typicalAcceptSeconds(recentAcceptSeconds) * rounds;
}

/** A wait in whole minutes as the kiosk says it ("unos 3 minutos"): rounded, and never under one. */
export function waitMinutes(estimatedWaitSeconds: number): number {
  return Math.max(1, Math.round(estimatedWaitSeconds / 60));
}
