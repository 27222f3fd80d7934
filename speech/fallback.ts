/**
 * The MP3 fallback of a stored sound, made when a browser without Opus first asks for it. It is
 * made from the sound's own Ogg (the speech as the kiosks play it: trimmed, at the target
 * loudness) and goes through the same shaping, bounds and corrections as every file, so it
 * passes `audio:check` like the Ogg does. Making it from the Ogg, not from the engine again,
 * needs nothing but the sound's name: the text, voice and speed are not kept beside a sound.
 */
import { decodeAudio } from './decode.js';
import { encodeFallbacks } from './encode.js';
import type { SoundHash } from './sound-id.js';
import type { SoundStore, StoredSound } from './store.js';

/**
 * `hash` in `store` with its MP3: as it is when it has one, else with one made and kept now.
 * Undefined when the store has no such sound.
 */
export async function withFallback(store: SoundStore, hash: SoundHash): Promise<StoredSound | undefined> {
  const sound = await store.get(hash);
  if (!sound || sound.files.mp3) return sound;
  const ogg = await store.read(hash, 'ogg');
  if (!ogg) return undefined;
  // Decoded at 24 kHz, about the engine's own rate: the MP3 is encoded from what it would have been.
  const [mp3] = await encodeFallbacks([{ pcm: await decodeAudio(ogg), stem: await store.stemFor(hash) }]);
  if (!mp3) throw new Error(`no MP3 was made for the sound ${hash}`);
  const completed: StoredSound = { ...sound, files: { ogg: sound.files.ogg, mp3 } };
  await store.commit(completed, ['mp3']);
  return completed;
}
