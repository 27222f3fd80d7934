/**
 * The bar with a screen's "Atrás" / "Siguiente" (or "Volver a la parte N" / "Seguir leyendo"),
 * in the help dock's slot when there is one: there it is always in sight, either side of the
 * help button, whatever part of the screen is shown. Without a slot the bar stays in the page.
 */
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** Props of {@link DockNav}. */
export interface DockNavProps {
  /** The help dock's slot (kiosk-app.tsx), or nothing outside the kiosk's page. */
  slot: HTMLElement | null | undefined;
  children: ReactNode;
}

/** The navigation bar, in the dock's slot when there is one. */
export function DockNav({ slot, children }: DockNavProps) {
  const bar = <div className="step-nav no-print">{children}</div>;
  return slot ? createPortal(bar, slot) : bar;
}
