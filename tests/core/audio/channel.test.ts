import { describe, expect, it } from 'vitest';
import {
  createSpeechChannel,
  defaultSpeechSettings,
  mayBeHeard,
  volumeGain,
  type AudioPlayer,
  type PlayableFile,
  type PlayerEvents,
  type ResolvedUtterance,
  type SpeechOutput,
  type Utterance,
} from '../../../core/audio/channel.js';
import type { PromptSpeed } from '../../../core/audio/manifest.js';

/**
 * A player that makes no sound but keeps the rules a real one must keep: one file at a time, and
 * the handlers of a stopped play are dropped. `sounding` is what a listener would hear now.
 */
class FakePlayer implements AudioPlayer {
  log: string[] = [];
  preloaded: string[] = [];
  volume = 1;
  /** Where each play went, in order. */
  outputs: string[] = [];
  private current: { file: PlayableFile; events: PlayerEvents } | undefined;

  get sounding(): string | undefined {
    return this.current?.file.key;
  }

  preload(file: PlayableFile): void {
    this.preloaded.push(file.key);
  }

  play(file: PlayableFile, volume: number, events: PlayerEvents, output: SpeechOutput): void {
    // A real player cuts the previous sound; a fake one that let two run would hide an overlap,
    // so it refuses instead.
    if (this.current) throw new Error(`overlap: ${file.key} while ${this.current.file.key} plays`);
    this.volume = volume;
    this.current = { file, events };
    this.log.push(`play ${file.key}`);
    this.outputs.push(`${file.key} → ${output}`);
    events.onPlay();
  }

  stop(): void {
    if (this.current) this.log.push(`stop ${this.current.file.key}`);
    this.current = undefined;
  }

  setVolume(volume: number): void {
    this.volume = volume;
  }

  /** The sound plays to its end. */
  finish(): void {
    const current = this.current;
    if (!current) throw new Error('nothing is playing');
    this.current = undefined;
    current.events.onEnd();
  }

  /** The sound cannot be decoded. */
  fail(): void {
    const current = this.current;
    if (!current) throw new Error('nothing is playing');
    this.current = undefined;
    current.events.onError('decode failed');
  }
}

const sensitiveIds = new Set(['proc/practica-clave/steps/ver-codigo/text']);

/** Looks a prompt up as the manifest would: one file per id, language and speed. */
function resolver(missing: ReadonlySet<string> = new Set()) {
  return (utterance: Utterance, speed: PromptSpeed, language: string): ResolvedUtterance | undefined => {
    if (missing.has(utterance.id)) return undefined;
    const key = `${utterance.id}@${language}@${speed}`;
    return { file: { key, urls: [`/audio/files/${key}.ogg`], duration: 1.2 }, sensitive: sensitiveIds.has(utterance.id) };
  };
}

function setup(options: { hasHeadphones?: boolean; missing?: ReadonlySet<string> } = {}) {
  const player = new FakePlayer();
  const problems: string[] = [];
  const channel = createSpeechChannel({
    player,
    resolve: resolver(options.missing),
    hasHeadphones: options.hasHeadphones ?? false,
    onProblem: (utterance) => problems.push(utterance.id),
  });
  return { player, channel, problems };
}

const title: Utterance = { id: 'proc/cita-previa/steps/dni/title' };
const text: Utterance = { id: 'proc/cita-previa/steps/dni/text' };
const nextTitle: Utterance = { id: 'proc/cita-previa/steps/telefono/title' };

