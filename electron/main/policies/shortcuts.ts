/**
 * Key combinations the kiosk swallows before the page or Chromium sees them: the ones that
 * reload, open developer tools, close or quit, zoom, print through a dialog, open files or
 * windows, or go back. Everything else (letters, digits, Ñ, Enter, Backspace, Tab) still reaches
 * the page, so a keyboard attached for a senior keeps working. Combinations the operating system
 * handles (Alt+Tab, the Windows key, Ctrl+Alt+Del) never reach Electron: docs/kiosk-lockdown.md
 * says how the OS locks those.
 */

/** The parts of Electron's `Input` (from `before-input-event`) this decision reads. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** A blocked combination: `mod` is Ctrl on Linux and Windows, Cmd on macOS; both are matched. */
interface Combo {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  why: string;
}

const blocked: readonly Combo[] = [
  { key: 'f5', why: 'reload' },
  { key: 'r', mod: true, why: 'reload' },
  { key: 'r', mod: true, shift: true, why: 'reload without cache' },
  { key: 'f12', why: 'developer tools' },
  { key: 'i', mod: true, shift: true, why: 'developer tools' },
  { key: 'j', mod: true, shift: true, why: 'developer console' },
  { key: 'c', mod: true, shift: true, why: 'element inspector' },
  { key: 'i', mod: true, alt: true, why: 'developer tools (macOS)' },
  { key: 'u', mod: true, why: 'view source' },
  { key: 'w', mod: true, why: 'close the window' },
  { key: 'f4', mod: true, why: 'close the tab' },
  { key: 'f4', alt: true, why: 'close the window' },
  { key: 'q', mod: true, why: 'quit' },
  { key: 'n', mod: true, why: 'new window' },
  { key: 't', mod: true, why: 'new tab' },
  { key: 'o', mod: true, why: 'open a file' },
  { key: 's', mod: true, why: 'save the page' },
  { key: 'p', mod: true, why: 'print dialog (the kiosk prints silently through its own button)' },
  { key: 'p', mod: true, shift: true, why: 'print dialog' },
  { key: '+', mod: true, why: 'zoom in (text size is a comfort setting of the kiosk itself)' },
  { key: '=', mod: true, why: 'zoom in' },
  { key: '-', mod: true, why: 'zoom out' },
  { key: '0', mod: true, why: 'reset zoom' },
  { key: 'f11', why: 'leave full screen' },
  { key: 'arrowleft', alt: true, why: 'go back' },
  { key: 'arrowright', alt: true, why: 'go forward' },
  { key: 'browserback', why: 'go back' },
  { key: 'browserforward', why: 'go forward' },
  { key: 'browserrefresh', why: 'reload' },
];

/** Why a key press is blocked, or undefined when it may reach the page. */
export function blockedShortcut(input: KeyInput): string | undefined {
  // Both keyDown and keyUp are checked so no half of a combination leaks to the page.
  if (input.type !== 'keyDown' && input.type !== 'keyUp' && input.type !== 'rawKeyDown') return undefined;
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  const match = blocked.find(
    (combo) => combo.key === key && Boolean(combo.mod) === mod && Boolean(combo.shift) === input.shift && Boolean(combo.alt) === input.alt,
  );
  if (match) return match.why;
  // Shifted zoom keys: Ctrl+Shift+= is how "+" is typed on many layouts.
  if (mod && !input.alt && (key === '+' || key === '=' || key === '-' || key === '_')) return 'zoom';
  return undefined;
}
