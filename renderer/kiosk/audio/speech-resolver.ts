/**
 * Turns what the screens want said into files: pre-rendered prompts through the manifest; the
 * help panel's sentences with live values (a name, a place in the queue) through the hub's
 * speech endpoint, which renders them on demand; procedure texts that staff changed since the
 * audio was built through the hub's prompt endpoint, so the kiosk never says older words than it
 * shows; and, through the same endpoint by id, any prompt the build does not have (no build yet,
 * or one still running), so a new kiosk speaks before its audio is built.
 */
import type { ResolvedUtterance, UtteranceResolver } from '../../../core/audio/channel.js';
import { kioskPromptSource, type CurrentPrompts } from '../../../core/audio/current-prompts.js';
import type { AudioManifest, RenderedFile } from '../../../core/audio/manifest.js';
import { readSpeechResponse } from '../../../core/protocol/kiosk-answers.js';
import { callKioskHub } from '../hub-api/kiosk-api.js';
import { audioBase } from './audio-file-store.js';

/** A manifest path (relative to the audio folder) or the hub's own address, as a page address. */
function address(path: string): string {
  return /^(\/|https?:|blob:|data:)/.test(path) ? path : `${audioBase}${path}`;
}

function playable(file: RenderedFile): ResolvedUtterance['file'] {
  const ogg = address(file.ogg);
  return { key: ogg, urls: [ogg, address(file.mp3)], duration: file.duration };
}

/** Where the resolver asks the hub, and whom it tells that the hub cannot speak. */
interface HubAsk {
  token: string;
  /** The hub answered 503: speech is not installed there. */
  onUnavailable: () => void;
}

/**
 * Asks the hub for a sentence it renders on demand; undefined when it cannot. A 429 (the hub is
 * rendering as much as it takes) skips just this sentence; a 503 means the hub has no speech.
 */
async function fetchSpoken(
  hub: HubAsk,
  route: 'kioskSpeech' | 'kioskPromptSpeech',
  query: Readonly<Record<string, string>>,
  sensitive: boolean,
  expectedText?: string,
): Promise<ResolvedUtterance | undefined> {
  // Generous: without a build, the hub renders each prompt as it is asked for, one at a time,
  // while the build competes for the CPU; a late prompt is still better than none.
  const answer = await callKioskHub(route, readSpeechResponse, { token: hub.token, query, timeoutMs: 15_000 });
  if (!answer.ok) {
    if (answer.kind === 'refused' && answer.status === 503) hub.onUnavailable();
    return undefined;
  }
  const spoken = answer.value;
  // A senior still inside an older version than the hub's newest hears nothing rather than other words.
  if (expectedText !== undefined && spoken.text !== expectedText) return undefined;
  return { file: playable(spoken), sensitive };
}

/**
 * The kiosk's resolver. `manifest` (undefined while there is no build) and `published` are read
 * at each call, so a manifest read again is used from the next prompt on, and a new publication
 * is spoken from the moment the kiosk shows it. `onUnavailable` hears of a hub without speech.
 */
export function kioskResolver(
  manifest: () => AudioManifest | undefined,
  published: () => CurrentPrompts,
  token: string,
  onUnavailable: () => void = () => undefined,
): UtteranceResolver {
  const hub: HubAsk = { token, onUnavailable };
  return (utterance, speed, language) => {
    if (utterance.values) return fetchSpoken(hub, 'kioskSpeech', { key: utterance.id, language, speed, ...utterance.values }, false);
    const source = kioskPromptSource(manifest(), published(), utterance.id, language);
    if (source.kind === 'built') return { file: playable(source.audio.speeds[speed]), sensitive: source.audio.sensitive };
    if (source.kind === 'hub') return fetchSpoken(hub, 'kioskPromptSpeech', { id: source.id, language: source.language, speed }, false);
    const { prompt } = source;
    return fetchSpoken(hub, 'kioskPromptSpeech', { id: prompt.id, language: prompt.language, speed }, prompt.sensitive, prompt.text);
  };
}

/** Every file address the manifest names, to keep in the cache and prune the rest. */
export function manifestAddresses(manifest: AudioManifest): Set<string> {
  const addresses = new Set<string>();
  for (const byLanguage of Object.values(manifest.prompts)) {
    for (const audio of Object.values(byLanguage)) {
      for (const file of Object.values(audio.speeds)) {
        addresses.add(address(file.ogg));
        addresses.add(address(file.mp3));
      }
    }
  }
  return addresses;
}