describe('the speech channel', () => {
  it('says a list in order, one after another, and is quiet at its end', () => {
    const { player, channel } = setup();
    channel.say([title, text]);
    expect(player.sounding).toBe(`${title.id}@es@slow`);
    expect(channel.status().playing).toBe(title.id);
    player.finish();
    expect(player.sounding).toBe(`${text.id}@es@slow`);
    player.finish();
    expect(player.sounding).toBeUndefined();
    expect(channel.status().playing).toBeUndefined();
    // The second one was loaded while the first played.
    expect(player.preloaded).toContain(`${text.id}@es@slow`);
  });

  it('a new prompt stops the one playing before it starts, and the old list never comes back', () => {
    const { player, channel } = setup();
    channel.say([title, text]);
    channel.say([nextTitle]);
    expect(player.log).toEqual([`play ${title.id}@es@slow`, `stop ${title.id}@es@slow`, `play ${nextTitle.id}@es@slow`]);
    player.finish();
    // The rest of the first list (the text) is not said after the second list ends.
    expect(player.sounding).toBeUndefined();
  });

  it('a tap stops speech at once (synchronously), and late events of the stopped sound change nothing', () => {
    let events: PlayerEvents | undefined;
    const player = new FakePlayer();
    const playing = player.play.bind(player);
    player.play = (file, volume, handlers, output) => {
      events = handlers;
      playing(file, volume, handlers, output);
    };
    const channel = createSpeechChannel({ player, resolve: resolver(), hasHeadphones: false });
    channel.say([title, text]);
    channel.stop();
    expect(player.sounding).toBeUndefined();
    expect(channel.status().playing).toBeUndefined();
    // A real engine can still deliver the stopped sound's end; the list must not go on.
    events?.onEnd();
    expect(player.sounding).toBeUndefined();
    expect(player.log).toEqual([`play ${title.id}@es@slow`, `stop ${title.id}@es@slow`]);
  });

  it('"Repetir" says the last list again from its start, even after a stop', () => {
    const { player, channel } = setup();
    channel.say([title, text]);
    player.finish();
    channel.stop();
    channel.repeat();
    expect(player.sounding).toBe(`${title.id}@es@slow`);
    player.finish();
    expect(player.sounding).toBe(`${text.id}@es@slow`);
  });

  it('a sample said aside plays once and leaves "Repetir" with the screen (the voice\'s speed control)', () => {
    const { player, channel } = setup();
    channel.say([title, text]);
    const sample: Utterance = { id: 'ui/speech.sampleNormal' };
    channel.configure({ speed: 'normal' });
    channel.sayAside([sample]);
    expect(player.sounding).toBe(`${sample.id}@es@normal`);
    player.finish();
    expect(player.sounding).toBeUndefined();
    channel.repeat();
    expect(player.sounding).toBe(`${title.id}@es@normal`);
  });

  it('"Más despacio" and the volume apply to what is said next and to the volume at once', () => {
    const { player, channel } = setup();
    channel.configure({ speed: 'normal', volume: 'low' });
    channel.say([title]);
    expect(player.sounding).toBe(`${title.id}@es@normal`);
    expect(player.volume).toBe(volumeGain.low);
    channel.configure({ volume: 'high' });
    expect(player.volume).toBe(volumeGain.high);
    channel.configure({ speed: 'slow' });
    channel.repeat();
    expect(player.sounding).toBe(`${title.id}@es@slow`);
  });

  it('never plays a sensitive prompt on the speaker, and says so in its status', () => {
    const { player, channel } = setup({ hasHeadphones: false });
    const code: Utterance = { id: 'proc/practica-clave/steps/ver-codigo/text' };
    channel.say([title, code, nextTitle]);
    player.finish();
    // The code was skipped: the next public prompt plays.
    expect(player.sounding).toBe(`${nextTitle.id}@es@slow`);
    expect(channel.status().heldBack).toBe(true);
    expect(player.log.some((entry) => entry.includes('ver-codigo'))).toBe(false);
    expect(player.preloaded.some((key) => key.includes('ver-codigo'))).toBe(false);
  });

  it('says once, in place of what it held back, why it is silent', () => {
    const player = new FakePlayer();
    const channel = createSpeechChannel({ player, resolve: resolver(), hasHeadphones: false, heldBackNotice: { id: 'ui/speech.private' } });
    const code: Utterance = { id: 'proc/practica-clave/steps/ver-codigo/text' };
    channel.say([{ ...title, privacy: 'private' }, code, nextTitle]);
    expect(player.sounding).toBe('ui/speech.private@es@slow');
    player.finish();
    // The second private one is skipped without a second notice.
    expect(player.sounding).toBe(`${nextTitle.id}@es@slow`);
    player.finish();
    expect(player.log.filter((entry) => entry.startsWith('play'))).toEqual(['play ui/speech.private@es@slow', `play ${nextTitle.id}@es@slow`]);
  });

  it('plays private things only in the spoken mode, through headphones that the kiosk has, and records where each play went', () => {
    const pin: Utterance = { id: 'ui/volunteer.pin', privacy: 'private' };
    const code: Utterance = { id: 'proc/practica-clave/steps/ver-codigo/text' };
    // Headphones chosen but the kiosk has none: still nothing, even in the spoken mode.
    const without = setup({ hasHeadphones: false });
    without.channel.configure({ output: 'headphones', spokenMode: true });
    without.channel.say([pin, code]);
    expect(without.player.log).toEqual([]);
    // The kiosk has headphones but the senior listens on the speaker: nothing.
    const speaker = setup({ hasHeadphones: true });
    speaker.channel.say([pin, code]);
    expect(speaker.player.log).toEqual([]);
    // Touch mode with headphones chosen (issue 17): a sensitive step is read on screen, never aloud.
    const touch = setup({ hasHeadphones: true });
    touch.channel.configure({ output: 'headphones' });
    touch.channel.say([pin, code]);
    expect(touch.player.log).toEqual([]);
    // The spoken mode, through the kiosk's headphones: it plays, and each play went to them.
    const both = setup({ hasHeadphones: true });
    both.channel.configure({ output: 'headphones', spokenMode: true });
    both.channel.say([pin, code]);
    expect(both.player.sounding).toBe(`${pin.id}@es@slow`);
    both.player.finish();
    expect(both.player.sounding).toBe(`${code.id}@es@slow`);
    expect(both.player.outputs).toEqual([`${pin.id}@es@slow → headphones`, `${code.id}@es@slow → headphones`]);
    // Switching back to the speaker silences it at once.
    both.channel.configure({ output: 'speaker' });
    expect(both.player.sounding).toBeUndefined();
    // Leaving the spoken mode silences it too.
    both.channel.configure({ output: 'headphones' });
    both.channel.say([code]);
    expect(both.player.sounding).toBe(`${code.id}@es@slow`);
    both.channel.configure({ spokenMode: false });
    expect(both.player.sounding).toBeUndefined();
    // `never` is never played, not even through headphones.
    both.channel.configure({ spokenMode: true });
    both.channel.say([{ id: 'ui/secret', privacy: 'never' }]);
    expect(both.player.sounding).toBeUndefined();
  });

  it('the privacy rule, case by case', () => {
    expect(mayBeHeard('public', false, { output: 'speaker', spokenMode: false }, false)).toBe(true);
    expect(mayBeHeard('public', true, { output: 'speaker', spokenMode: false }, true)).toBe(false);
    expect(mayBeHeard('private', false, { output: 'headphones', spokenMode: true }, false)).toBe(false);
    expect(mayBeHeard('private', false, { output: 'headphones', spokenMode: false }, true)).toBe(false);
    expect(mayBeHeard('private', false, { output: 'headphones', spokenMode: true }, true)).toBe(true);
    expect(mayBeHeard('private', false, { output: 'speaker', spokenMode: true }, true)).toBe(false);
    expect(mayBeHeard('never', false, { output: 'headphones', spokenMode: true }, true)).toBe(false);
  });

  it('skips what has no audio or cannot be played, reports it, and goes on', () => {
    const { player, channel, problems } = setup({ missing: new Set([title.id]) });
    channel.say([title, text, nextTitle]);
    expect(player.sounding).toBe(`${text.id}@es@slow`);
    player.fail();
    expect(player.sounding).toBe(`${nextTitle.id}@es@slow`);
    expect(problems).toEqual([title.id, text.id]);
    expect(channel.status().failed).toBe(true);
  });

  it("speaks in the screen language unless an utterance names its own (a language's name in itself)", () => {
    const { player, channel } = setup();
    channel.configure({ language: 'en' });
    channel.say([{ id: 'ui/language.heading' }, { id: 'ui/language.name', language: 'ar' }]);
    expect(player.sounding).toBe('ui/language.heading@en@slow');
    player.finish();
    expect(player.sounding).toBe('ui/language.name@ar@slow');
  });

  it('waits for a dynamic sentence from the hub, and drops it if something newer was said meanwhile', async () => {
    const player = new FakePlayer();
    let answer: (value: ResolvedUtterance) => void = () => undefined;
    const channel = createSpeechChannel({
      player,
      hasHeadphones: false,
      resolve: (utterance, speed, language) =>
        utterance.values ? new Promise<ResolvedUtterance>((done) => (answer = done)) : resolver()(utterance, speed, language),
    });
    channel.say([{ id: 'help.coming', values: { name: 'Ana' } }]);
    channel.say([title]);
    answer({ file: { key: 'coming-ana', urls: ['/x.ogg'], duration: 1 }, sensitive: false });
    await Promise.resolve();
    expect(player.sounding).toBe(`${title.id}@es@slow`);
    player.finish();
    // Now one that arrives in time plays.
    channel.say([{ id: 'help.coming', values: { name: 'Ana' } }]);
    answer({ file: { key: 'coming-ana', urls: ['/x.ogg'], duration: 1 }, sensitive: false });
    await Promise.resolve();
    expect(player.sounding).toBe('coming-ana');
  });

  it('asks for the prompt it says before the one it loads ahead (a hub rendering on demand takes them in order)', () => {
    const asked: string[] = [];
    const channel = createSpeechChannel({
      player: new FakePlayer(),
      hasHeadphones: false,
      resolve: (utterance, speed, language) => {
        asked.push(utterance.id);
        return resolver()(utterance, speed, language);
      },
    });
    channel.say([title, text, nextTitle]);
    expect(asked).toEqual([title.id, text.id]);
  });

  it('preloads the next step without a sound, and never fetches private prompts for the speaker', () => {
    const { player, channel } = setup();
    channel.preload([nextTitle, { id: 'ui/x', privacy: 'private' }, { id: 'proc/practica-clave/steps/ver-codigo/text' }]);
    expect(player.preloaded).toEqual([`${nextTitle.id}@es@slow`]);
    expect(player.log).toEqual([]);
  });

  it('a new session starts from the defaults with nothing to repeat', () => {
    const { player, channel } = setup({ hasHeadphones: true });
    channel.configure({ speed: 'fast', volume: 'low', output: 'headphones', language: 'ar' });
    channel.say([title]);
    channel.reset();
    expect(player.sounding).toBeUndefined();
    expect(channel.status()).toEqual({ settings: defaultSpeechSettings, playing: undefined, heldBack: false, failed: false });
    expect(player.volume).toBe(volumeGain.high);
    channel.repeat();
    expect(player.sounding).toBeUndefined();
  });

  it('tells its subscribers about every change', () => {
    const { player, channel } = setup();
    let calls = 0;
    const unsubscribe = channel.subscribe(() => (calls += 1));
    channel.say([title]);
    player.finish();
    const seen = calls;
    expect(seen).toBeGreaterThanOrEqual(2);
    unsubscribe();
    channel.say([title]);
    expect(calls).toBe(seen);
  });
});
