/**
 * The builder and `audio:check` measure files as ffmpeg decodes them, straight from its pipes.
 * Here: a pipe's chunks cut anywhere (a sample split across two reads), and a real ffmpeg
 * decode measured against the same file decoded to floats and measured whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ClipMeter, integratedLoudness, leadingSilenceMs, peakDbfs } from '../../core/audio/loudness.js';
import { decodeAudio, measuringSampleRate } from '../../speech/decode.js';
import { int16Feeder, measureAudioFiles } from '../../speech/measure.js';
import { runTool } from '../../speech/tools.js';

const work = mkdtempSync(path.join(tmpdir(), 'paso-measure-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('measuring decoded files', () => {
  it('joins a 16-bit sample split across two chunks, sign included', () => {
    const bytes = Buffer.alloc(8);
    [0, 16384, -16384, -32768].forEach((value, i) => bytes.writeInt16LE(value, i * 2));
    const split = new ClipMeter(48_000);
    const feed = int16Feeder(split);
    for (const chunk of [bytes.subarray(0, 3), bytes.subarray(3, 4), bytes.subarray(4, 7), bytes.subarray(7)]) feed(chunk);
    const whole = new ClipMeter(48_000);
    whole.add(Float32Array.from([0, 0.5, -0.5, -1]));
    expect(split.finish()).toEqual(whole.finish());
  });

  it('measures an Ogg/Opus and an MP3 file as they decode, as the whole decoded file measures', async () => {
    const wav = path.join(work, 'tone.wav');
    const ogg = path.join(work, 'tone.ogg');
    const mp3 = path.join(work, 'tone.mp3');
    // Half a second of silence, then a second of a falling tone: a lead, a peak, a loudness.
    await runTool('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'aevalsrc=if(gt(t\\,0.5)\\,0.3*sin(2*PI*(600-200*t)*t)\\,0):s=22050:d=1.5',
      '-y',
      wav,
    ]);
    await runTool('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', wav, '-c:a', 'libopus', '-b:a', '32k', '-y', ogg]);
    await runTool('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', wav, '-c:a', 'libmp3lame', '-b:a', '48k', '-y', mp3]);
    const streamed = await measureAudioFiles([ogg, mp3]);
    for (const [i, file] of [ogg, mp3].entries()) {
      // The whole file decoded to floats and measured by the whole-clip functions, not by the streaming meter.
      const { samples } = await decodeAudio(file, { sampleRate: measuringSampleRate });
      const peak = peakDbfs(samples);
      const whole = {
        peakDbfs: peak,
        loudness: integratedLoudness(samples, measuringSampleRate),
        leadingSilenceMs: leadingSilenceMs(samples, measuringSampleRate, peak),
        duration: samples.length / measuringSampleRate,
      };
      const figures = streamed[i];
      // 16-bit against 32-bit float decoding: the same within quantisation.
      expect(figures?.peakDbfs).toBeCloseTo(whole.peakDbfs, 2);
      expect(figures?.loudness).toBeCloseTo(whole.loudness, 2);
      expect(figures?.duration).toBeCloseTo(whole.duration, 3);
      expect(Math.abs((figures?.leadingSilenceMs ?? 0) - whole.leadingSilenceMs)).toBeLessThan(5);
      expect(figures?.leadingSilenceMs).toBeGreaterThan(400);
    }
  }, 30_000);

  it('rejects, naming ffmpeg, when a file does not decode', async () => {
    const broken = path.join(work, 'broken.ogg');
    writeFileSync(broken, 'this is not audio');
    await expect(measureAudioFiles([broken])).rejects.toThrow(/ffmpeg could not decode/);
  }, 30_000);
});
