/**
 * A test that uses the kiosk the way a senior in the spoken mode does (issue 17): it presses keys
 * and knows only what it hears. It reads the player's log (speech-log.ts) and names each file
 * played by the prompt it belongs to, through the audio manifest; it never reads the screen.
 */
import type { Page } from '@playwright/test';
import type { AudioManifest } from '../../../core/audio/manifest.js';

/**
 * One thing heard: the prompt, its language, and where it went. Prompts with the same words share
 * one file ("¿Tiene su DNI?" in two procedures), so a file names every prompt it may be: `id` is
 * the first, `ids` all of them.
 */
export interface Heard {
  id: string;
  ids: readonly string[];
  language: string;
  output: string | undefined;
  at: number;
}

interface LoggedPlay {
  type: string;
  url: string;
  at: number;
  output?: string;
}

/** Presses keys and listens. */
export class SpokenListener {
  private readonly byUrl = new Map<string, { ids: string[]; language: string }>();

  /**
   * `keys`: the key that moves on and the key that chooses: the keypad's 2 and 5 by default, or a
   * two-switch device's Space and Enter.
   */
  constructor(
    private readonly page: Page,
    manifest: AudioManifest,
    readonly keys: { next: string; choose: string } = { next: 'Numpad2', choose: 'Numpad5' },
  ) {
    for (const [id, languages] of Object.entries(manifest.prompts)) {
      for (const [language, audio] of Object.entries(languages)) {
        for (const files of Object.values(audio.speeds)) {
          for (const file of [files.ogg, files.mp3]) {
            if (file === undefined) continue;
            const known = this.byUrl.get(`/audio/${file}`);
            if (known) known.ids.push(id);
            else this.byUrl.set(`/audio/${file}`, { ids: [id], language });
          }
        }
      }
    }
  }

  /** The page's clock now. */
  async now(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  /** The log read so far: only what is new is fetched from the page each time. */
  private read: LoggedPlay[] = [];

  private async events(): Promise<LoggedPlay[]> {
    const known = this.read.length;
    const fresh = await this.page.evaluate(
      (from) => ((window as unknown as { __pasoSpeech?: { events: LoggedPlay[] } }).__pasoSpeech?.events ?? []).slice(from),
      known,
    );
    this.read = [...this.read, ...fresh];
    return this.read;
  }

  /** Everything heard (played) since `since`, in order. */
  async heardSince(since: number): Promise<Heard[]> {
    const events = await this.events();
    return events
      .filter((event) => event.type === 'play' && event.at >= since)
      .map((event) => {
        const prompt = this.byUrl.get(event.url);
        const ids = prompt?.ids ?? [`unknown ${event.url}`];
        return { id: ids[0] ?? '', ids, language: prompt?.language ?? '?', output: event.output, at: event.at };
      });
  }

  /** The player's whole log since `since` as lines ("play ui/step.next (es) → headphones"), for a failure's message. */
  async logSince(since: number): Promise<string> {
    const events = await this.events();
    return events
      .filter((event) => event.at >= since)
      .map((event) => {
        const prompt = this.byUrl.get(event.url);
        return `${Math.round(event.at - since)} ms ${event.type} ${prompt ? `${prompt.ids.join(' | ')} (${prompt.language})` : event.url}${event.output ? ` → ${event.output}` : ''}`;
      })
      .join('\n');
  }

  /** Waits until `id` (in `language`, if given) is heard after `since`; returns it. */
  async hear(id: string, since: number, language?: string, timeout = 15_000): Promise<Heard> {
    const until = Date.now() + timeout;
    for (;;) {
      const found = (await this.heardSince(since)).find((heard) => heard.ids.includes(id) && (language === undefined || heard.language === language));
      if (found) return found;
      if (Date.now() > until) throw new Error(`never heard ${id}${language ? ` (${language})` : ''}; the player's log since:\n${await this.logSince(since)}`);
      await this.page.waitForTimeout(10);
    }
  }

  /** Presses a key (by its code, e.g. `Numpad2`) and returns the page time just before. */
  async press(code: string): Promise<number> {
    const since = await this.now();
    await this.page.keyboard.press(code);
    return since;
  }

  /** Presses a key and returns the first thing heard after it (past "Principio de la pantalla"). */
  async pressAndHear(code: string): Promise<{ heard: Heard; wrapped: boolean }> {
    const since = await this.press(code);
    const until = Date.now() + 15_000;
    for (;;) {
      const heard = await this.heardSince(since);
      const wrapped = heard[0]?.ids.includes('ui/tactile.top') ?? false;
      const first = wrapped ? heard[1] : heard[0];
      if (first) return { heard: first, wrapped };
      if (Date.now() > until) throw new Error(`nothing heard after ${code}; the player's log since:\n${await this.logSince(since)}`);
      await this.page.waitForTimeout(10);
    }
  }

  /**
   * Presses the move key (2) until the control named by `id` is heard (its name comes first), going round the
   * screen at most twice; between the rounds, `more` (a "Seguir leyendo" or "Ver más trámites")
   * is chosen if it was heard, since what is sought may be on the next part.
   */
  async reach(id: string, options: { language?: string; more?: readonly string[] } = {}): Promise<void> {
    const seen: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      let moreSeen = false;
      // Round the whole screen once: from wherever the focus is, past the end and back to it.
      let wraps = 0;
      for (let presses = 0; presses < 60; presses += 1) {
        const { heard, wrapped } = await this.pressAndHear(this.keys.next);
        if (wrapped) wraps += 1;
        if (wraps === 2) break;
        seen.push(heard.id);
        if (heard.ids.includes(id) && (options.language === undefined || heard.language === options.language)) return;
        if (heard.ids.some((one) => options.more?.includes(one))) moreSeen = true;
      }
      if (!moreSeen) break;
      // Go to the part-nav's "more" and choose it; the part's content is said again.
      for (let presses = 0; presses < 40; presses += 1) {
        const { heard } = await this.pressAndHear(this.keys.next);
        if (heard.ids.some((one) => options.more?.includes(one))) break;
      }
      await this.press(this.keys.choose);
    }
    throw new Error(`never reached ${id}; heard ${seen.join(', ')}`);
  }

  /** Reaches `id` and chooses it (5). Returns the time of the choosing key. */
  async choose(id: string, options: { language?: string; more?: readonly string[] } = {}): Promise<number> {
    await this.reach(id, options);
    return this.press(this.keys.choose);
  }
}
