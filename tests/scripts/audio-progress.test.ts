import { describe, expect, it } from 'vitest';
import { formatDuration, progressReporter } from '../../scripts/audio/progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('build progress', () => {
  it('draws a bar with counts and time left on a terminal', () => {
    const { stream, written } = fakeStream(true);
    let now = 0;
    const progress = progressReporter(stream, 4, 'sounds rendered', () => now);
    now = 10_000;
    progress.tick();
    expect(written.at(-1)).toBe('\r[########......................] 1/4 sounds rendered · 30 s left   ');
    progress.finish();
    expect(written.at(-1)).toBe('\n');
  });

  it('prints a plain line every tenth of the way elsewhere', () => {
    const { stream, written } = fakeStream(false);
    let now = 0;
    const progress = progressReporter(stream, 20, 'files measured', () => now);
    for (let i = 0; i < 20; i++) {
      now += 1000;
      progress.tick();
    }
    expect(written).toHaveLength(10);
    expect(written[0]).toBe('2/20 files measured (10 %), 18 s left\n');
    expect(written.every((line) => !line.includes('\r'))).toBe(true);
  });

  it('says minutes and seconds', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
  });
});
