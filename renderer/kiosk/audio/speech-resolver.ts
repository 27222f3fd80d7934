/**
 * Turns what the screens want said into files: pre-rendered prompts through the manifest, and
 * the help panel's sentences with live values (a name, a place in the queue) through the hub's
 * speech endpoint, which renders them on demand.
 */
import type { ResolvedUtterance, UtteranceResolver } from '../../../core/audio/channel.js';
import { findPrompt, type AudioManifest, type PromptSpeed, type RenderedFile } from '../../../core/audio/manifest.js';
import { hubRoutes, speechResponseSchema } from '../../../core/protocol/http.js';
import { audioBase } from './audio-file-store.js';

/** A manifest path (relative to the audio folder) or the hub's own address, as a page address. */
function address(path: string): string {
  return /^(\/|https?:|blob:|data:)/.test(path) ? path : `${audioBase}${path}`;
}

function playable(file: RenderedFile): ResolvedUtterance['file'] {
  const ogg = address(file.ogg);
  return { key: ogg, urls: [ogg, address(file.mp3)], duration: file.duration };
}

/** Asks the hub to render a help-status sentence; undefined when it cannot. */
async function fetchDynamic(token: string, key: string, values: Readonly<Record<string, string>>, language: string, speed: PromptSpeed): Promise<ResolvedUtterance | undefined> {
  const query = new URLSearchParams({ key, language, speed, ...values });
  try {
    const response = await fetch(`${hubRoutes.kioskSpeech}?${query.toString()}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(5000), cache: 'no-store' });
    if (!response.ok) return undefined;
    const parsed = speechResponseSchema.safeParse(await response.json());
    return parsed.success ? { file: playable(parsed.data), sensitive: false } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The kiosk's resolver. `manifest` is read at each call, so prompts said before the manifest
 * arrives are simply skipped (and the screen shows its text, as always).
 */
export function kioskResolver(manifest: () => AudioManifest | undefined, token: string): UtteranceResolver {
  return (utterance, speed, language) => {
    if (utterance.values) return fetchDynamic(token, utterance.id, utterance.values, language, speed);
    const loaded = manifest();
    if (!loaded) return undefined;
    const found = findPrompt(loaded, utterance.id, language);
    if (!found) return undefined;
    return { file: playable(found.audio.speeds[speed]), sensitive: found.audio.sensitive };
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
