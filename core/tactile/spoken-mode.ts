/**
 * The spoken mode's decisions (issue 17), pure: given what a key means (key-map.ts), what the
 * screen offers and where the senior is, what happens next, as effects the kiosk carries out on
 * the page (focus a control and say it, press it, type, call a volunteer…). Keeping every
 * decision here lets the tests walk every case without a browser, and keeps the page's side a
 * thin translation of effects into DOM calls.
 */
import { moveFocus, type FocusIndex } from './focus-ring.js';
import type { KeyContext, KeyMeaning } from './key-map.js';
import { movePicker, pickerItemAt, pickerStart, type PickerItem } from './picker.js';
import type { ControlRole } from './describe.js';

/** Where the senior is in the spoken mode. */
export interface SpokenModeState {
  context: KeyContext;
  /** The control reached on this screen; none on a new screen. */
  focus: FocusIndex;
  /** The picker's place, while picking. */
  picker: number;
  /** "Apagar la pantalla": the screen shows only "Pantalla apagada por privacidad". */
  screenOff: boolean;
}

/** What a new session of the spoken mode starts with. */
export const initialSpokenMode: SpokenModeState = { context: 'moving', focus: undefined, picker: pickerStart, screenOff: false };

/** What the screen offers now, as the kiosk reads it off the page. */
export interface ScreenOffer {
  /** The roles of the controls, in reading order. */
  roles: readonly ControlRole[];
  /** The screen has a way back ("Atrás", "Volver"). */
  hasBack: boolean;
  /** A question that any key answers is open (the idle warning: "¿Sigue ahí?"). */
  anyKeyAnswers: boolean;
}

/** Something the kiosk does on the page. */
export type SpokenModeEffect =
  /** Silence what is playing: every key does this first (well within 250 ms). */
  | { type: 'stop-speech' }
  /** Move the focus to the control and say it; `wrapped` when it went round the screen's end. */
  | { type: 'describe'; index: number; wrapped: boolean }
  /** Press the control (an answer, a button, a checkbox), then say what changed. */
  | { type: 'activate'; index: number }
  /** The field at `index` takes typing from now on (its instruction is said). */
  | { type: 'start-typing'; index: number }
  | { type: 'type'; character: string }
  | { type: 'delete' }
  /** Say what the field holds, character by character (private). */
  | { type: 'read-back' }
  /** Typing is over: say so, and say the field again. */
  | { type: 'finish-typing' }
  /** The picker opened or moved: say its item (`opened`: with its instruction first). */
  | { type: 'say-picker'; item: PickerItem; opened: boolean }
  /** Picking closed; typing goes on. */
  | { type: 'picker-closed' }
  /** Press the screen's way back, or say there is none. */
  | { type: 'back'; possible: boolean }
  | { type: 'speech'; change: 'repeat' | 'slower' | 'faster' | 'quieter' | 'louder' }
  /** Exactly what the help button does. */
  | { type: 'help' }
  | { type: 'screen'; off: boolean }
  /** Answer the open question that any key answers. */
  | { type: 'answer-any-key' };

/** The new state and what to do. */
export interface SpokenModeStep {
  state: SpokenModeState;
  effects: SpokenModeEffect[];
}

/** A new screen: nothing reached yet, moving (its instruction is heard first); the screen stays off if it was. */
export function screenChanged(state: SpokenModeState): SpokenModeState {
  return { ...state, context: 'moving', focus: undefined, picker: pickerStart };
}

/** What one key does. Every key, even one that means nothing, stops the speech first. */
export function pressKey(state: SpokenModeState, meaning: KeyMeaning, screen: ScreenOffer): SpokenModeStep {
  const effects: SpokenModeEffect[] = [{ type: 'stop-speech' }];
  const done = (next: SpokenModeState, ...more: SpokenModeEffect[]): SpokenModeStep => ({ state: next, effects: [...effects, ...more] });
  // "¿Sigue ahí?" is answered by any key at all, before anything else it might mean.
  if (screen.anyKeyAnswers) return done(state, { type: 'answer-any-key' });
  if (meaning.kind === 'ignored') return done(state);
  if (meaning.kind === 'type') return state.context === 'typing' ? done(state, { type: 'type', character: meaning.character }) : done(state);
  const count = screen.roles.length;
  // A focus left over from controls that went away is not used to press anything.
  const focus = state.focus !== undefined && state.focus < count ? state.focus : undefined;
  switch (meaning.action) {
    case 'help':
      return done(state, { type: 'help' });
    case 'screen':
      return done({ ...state, screenOff: !state.screenOff }, { type: 'screen', off: !state.screenOff });
    case 'repeat':
    case 'slower':
    case 'faster':
    case 'quieter':
    case 'louder':
      return done(state, { type: 'speech', change: meaning.action });
    case 'back':
      return done(state, { type: 'back', possible: screen.hasBack });
    case 'previous':
    case 'next': {
      const step = meaning.action === 'next' ? 1 : -1;
      if (state.context === 'picking') {
        const picker = movePicker(state.picker, step);
        return done({ ...state, picker }, { type: 'say-picker', item: pickerItemAt(picker), opened: false });
      }
      const moved = moveFocus(focus, step, count);
      if (moved.index === undefined) return done({ ...state, focus: undefined });
      return done({ ...state, context: 'moving', focus: moved.index }, { type: 'describe', index: moved.index, wrapped: moved.wrapped });
    }
    case 'choose': {
      if (state.context === 'picking') {
        const item = pickerItemAt(state.picker);
        if (item.kind === 'character') return done(state, { type: 'type', character: item.character });
        switch (item.command) {
          case 'delete':
            return done(state, { type: 'delete' });
          case 'read-back':
            return done(state, { type: 'read-back' });
          case 'finish':
            return done({ ...state, context: 'moving', picker: pickerStart }, { type: 'finish-typing' });
        }
      }
      if (focus === undefined) {
        // Nothing reached yet: the first control is reached rather than something pressed unseen.
        const moved = moveFocus(undefined, 1, count);
        return moved.index === undefined ? done(state) : done({ ...state, focus: moved.index }, { type: 'describe', index: moved.index, wrapped: false });
      }
      if (screen.roles[focus] === 'field') return done({ ...state, context: 'typing', focus }, { type: 'start-typing', index: focus });
      return done(state, { type: 'activate', index: focus });
    }
    case 'letters':
      if (state.context === 'typing')
        return done({ ...state, context: 'picking', picker: pickerStart }, { type: 'say-picker', item: pickerItemAt(pickerStart), opened: true });
      if (state.context === 'picking') return done({ ...state, context: 'typing' }, { type: 'picker-closed' });
      return done(state);
    case 'delete':
      return state.context === 'moving' ? done(state) : done(state, { type: 'delete' });
    case 'read-back':
      // While moving, it reads back the field reached, if the control reached is one.
      if (state.context === 'moving' && (focus === undefined || screen.roles[focus] !== 'field')) return done(state);
      return done(state, { type: 'read-back' });
    case 'finish':
      return state.context === 'moving' ? done(state) : done({ ...state, context: 'moving', picker: pickerStart }, { type: 'finish-typing' });
  }
}
