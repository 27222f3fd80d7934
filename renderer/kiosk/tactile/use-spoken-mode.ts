/**
 * The spoken mode on the page (issue 17): listens to every key, asks core/tactile what it means
 * and what to do, and does it: focuses and describes controls, presses them, types into the
 * field, calls a volunteer, blanks the screen. Thin by design: every decision is in
 * core/tactile/spoken-mode.ts; this file only reads the page (spoken-controls.ts) and acts on it.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Utterance } from '../../../core/audio/channel.js';
import { ui } from '../../../core/audio/screen-speech.js';
import { characterPromptId, describeControl, readBackUtterances } from '../../../core/tactile/describe.js';
import { interpretKey } from '../../../core/tactile/key-map.js';
import type { PickerItem } from '../../../core/tactile/picker.js';
import { initialSpokenMode, pressKey, screenChanged, type SpokenModeEffect, type SpokenModeState } from '../../../core/tactile/spoken-mode.js';
import { namedCharacters, pickerCommandKey } from '../../../core/tactile/spoken-prompts.js';
import { useSpeech } from '../audio/speech-context.js';
import { backControl, factsOf, reachableControls, roleOf } from './spoken-controls.js';
import { typeIntoField, type FieldKey } from './field-typing.js';

/** A change of the voice the senior asked for; the kiosk answers whether it could make it. */
export type VoiceChange = 'slower' | 'faster' | 'quieter' | 'louder';

/** What the spoken mode needs from the kiosk. */
export interface SpokenModeOptions {
  /** The kiosk has a keypad and headphones (its configuration; any keyboard in a plain browser). */
  available: boolean;
  /** The attract screen is on show: any key there starts the mode and the session. */
  atAttract: boolean;
  /** Names the screen (and any question open over it): a new one starts with nothing reached. */
  screenKey: string;
  /** Starts a session, as a tap on the attract screen does. */
  onStart: () => void;
  /** Exactly what the help button does. */
  onHelp: () => void;
  /** "¿Sigue ahí?" is open: any key answers it. */
  idleOpen: boolean;
  onIdleAnswer: () => void;
  /** Makes the voice slower, faster, quieter or louder; false when it already is as far as it goes. */
  onVoiceChange: (change: VoiceChange) => boolean;
}

/** The spoken mode's state for the page. */
export interface SpokenMode {
  /** The senior is using it (from the first key on the attract screen to the session's end). */
  active: boolean;
  /** "Apagar la pantalla" is on. */
  screenOff: boolean;
  /** The screen's own "Apagar/Encender la pantalla" button. */
  toggleScreen: () => void;
  /** The session ended: back to touch mode, screen on. */
  end: () => void;
}

const limits: Record<VoiceChange, string> = { slower: 'tactile.slowest', faster: 'tactile.fastest', quieter: 'tactile.quietest', louder: 'tactile.loudest' };

function pickerUtterance(item: PickerItem): Utterance {
  return item.kind === 'character' ? { id: characterPromptId(item.character) } : ui(pickerCommandKey(item.command));
}

const isNamed = (character: string): boolean => namedCharacters.includes(character);

