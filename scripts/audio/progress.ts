/**
 * Shows how far a long run is: a bar with counts and time left on a terminal, and a plain line
 * every tenth of the way otherwise (logs and CI stay readable).
 */

/** Counts finished items and reports them. */
export interface Progress {
  tick(): void;
  finish(): void;
}

/** Formats seconds as "1 min 05 s" or "42 s". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return whole >= 60 ? `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s` : `${whole} s`;
}

/** A progress display for `total` items of `label` on `stream`. */
export function progressReporter(stream: NodeJS.WriteStream, total: number, label: string, now: () => number = Date.now): Progress {
  const started = now();
  let done = 0;
  let lastTenth = 0;
  const isTerminal = stream.isTTY === true;
  const left = (): string => (done === 0 ? 'estimating' : `${formatDuration((((now() - started) / done) * (total - done)) / 1000)} left`);
  const draw = (): void => {
    if (total === 0) return;
    if (isTerminal) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label} · ${left()}   `);
    } else {
      const tenth = Math.floor((done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${done}/${total} ${label} (${tenth * 10} %), ${left()}\n`);
      }
    }
  };
  return {
    tick: () => {
      done += 1;
      draw();
    },
    finish: () => {
      if (isTerminal && total > 0) stream.write('\n');
    },
  };
}
