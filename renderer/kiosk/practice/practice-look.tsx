/**
 * The PRÁCTICA look's pieces (issue 18): the constant banner in the top bar, the offer of a
 * step's made-up value (a button "Use este DNI de práctica: 12345678Z" that types it), the fake code
 * shown where a real one would arrive, and the stand-in for an official link ("Así se vería en
 * la web real"), which opens nothing. Whether the look is on is core/kiosk/practice.ts's
 * decision; the kiosk passes it down through {@link PracticeLookProvider}.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import type { PracticeOffer } from '../../../core/kiosk/practice.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenAs } from '../tactile/spoken-attributes.js';
import { ui } from '../../../core/audio/screen-speech.js';
import './practice.css';

const PracticeLookContext = createContext(false);

/** Puts the screens below in the PRÁCTICA look (a workshop, or a practice procedure on screen). */
export function PracticeLookProvider({ on, children }: { on: boolean; children: ReactNode }) {
  return <PracticeLookContext.Provider value={on}>{children}</PracticeLookContext.Provider>;
}

/**
 * Whether a screen of `procedure` is in the PRÁCTICA look: the kiosk says so, or the procedure
 * itself is a practice one (the staff preview has no kiosk around it and still shows the look).
 */
export function usePracticeLook(procedure?: Procedure): boolean {
  return useContext(PracticeLookContext) || procedure?.practice === true;
}

/**
 * "PRÁCTICA · No se envía nada de verdad", in the top bar's start on every screen of the look:
 * two short lines in the bar's one row, so it takes no height from the step (the fit matrix).
 */
export function PracticeBanner() {
  const { t } = useTranslation();
  return (
    <p className="practice-banner" role="note" data-bar-fixed data-practice-banner>
      <strong className="practice-banner-title">{t('practice.banner')}</strong>
      <span className="practice-banner-note">{t('practice.bannerNote')}</span>
    </p>
  );
}

/**
 * An input's offer: one button that says the made-up value ("Use este DNI de práctica:
 * 12345678Z") and types it into the field when tapped. One row at the bar's text size, so on a
 * 768 px screen at 64 px the field, the offer and the keys still fit one part.
 */
export function PracticeFill({ offer, onFill }: { offer: Extract<PracticeOffer, { kind: 'fill' }>; onFill: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <PressButton className="kiosk-button practice-fill" data-practice-offer {...spokenAs([ui('practice.offerSpoken')])} onPress={() => onFill(offer.value)}>
      {t(offer.wordsKey, { value: '' })}
      <span className="practice-value" dir="ltr">
        {offer.value}
      </span>
    </PressButton>
  );
}

/** A step's fake code, shown as the message a senior would have received. */
export function PracticeCode({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <p className="practice-code" data-practice-code>
      {t('practice.fakeCode', { value: '' })}
      <span className="practice-value" dir="ltr">
        {value}
      </span>
    </p>
  );
}

/**
 * Where a real procedure gives an official link (the take-home sheet's QR code of the online
 * channel): a drawn stand-in and "Así se vería en la web real". Nothing to scan, nothing opens.
 */
export function PracticeWebLink() {
  const { t } = useTranslation();
  return (
    <figure className="practice-web-link" data-practice-web-link>
      <div className="practice-web-link-frame" aria-hidden="true">
        <span>www</span>
      </div>
      <figcaption>
        <strong>{t('practice.webLink')}</strong> <span>{t('practice.webLinkNote')}</span>
      </figcaption>
    </figure>
  );
}
