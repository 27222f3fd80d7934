/** How `npm start` shows the background speech build's output: one prefixed line per line or redraw. */
import { describe, expect, it } from 'vitest';
import { lineSplitter } from '../../scripts/start/speech-build.js';

describe("the speech build's lines", () => {
  it('come out whole, whatever the chunks, one per terminal redraw (\\r), without blank ones', () => {
    const lines: string[] = [];
    const split = lineSplitter((line) => lines.push(line));
    split.push('warning: one');
    split.push(' problem\n\r[##....] 12/40 sounds rendered · 9 s left   \r[###...] 13/40');
    split.push(' sounds rendered · 8 s left   \r\n\n');
    split.push('audio: done');
    expect(lines).toEqual(['warning: one problem', '[##....] 12/40 sounds rendered · 9 s left', '[###...] 13/40 sounds rendered · 8 s left']);
    split.flush();
    expect(lines.at(-1)).toBe('audio: done');
  });
});