/** Runs the spoken mode; see the file's comment. */
export function useSpokenMode(options: SpokenModeOptions): SpokenMode {
  const speech = useSpeech();
  const [active, setActive] = useState(false);
  const [screenOff, setScreenOff] = useState(false);
  const state = useRef<SpokenModeState>(initialSpokenMode);
  // The latest options, read by the one key listener (added once, so no key is ever missed).
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });
  const activeRef = useRef(false);

  // A new screen: nothing reached, moving; its instruction is said by the kiosk's speech.
  const { screenKey } = options;
  useEffect(() => {
    state.current = screenChanged(state.current);
  }, [screenKey]);

  const end = useCallback(() => {
    activeRef.current = false;
    state.current = initialSpokenMode;
    setActive(false);
    setScreenOff(false);
  }, []);

  const setOff = useCallback(
    (off: boolean) => {
      state.current = { ...state.current, screenOff: off };
      setScreenOff(off);
      speech.sayAside([ui(off ? 'tactile.isOff' : 'tactile.isOn')]);
    },
    [speech],
  );

  useEffect(() => {
    // `controls` is the list the key was interpreted against (read once per key); a description
    // made later, after a click has redrawn the screen, reads the page again.
    const describe = (element: HTMLElement, before: Utterance[] = [], controls: HTMLElement[] = reachableControls()): void => {
      element.focus({ preventScroll: true });
      speech.sayAside([...before, ...describeControl(factsOf(element))]);
      // The neighbours' names load while this one is said, so the next key is answered at once.
      const at = controls.indexOf(element);
      for (const neighbour of [controls[at + 1] ?? controls[0], controls[at - 1]]) {
        if (neighbour && neighbour !== element) speech.preload(describeControl(factsOf(neighbour)).slice(0, 2));
      }
    };
    const field = (): HTMLInputElement | undefined => {
      const focused = document.activeElement;
      return focused instanceof HTMLInputElement && roleOf(focused) === 'field' ? focused : undefined;
    };
    const type = (key: FieldKey, said: Utterance[]): void => {
      const target = field();
      if (!target) return;
      typeIntoField(target, key);
      speech.sayAside(said);
    };
    const run = (effect: SpokenModeEffect, controls: HTMLElement[]): void => {
      const controlAt = (index: number): HTMLElement | undefined => controls[index];
      switch (effect.type) {
        case 'stop-speech':
          speech.stop();
          return;
        case 'describe': {
          const element = controlAt(effect.index);
          if (element) describe(element, effect.wrapped ? [ui('tactile.top')] : [], controls);
          return;
        }
        case 'activate': {
          const element = controlAt(effect.index);
          if (!element) return;
          const screenBefore = latest.current.screenKey;
          element.click();
          // A choice or a box that stays on screen says its new state once React has drawn it.
          window.setTimeout(() => {
            if (element.isConnected && latest.current.screenKey === screenBefore && roleOf(element) !== 'button') describe(element);
          }, 0);
          return;
        }
        case 'start-typing': {
          const element = controlAt(effect.index);
          element?.focus({ preventScroll: true });
          speech.sayAside([ui('tactile.typing')]);
          return;
        }
        case 'type':
          type({ kind: 'char', char: effect.character }, isNamed(effect.character) ? [{ id: characterPromptId(effect.character), privacy: 'private' }] : []);
          return;
        case 'delete':
          type({ kind: 'erase' }, [ui('tactile.deleted')]);
          return;
        case 'read-back':
          speech.sayAside(readBackUtterances(field()?.value ?? '', isNamed));
          return;
        case 'finish-typing': {
          const target = field();
          if (target) describe(target, [ui('tactile.finished')]);
          return;
        }
        case 'say-picker':
          speech.sayAside([...(effect.opened ? [ui('tactile.picker')] : []), pickerUtterance(effect.item)]);
          return;
        case 'picker-closed':
          speech.sayAside([ui('tactile.pickerClosed')]);
          return;
        case 'back': {
          const back = effect.possible ? backControl() : undefined;
          if (back) back.click();
          else speech.sayAside([ui('tactile.noBack')]);
          return;
        }
        case 'speech':
          if (effect.change === 'repeat') speech.repeat();
          else speech.sayAside([ui(latest.current.onVoiceChange(effect.change) ? `tactile.${effect.change}` : limits[effect.change])]);
          return;
        case 'help':
          latest.current.onHelp();
          return;
        case 'screen':
          setOff(effect.off);
          return;
        case 'answer-any-key':
          latest.current.onIdleAnswer();
          return;
      }
    };
    const onKey = (event: KeyboardEvent): void => {
      const now = latest.current;
      if (!now.available || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      if (!activeRef.current) {
        // Only the attract screen turns a key into the spoken mode: mid-session, keys stay the page's.
        if (!now.atAttract) return;
        // Handled here, whole: the page's own "a key stops speech" (speech-context.tsx) would
        // otherwise run after the welcome has started and silence it.
        event.preventDefault();
        event.stopPropagation();
        speech.stop();
        activeRef.current = true;
        state.current = initialSpokenMode;
        setActive(true);
        now.onStart();
        return;
      }
      // The mode owns every key: Tab must not move the page's focus, Space not scroll or press.
      event.preventDefault();
      event.stopPropagation();
      const controls = reachableControls();
      const step = pressKey(state.current, interpretKey({ code: event.code, key: event.key }, state.current.context), {
        roles: controls.map(roleOf),
        hasBack: backControl() !== undefined,
        anyKeyAnswers: now.idleOpen,
      });
      state.current = step.state;
      for (const effect of step.effects) run(effect, controls);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [speech, setOff]);

  return { active, screenOff, toggleScreen: () => setOff(!state.current.screenOff), end };
}
