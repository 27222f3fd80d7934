/**
 * The audio builder and checker with the real espeak-ng and ffmpeg, on a handful of prompts so
 * the tests stay quick (the full build is `npm run audio:build`).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loudnessTarget } from '../../core/audio/loudness.js';
import { audioManifestSchema, promptSpeeds, type AudioManifest } from '../../core/audio/manifest.js';
import type { PromptText } from '../../core/audio/prompt-text.js';
import { espeakEngine } from '../../speech/engine.js';
import { runTool } from '../../speech/tools.js';
import { buildAudio } from '../../speech/build.js';
import { checkAudio, measureFile } from '../../speech/check.js';
import { withFallback } from '../../speech/fallback.js';
import { folderSoundStore } from '../../speech/store.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'paso-audio-'));
const noRecordings = path.join(work, 'no-recordings');

const prompts: PromptText[] = [
  { id: 'ui/help.call', language: 'es', text: 'Llamar a un voluntario', sensitive: false },
  { id: 'proc/mini/steps/dni/text', language: 'en', text: 'Type your number.', sensitive: true },
];

const readManifest = (folder: string): AudioManifest => audioManifestSchema.parse(JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')));
const build = (folder: string, list: readonly PromptText[] = prompts, recordingsFolder = noRecordings) =>
  buildAudio({ prompts: list, audioFolder: folder, recordingsFolder, engine: espeakEngine() });

const built = path.join(work, 'built');
beforeAll(async () => {
  await build(built);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('audio:build', () => {
  it('renders each prompt at three speeds into a valid manifest, slow lasting longest', () => {
    const manifest = readManifest(built);
    expect(manifest.engine).toMatch(/^espeak-ng \d/);
    expect(Object.keys(manifest.prompts).sort()).toEqual(['proc/mini/steps/dni/text', 'ui/help.call']);
    const dni = manifest.prompts['proc/mini/steps/dni/text']?.['en'];
    expect(dni).toMatchObject({ text: 'Type your number.', sensitive: true, source: 'engine' });
    for (const audio of [dni, manifest.prompts['ui/help.call']?.['es']]) {
      if (!audio) throw new Error('missing prompt');
      for (const speed of promptSpeeds) {
        expect(existsSync(path.join(built, audio.speeds[speed].ogg))).toBe(true);
        // The MP3 is made when a browser without Opus first asks for it (the hub's files route).
        expect(existsSync(path.join(built, audio.speeds[speed].mp3))).toBe(false);
      }
      expect(audio.speeds.slow.duration).toBeGreaterThan(audio.speeds.normal.duration);
      expect(audio.speeds.normal.duration).toBeGreaterThan(audio.speeds.fast.duration);
    }
  });

  it('renders nothing and leaves the manifest alone when nothing changed, in well under a second', async () => {
    const folder = path.join(work, 'again');
    cpSync(built, folder, { recursive: true });
    const before = statSync(path.join(folder, 'manifest.json')).mtimeMs;
    const started = performance.now();
    const result = await build(folder);
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ rendered: 0, reused: 6, sounds: 6, failures: [], manifestWritten: false });
    expect(statSync(path.join(folder, 'manifest.json')).mtimeMs).toBe(before);
    expect(elapsed).toBeLessThan(1000);
  });

  it('renders only a changed text again and removes the files nobody uses any more', async () => {
    const folder = path.join(work, 'changed');
    cpSync(built, folder, { recursive: true });
    const oldFiles = Object.values(readManifest(folder).prompts['ui/help.call']?.['es']?.speeds ?? {}).map((file) => file.ogg);
    const result = await build(folder, [{ ...prompts[0], text: 'Pedir ayuda' } as PromptText, prompts[1] as PromptText]);
    expect(result).toMatchObject({ rendered: 3, reused: 3, failures: [], manifestWritten: true });
    expect(readManifest(folder).prompts['ui/help.call']?.['es']?.text).toBe('Pedir ayuda');
    for (const file of oldFiles) expect(existsSync(path.join(folder, file))).toBe(false);
    const stored = readdirSync(path.join(folder, 'files'));
    expect(stored.filter((name) => /\.(ogg|mp3)$/.test(name))).toHaveLength(6);
    // Each sound's measurements beside its file.
    expect(stored.filter((name) => name.endsWith('.json'))).toHaveLength(6);
  }, 60_000);

  it('reports a prompt that fails to render, keeps the rest, and resumes from the journal without the manifest', async () => {
    const folder = path.join(work, 'interrupted');
    const real = espeakEngine();
    const flaky = {
      ...real,
      synthesize: (texts: readonly string[], language: string, speed: (typeof promptSpeeds)[number]) =>
        texts.includes('Boom.') ? Promise.reject(new Error('the engine fell over')) : real.synthesize(texts, language, speed),
    };
    const broken = { id: 'ui/help.cancel', language: 'es', text: 'Boom.', sensitive: false };
    const first = await buildAudio({ prompts: [prompts[0] as PromptText, broken], audioFolder: folder, recordingsFolder: noRecordings, engine: flaky });
    expect(first.failures).toEqual(['ui/help.cancel (es): the engine fell over']);
    expect(Object.keys(readManifest(folder).prompts)).toEqual(['ui/help.call']);
    // As if the build had been stopped before writing its manifest: the journal still knows every rendered file.
    rmSync(path.join(folder, 'manifest.json'));
    const resumed = await build(folder, [prompts[0] as PromptText]);
    expect(resumed).toMatchObject({ rendered: 0, reused: 3, failures: [] });
    expect(existsSync(path.join(folder, 'build-journal.txt'))).toBe(false);
  }, 60_000);

  it('uses a human recording named after the prompt id instead of the engine, at every speed', async () => {
    const recordings = path.join(work, 'recordings');
    mkdirSync(path.join(recordings, 'es'), { recursive: true });
    await runTool('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=300:duration=1.2',
      '-af',
      'volume=-12dB',
      path.join(recordings, 'es', 'ui__help.call.wav'),
    ]);
    const folder = path.join(work, 'recorded');
    cpSync(built, folder, { recursive: true });
    const result = await build(folder, prompts, recordings);
    expect(result.rendered).toBe(3);
    const audio = readManifest(folder).prompts['ui/help.call']?.['es'];
    expect(audio).toMatchObject({ source: 'recording', text: 'Llamar a un voluntario' });
    // 1.2 s of tone (sounding to its last sample, so there is no silence to trim), slowed to 0.75 and sped to 1.25.
    expect(audio?.speeds.slow.duration).toBeCloseTo(1.2 / 0.75, 1);
    expect(audio?.speeds.normal.duration).toBeCloseTo(1.2, 1);
    expect(audio?.speeds.fast.duration).toBeCloseTo(1.2 / 1.25, 1);
    expect(readManifest(folder).prompts['proc/mini/steps/dni/text']?.['en']?.source).toBe('engine');
  }, 60_000);

  it('says in one sentence how to install espeak-ng when it is missing, and exits 1', async () => {
    // A PATH with node and ffmpeg but no espeak-ng.
    const bin = path.join(work, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, path.join(bin, 'node'));
    symlinkSync('/usr/bin/ffmpeg', path.join(bin, 'ffmpeg'));
    const outcome = await run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/audio/build.ts'], {
      cwd: root,
      env: { PATH: bin, HOME: process.env['HOME'] ?? '/tmp', PASO_AUDIO_FOLDER: path.join(work, 'no-engine') },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim()).toBe('audio: espeak-ng is not installed: install it with "sudo apt-get install espeak-ng ffmpeg", then try again.');
    expect(existsSync(path.join(work, 'no-engine', 'manifest.json'))).toBe(false);
  }, 60_000);
});

describe('audio:check', () => {
  it('passes a fresh build, and its meter agrees with ffmpeg ebur128', async () => {
    const result = await checkAudio({ prompts, audioFolder: built });
    expect(result.problems).toEqual([]);
    expect(result.measured).toBe(6);
    const file = path.join(built, readManifest(built).prompts['ui/help.call']?.['es']?.speeds.slow.ogg ?? '');
    const ours = await measureFile(file);
    const { stderr } = await runTool('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'ebur128=peak=sample', '-f', 'null', '-']);
    const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
    expect(ours.loudness).toBeCloseTo(Number(/I:\s+(-?[0-9.]+) LUFS/.exec(summary)?.[1]), 0);
    expect(ours.peakDbfs).toBeCloseTo(Number(/Peak:\s+(-?[0-9.]+) dBFS/.exec(summary)?.[1]), 0);
    expect(Math.abs(ours.loudness - loudnessTarget.lufs)).toBeLessThan(loudnessTarget.toleranceLu);
  });

  it('lists a deleted file, a too-loud file, a changed text and a prompt with no audio', async () => {
    const folder = path.join(work, 'damaged');
    cpSync(built, folder, { recursive: true });
    const speeds = readManifest(folder).prompts['ui/help.call']?.['es']?.speeds;
    if (!speeds) throw new Error('missing prompt');
    rmSync(path.join(folder, speeds.fast.ogg));
    // A tone far over full scale, clipped: loud and peaking at 0 dBFS.
    await runTool('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=2',
      '-af',
      'volume=20dB',
      '-c:a',
      'libopus',
      '-f',
      'ogg',
      path.join(folder, speeds.slow.ogg),
    ]);
    const expected = [...prompts, { id: 'ui/help.cancel', language: 'es', text: 'Cancelar llamada', sensitive: false }].map((prompt) =>
      prompt.id === 'proc/mini/steps/dni/text' ? { ...prompt, text: 'Type your DNI number.' } : prompt,
    );
    const { problems } = await checkAudio({ prompts: expected, audioFolder: folder });
    expect(problems).toContain(`missing file: ui/help.call (es) at fast speed needs ${speeds.fast.ogg}`);
    expect(problems.some((problem) => problem.startsWith(`too loud: ${speeds.slow.ogg} peaks at`))).toBe(true);
    expect(problems.some((problem) => problem.startsWith(`loudness: ${speeds.slow.ogg} is`))).toBe(true);
    expect(problems).toContain('out of date: proc/mini/steps/dni/text (en) was rendered from "Type your number." but the text is now "Type your DNI number."');
    expect(problems).toContain('missing: ui/help.cancel (es) has no audio');
  });

  it('holds an MP3 made on demand to the same bounds and its record, and names one that changed', async () => {
    const folder = path.join(work, 'with-fallback');
    cpSync(built, folder, { recursive: true });
    const speeds = readManifest(folder).prompts['ui/help.call']?.['es']?.speeds;
    if (!speeds) throw new Error('missing prompt');
    const hash = path.basename(speeds.normal.ogg, '.ogg');
    const store = folderSoundStore(path.join(folder, 'files'));
    const sound = await withFallback(store, hash);
    expect(sound?.files.mp3?.bytes).toBe(statSync(path.join(folder, speeds.normal.mp3)).size);
    expect(Math.abs((sound?.files.mp3?.loudness ?? 0) - loudnessTarget.lufs)).toBeLessThan(loudnessTarget.toleranceLu);
    // Made once: asking again keeps the same file.
    expect((await withFallback(store, hash))?.files.mp3?.sha256).toBe(sound?.files.mp3?.sha256);
    const checked = await checkAudio({ prompts, audioFolder: folder, share: 1 });
    expect(checked.problems).toEqual([]);
    expect(checked).toMatchObject({ measured: 7, decoded: 7 });
    // Another sound's MP3 in its place is not the file its record describes.
    await runTool('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=1',
      '-c:a',
      'libmp3lame',
      path.join(folder, speeds.normal.mp3),
    ]);
    const { problems } = await checkAudio({ prompts, audioFolder: folder });
    expect(problems).toContain(`changed: ${speeds.normal.mp3} is not the file its record describes (its bytes differ); run "npm run audio:build"`);
  }, 60_000);

  it('fails from the command line with the reason when there is no build', async () => {
    const empty = path.join(work, 'empty');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'manifest.json'), '{"format":1}');
    const outcome = await run(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/audio/check.ts'], {
      cwd: root,
      env: { ...process.env, PASO_AUDIO_FOLDER: empty },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/manifest\.json: it is not a valid manifest/);
  }, 60_000);
});
