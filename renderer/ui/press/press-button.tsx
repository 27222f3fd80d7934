/**
 * Every button a senior or a volunteer touches, through `usePress` of @react-aria/interactions
 * (issue 13): it acts on release, a finger sliding off before it lifts cancels, a long touch
 * selects no text and opens no callout or menu, and while pressed the button carries
 * `data-pressed`, which the apps' CSS draws as a thick ring around it: the finger hides the
 * button itself, so the change must show around it.
 *
 * Whether a press counts is the page's own rule, given through {@link PressGateProvider}: the
 * kiosk holds presses back while a new screen settles and applies the tremor option to every
 * button (core/kiosk/press-gate.ts). Without a provider every press counts.
 */
import { usePress, type PressEvent } from '@react-aria/interactions';
import { createContext, useContext, type ButtonHTMLAttributes, type ReactNode, type Ref } from 'react';

/** The page's rule for which presses count. */
export interface PressGate {
  /** Whether this press on `target` acts; told whether it came from a finger, mouse or pen. */
  allows(target: Element, pointer: boolean): boolean;
}

/** Every press counts: the default, and the volunteers' own mode on the kiosk (no tremor option there). */
export const everyPress: PressGate = { allows: () => true };
const PressGateContext = createContext<PressGate>(everyPress);

/** Gives every {@link PressButton} inside it the page's rule. */
export function PressGateProvider({ gate, children }: { gate: PressGate; children: ReactNode }) {
  return <PressGateContext.Provider value={gate}>{children}</PressGateContext.Provider>;
}

// A press that is not acted on leaves no trace; the handlers usePress owns are not taken.
type OwnedByPress =
  | 'onClick'
  | 'onPointerDown'
  | 'onPointerUp'
  | 'onMouseDown'
  | 'onMouseUp'
  | 'onKeyDown'
  | 'onKeyUp'
  | 'onTouchStart'
  | 'onTouchEnd'
  | 'onDragStart';

/** Props of {@link PressButton}: a button's, with `onPress` for `onClick`. */
export interface PressButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, OwnedByPress | 'type'> {
  /** What the press does, when the page's rule lets it count. */
  onPress?: (event: PressEvent) => void;
  /** Told when a press starts (before it counts), e.g. to remember where the finger was. */
  onPressStart?: (event: PressEvent) => void;
  ref?: Ref<HTMLButtonElement>;
  children?: ReactNode;
}

/** True for a finger, a mouse or a pen; false for a key, a switch or a screen reader. */
export function isPointerPress(event: PressEvent): boolean {
  return event.pointerType === 'touch' || event.pointerType === 'mouse' || event.pointerType === 'pen';
}

/**
 * A `<button type="button">` that acts through `usePress`. (Never a submit button: the browser's
 * own submit would act beside the press, past the page's rule; a form is sent from `onPress`.)
 */
export function PressButton({ onPress, onPressStart, disabled, ref, children, ...rest }: PressButtonProps) {
  const gate = useContext(PressGateContext);
  const { pressProps, isPressed } = usePress({
    isDisabled: disabled ?? false,
    shouldCancelOnPointerExit: true,
    ...(onPressStart ? { onPressStart } : {}),
    onPress: (event) => {
      if (!gate.allows(event.target, isPointerPress(event))) return;
      onPress?.(event);
    },
  });
  return (
    // `data-press` marks the handlers below as usePress's own (the kiosk's gesture test allows them there only).
    <button
      {...rest}
      {...pressProps}
      ref={ref}
      type="button"
      disabled={disabled}
      data-press=""
      data-pressed={isPressed || undefined}
      onContextMenu={preventMenu}
    >
      {children}
    </button>
  );
}

/** A long touch opens no menu on the kiosk's buttons. */
function preventMenu(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/**
 * For a form's main button: sends its form the way the browser's submit would (its `onSubmit`
 * runs, so Enter in a field and the button share one path), from a press.
 */
export function submitForm(event: PressEvent): void {
  const form = event.target instanceof HTMLButtonElement ? event.target.form : event.target.closest('form');
  form?.requestSubmit();
}
