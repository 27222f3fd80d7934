/**
 * Everything a kiosk session holds, in memory only: the screen, the language, the comfort
 * settings and the senior's answers (inside the step engine's state). Ending the session returns
 * {@link initialSession}: nothing of the senior is left to render or to find.
 */
import type { SpeechOutput, VolumeLevel } from '../../../core/audio/channel.js';
import type { KioskScreen } from '../../../core/kiosk/session-navigator.js';
import type { KioskLanguage } from '../i18n/kiosk-i18n.js';
import type { KioskWorkshopView } from '../../../core/protocol/workshop.js';

/** Text sizes of ACCESSIBILITY.md, body text in CSS px. */
export const textSizes = [32, 48, 64] as const;

/**
 * Comfort settings, chosen once per session (and the speech ones changed on any screen with the
 * speech controls); a new session starts from {@link defaultComfort}.
 */
export interface Comfort {
  textSize: (typeof textSizes)[number];
  highContrast: boolean;
  /** The speed of the pre-rendered prompts; slow first, as core/audio's defaultPromptSpeed. */
  speechRate: 'slow' | 'normal';
  volume: VolumeLevel;
  /** Headphones only when the kiosk has them and the senior chose them; private prompts need them. */
  output: SpeechOutput;
  /** The tremor option: the on-screen keyboard ignores the same key tapped again within 500 ms. */
  ignoreRepeats: boolean;
}

/** A kiosk session; its screens and the moves between them are core/kiosk/session-navigator.ts. */
export interface KioskSession {
  screen: KioskScreen;
  language: KioskLanguage;
  comfort: Comfort;
  /** The workshop this session takes part in (issue 18): it goes with the session, name and seat. */
  workshop?: WorkshopTaking;
}

/** A session's part in a workshop, in memory only like its answers. */
export interface WorkshopTaking {
  /** The kiosk's view as the hub last pushed it (its seat, the first name typed, the hand, the follow target). */
  view: KioskWorkshopView;
  /** The lessons finished in this session, in the workshop's order. */
  finished: string[];
  /** The follow target last followed (its `at`), so each "Miren todos aquí" moves the screen once. */
  followedAt?: number;
}

/** The comfort settings every session starts with. */
export const defaultComfort: Comfort = { textSize: 32, highContrast: false, speechRate: 'slow', volume: 'high', output: 'speaker', ignoreRepeats: false };

/**
 * A fresh session on the attract screen; `wiped` says the last one ended by the idle rule, and
 * `language` is the one the attract screen speaks (after a wipe, the senior's who walked away).
 */
export function initialSession(wiped = false, language: KioskLanguage = 'es'): KioskSession {
  return { screen: { name: 'attract', wiped }, language, comfort: defaultComfort };
}

/** The procedure and step to tell a volunteer about: the step on screen, or the catalogue. */
export function helpContext(session: KioskSession): { procedureId: string; procedureVersion?: number; stepId: string } {
  const { screen } = session;
  if (screen.name === 'steps') return { procedureId: screen.procedureId, procedureVersion: screen.engine.procedureVersion, stepId: screen.engine.current };
  if (screen.name === 'requirements' || screen.name === 'missing') return { procedureId: screen.procedureId, stepId: 'requirements' };
  // The hub wants valid ids: outside a procedure the call is about the kiosk's catalogue.
  return { procedureId: 'kiosk', stepId: 'catalogue' };
}
