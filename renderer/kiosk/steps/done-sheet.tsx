/**
 * The end of a procedure: what happens next, and the large-print sheet to take home, with a QR
 * code of the procedure's official page when the script names one. The sheet carries only the
 * script's own words and addresses, never an answer: it leaves the building on paper.
 * "Imprimir" calls window.print(); in the kiosk shell Electron makes that print silently.
 */
import { spokenUi } from '../tactile/spoken-attributes.js';
import { Suspense, useMemo, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { qrPath, takeHomeAddress } from '../../../core/kiosk/take-home.js';
import type { Procedure, StepOf } from '../../../core/procedure/schema.js';
import { sentencesOf } from '../../../core/text/sentences.js';
import type { ProcedureLanguage } from './procedure-language.js';
import { PressButton } from '../../ui/press/press-button.js';
import { qrCodeLibrary } from '../later/qr-code-library.js';
import { useLaterPart } from '../later/load-later.js';

/** One piece of the take-home sheet: a block of the fit pager on screen, a paragraph on paper. */
export interface SheetBlock {
  key: string;
  node: ReactNode;
}

/**
 * The take-home sheet of a done step as blocks: "Qué hacer ahora" with its first sentence, then
 * each further sentence of it and of the sheet's text on its own, so at 64 px a long sheet goes
 * over parts between two sentences instead of running under the dock; on paper they print
 * whole, in order (its QR code is {@link TakeHomeQr}, its print button {@link PrintButton}).
 */
export function doneSheetBlocks(step: StepOf<'done'>, procedure: Procedure, words: ProcedureLanguage, t: TFunction): SheetBlock[] {
  // On paper the screen's heading is not printed: the sheet names the procedure and the outcome itself.
  const paperHeading = (
    <>
      <p className="print-sheet-title print-only" lang={words.lang}>
        {words.text(procedure.title)}
      </p>
      <p className="print-only" lang={words.lang}>
        <strong>{words.text(step.title)}.</strong> {words.text(step.text)}
      </p>
    </>
  );
  const whatNext = step.whatNext ? sentencesOf(words.text(step.whatNext)) : [];
  const takeHome = step.takeHome ? sentencesOf(words.text(step.takeHome)) : [];
  const sentence = (key: string, text: string, first: boolean): SheetBlock => ({
    key,
    node: (
      <section className="print-sheet take-home-sheet">
        {first ? paperHeading : null}
        {first && whatNext.length > 0 ? <h2>{t('step.whatNext')}</h2> : null}
        <p lang={words.lang}>{text}</p>
      </section>
    ),
  });
  const blocks = [
    ...whatNext.map((text, index) => sentence(`next-${index}`, text, index === 0)),
    ...takeHome.map((text, index) => sentence(`home-${index}`, text, whatNext.length === 0 && index === 0)),
  ];
  // A done step without either still prints its heading.
  return blocks.length > 0 ? blocks : [{ key: 'sheet', node: <section className="print-sheet take-home-sheet">{paperHeading}</section> }];
}

/**
 * The sheet's QR code of the official page, when the script names one: a block of its own on
 * screen (the tallest piece of the sheet, so at a large text size it takes the next part rather
 * than pushing the words out of sight), and the end of the sheet on paper.
 */
export function TakeHomeQr({ step, procedure }: { step: StepOf<'done'>; procedure: Procedure }) {
  const address = takeHomeAddress(procedure, step);
  return address ? (
    <section className="print-sheet take-home-sheet-qr">
      {/* The QR code's library is a later part, fetched long before a procedure's end. */}
      <Suspense fallback={null}>
        <QrCode address={address} />
      </Suspense>
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
      <PressButton className="kiosk-button" {...spokenUi('step.print')} onPress={() => window.print()}>
        {t('step.print')}
      </PressButton>
    </div>
  );
}

/** The address as a QR code, dark on light in every theme (scanners need it), and in words below. */
function QrCode({ address }: { address: string }) {
  const { t } = useTranslation();
  const { create } = useLaterPart(qrCodeLibrary);
  // Medium error correction survives a creased or slightly smudged printout.
  const path = useMemo(() => qrPath(create(address, { errorCorrectionLevel: 'M' }).modules), [address, create]);
  return (
    <figure className="take-home-qr">
      <svg
        className="take-home-qr-code"
        viewBox={`0 0 ${path.side} ${path.side}`}
        role="img"
        aria-label={t('step.qrLabel', { address })}
        shapeRendering="crispEdges"
      >
        <rect width={path.side} height={path.side} fill="#ffffff" />
        <path d={path.d} fill="#000000" />
      </svg>
      <figcaption>
        <span>{t('step.qrCaption')}</span>{' '}
        <span className="take-home-address" dir="ltr">
          {address}
        </span>
      </figcaption>
    </figure>
  );
}
