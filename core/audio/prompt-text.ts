/**
 * One text to speak in one language: what the audio builder renders and what `audio:check`
 * expects to find in the manifest.
 */
import type { PromptId } from './manifest.js';

/** A spoken text in one language. */
export interface PromptText {
  id: PromptId;
  language: string;
  text: string;
  /** A sensitive step's text: rendered (for headphones) but never played on the speaker. */
  sensitive: boolean;
}
