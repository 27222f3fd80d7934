/**
 * The spoken mode's view of the page (issue 17): the controls a senior can reach, in reading
 * order, and the facts that name each (core/tactile/describe.ts words them). Reading order is the
 * document's, which is the order the fit work lays a screen out in; controls that cannot be
 * touched now (hidden, under an open question, `inert`, disabled) are not reachable by keys either.
 */
import type { Utterance } from '../../../core/audio/channel.js';
import type { ControlFacts, ControlRole } from '../../../core/tactile/describe.js';

const controlSelector = 'button, input:not([type="hidden"]), textarea, select, a[href], [role="button"], [role="checkbox"], [role="radio"]';

/** Whether `element` can be reached now: shown, not under an inert part, not disabled, not skipped. */
function reachable(element: HTMLElement): boolean {
  if (element.closest('[inert], [data-spoken-skip], [aria-hidden="true"]')) return false;
  if ((element as HTMLButtonElement).disabled) return false;
  // Hidden by CSS (display:none, a closed part) or with no box.
  if (element.getClientRects().length === 0) return false;
  return window.getComputedStyle(element).visibility !== 'hidden';
}

/**
 * Which part of the page a control is in, in the order the keys reach them: an open sheet or
 * question first (what the senior must answer now), then the screen's own content, then the way
 * on (the dock's "Atrás" / "Siguiente"), the help button, and last the bar's voice and session
 * controls, which are the same on every screen: a senior who presses 2 hears the answers first,
 * not "Repetir" on every screen. Within a part, the document's order, which is the fit's.
 */
function partOf(element: HTMLElement): number {
  if (element.closest('[role="dialog"], [role="alertdialog"]')) return 0;
  if (element.closest('main')) return 1;
  if (element.closest('.step-nav-slot')) return 2;
  if (element.closest('.help-dock')) return 3;
  if (element.closest('.session-bar')) return 4;
  return 5;
}

/** The controls a senior can reach on the page now, in reading order (see {@link partOf}). */
export function reachableControls(root: ParentNode = document): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>(controlSelector)].filter(reachable).map((element, index) => ({ element, index, part: partOf(element) }));
  // Array.prototype.sort is stable: the document's order holds within each part.
  return found.sort((a, b) => a.part - b.part).map(({ element }) => element);
}

/** The role a control has for the spoken mode: its own attribute, else what the element is. */
export function roleOf(element: HTMLElement): ControlRole {
  const declared = element.dataset['spokenRole'];
  if (declared === 'button' || declared === 'choice' || declared === 'checkbox' || declared === 'field') return declared;
  if (element instanceof HTMLInputElement) return element.type === 'checkbox' ? 'checkbox' : 'field';
  if (element instanceof HTMLTextAreaElement) return 'field';
  const role = element.getAttribute('role');
  if (role === 'checkbox') return 'checkbox';
  if (role === 'radio') return 'choice';
  return 'button';
}

/** The label prompts a control declares; empty when it has none (a gap in coverage). */
export function labelOf(element: HTMLElement): Utterance[] {
  const own = element.dataset['spoken'];
  // A field is named by its <label>, which carries the prompts.
  const source = own ?? (element.id ? document.querySelector<HTMLElement>(`label[for="${CSS.escape(element.id)}"]`)?.dataset['spoken'] : undefined);
  if (!source) return [];
  try {
    const parsed: unknown = JSON.parse(source);
    return Array.isArray(parsed) ? (parsed.filter((item) => typeof (item as { id?: unknown }).id === 'string') as Utterance[]) : [];
  } catch {
    return [];
  }
}

/** Everything describe.ts needs about `element`. */
export function factsOf(element: HTMLElement): ControlFacts {
  const role = roleOf(element);
  const facts: ControlFacts = { label: labelOf(element), role };
  const position = /^(\d+)\/(\d+)$/.exec(element.dataset['spokenPosition'] ?? '');
  if (position) facts.position = { index: Number(position[1]), count: Number(position[2]) };
  const checked = element instanceof HTMLInputElement && element.type === 'checkbox' ? element.checked : element.getAttribute('aria-checked') === 'true';
  if (role === 'checkbox') facts.checked = checked;
  if (role === 'choice') facts.selected = element.getAttribute('aria-pressed') === 'true' || element.getAttribute('aria-checked') === 'true';
  if (role === 'field') facts.typedLength = (element as HTMLInputElement).value.length;
  return facts;
}

/** The screen's way back, if it has one reachable now. */
export function backControl(root: ParentNode = document): HTMLElement | undefined {
  return [...root.querySelectorAll<HTMLElement>('[data-spoken-back]')].find(reachable);
}
