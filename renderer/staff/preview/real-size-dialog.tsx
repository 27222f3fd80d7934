/**
 * The kiosk screen at its real size, 1:1: every kiosk pixel is a pixel of the console's screen,
 * so staff see the text as large as a senior will (the fitted preview shrinks it to about half).
 * A modal dialog over the whole window; what does not fit scrolls inside it. Escape or "Close"
 * closes it, and the opener gets the focus back (KioskPreview).
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link RealSizeDialog}. */
export interface RealSizeDialogProps {
  /** The dialog's name, with the screen's size. */
  title: string;
  /** Called once the dialog has closed (Escape, "Close"). */
  onClose: () => void;
  /** The kiosk frame, unscaled. */
  children: ReactNode;
}

/** A full-window dialog holding the kiosk frame at 1:1. */
export function RealSizeDialog({ title, onClose, children }: RealSizeDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    // Modal: the page behind is inert and Escape closes it, both the browser's own behaviour.
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="real-size" aria-labelledby="real-size-heading" onClose={onClose}>
      <div className="real-size-bar">
        <div>
          <h2 id="real-size-heading">{title}</h2>
          <p className="hint">{t('preview.realSizeHint')}</p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => dialog.current?.close()}>
          {t('preview.close')}
        </button>
      </div>
      {/* Scrolls when the kiosk screen is larger than the window: a Tab stop, so the arrow keys scroll it (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard to be scrolled */}
      <div className="real-size-stage" role="region" aria-labelledby="real-size-heading" tabIndex={0}>
        {children}
      </div>
    </dialog>
  );
}
