/**
 * The end of a procedure: what happens next, and the large-print sheet to take home, with a QR
 * code of the procedure's official page when the script names one. The sheet carries only the
 * script's own words and addresses, never an answer: it leaves the building on paper.
 * "Imprimir" calls window.print(); in the kiosk shell Electron makes that print silently.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'qrcode';
import { qrPath, takeHomeAddress } from '../../../core/kiosk/take-home.js';
import type { Procedure, StepOf } from '../../../core/procedure/schema.js';
import type { ProcedureLanguage } from './procedure-language.js';

/** Props of {@link DoneSheet}. */
export interface DoneSheetProps {
  step: StepOf<'done'>;
  procedure: Procedure;
  words: ProcedureLanguage;
}

/** The take-home sheet of a done step: its words (its QR code is {@link TakeHomeQr}, its print button {@link PrintButton}). */
export function DoneSheet({ step, procedure, words }: DoneSheetProps) {
  const { t } = useTranslation();
  return (
    <>
      <section className="print-sheet take-home-sheet">
        {/* On paper the screen's heading is not printed: the sheet names the procedure and the outcome itself. */}
        <p className="print-sheet-title print-only" lang={words.lang}>
          {words.text(procedure.title)}
        </p>
        <p className="print-only" lang={words.lang}>
          <strong>{words.text(step.title)}.</strong> {words.text(step.text)}
        </p>
        {step.whatNext ? (
          <>
            <h2>{t('step.whatNext')}</h2>
            <p lang={words.lang}>{words.text(step.whatNext)}</p>
          </>
        ) : null}
        {step.takeHome ? <p lang={words.lang}>{words.text(step.takeHome)}</p> : null}
      </section>
    </>
  );
}

/**
 * The sheet's QR code of the official page, when the script names one: a block of its own on
 * screen (the tallest piece of the sheet, so at a large text size it takes the next part rather
 * than pushing the words out of sight), and the end of the sheet on paper.
 */
export function TakeHomeQr({ step, procedure }: Omit<DoneSheetProps, 'words'>) {
  const address = takeHomeAddress(procedure, step);
  return address ? (
    <section className="print-sheet take-home-sheet-qr">
      <QrCode address={address} />
    </section>
  ) : null;
}

/**
 * "Imprimir la hoja para llevar": a block of its own, so on a small screen or at a large text
 * size it goes to the sheet's next part rather than below the step's area.
 */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <div className="button-column no-print">
      <button type="button" className="kiosk-button" onClick={() => window.print()}>
        {t('step.print')}
      </button>
    </div>
  );
}

/** The address as a QR code, dark on light in every theme (scanners need it), and in words below. */
function QrCode({ address }: { address: string }) {
  const { t } = useTranslation();
  // Medium error correction survives a creased or slightly smudged printout.
  const path = useMemo(() => qrPath(create(address, { errorCorrectionLevel: 'M' }).modules), [address]);
  return (
    <figure className="take-home-qr">
      <svg className="take-home-qr-code" viewBox={`0 0 ${path.side} ${path.side}`} role="img" aria-label={t('step.qrLabel', { address })} shapeRendering="crispEdges">
        <rect width={path.side} height={path.side} fill="#ffffff" />
        <path d={path.d} fill="#000000" />
      </svg>
      <figcaption>
        <span>{t('step.qrCaption')}</span> <span className="take-home-address" dir="ltr">{address}</span>
      </figcaption>
    </figure>
  );
}
