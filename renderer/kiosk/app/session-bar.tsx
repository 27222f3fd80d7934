/**
 * The bar at the top of every kiosk screen: the speech's controls and "Empezar de nuevo". It has
 * no way into volunteer mode: a senior took "Voluntario" for "Llamar a un voluntario"; the
 * volunteer who holds the call starts it from their phone (issue 13, volunteer/volunteer-mode.tsx).
 * Its text grows with the senior's text size (three quarters of it, 32 to
 * 48 px) and it stays one row at every size (issue 12): the controls that do not fit go, in the
 * bar's order, into a sheet that "Más opciones" opens (core/kiosk/bar-fit.ts says which).
 *
 * A hidden copy of every control on one row is measured, so the choice never depends on what is
 * on show (which would flicker between two answers).
 */
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { barControlsByPriority, fitBarControls, type BarControlId } from '../../../core/kiosk/bar-fit.js';
import { useDialogClose } from '../dialog/use-dialog-close.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenUi } from '../tactile/spoken-attributes.js';

/** One control of the bar. */
export interface BarControlSpec {
  id: BarControlId;
  label: string;
  /** The kiosk.json key of `label`, which names the control in the spoken mode (issue 17). */
  labelKey: string;
  onPress: () => void;
  /** It opens a dialog of its own. */
  opensDialog?: boolean;
  /** Heard at once (the voice's speed, the volume): pressed in the sheet, the sheet stays to show the change. */
  staysInSheet?: boolean;
}

export type { BarControlId };

/** Props of {@link SessionBar}. */
export interface SessionBarProps {
  /** Its element, for the app to measure the bar's height. */
  barRef?: RefObject<HTMLElement | null>;
  /** The "DEMO" label, on a demonstration kiosk. */
  demo: boolean;
  /** The PRÁCTICA banner (issue 18), at the bar's start beside "DEMO": it stays whatever the bar's width. */
  banner?: ReactNode;
  /** In the bar's order, from its start. */
  controls: readonly BarControlSpec[];
  /** The signs that stay in the bar whatever its width ("Sin sonido"). */
  signs?: ReactNode;
  /** Told as "Más opciones" opens, with what it holds: the kiosk says it. */
  onMoreOpened?: (holds: readonly BarControlId[]) => void;
}

/** The bar, one row at every screen and text size. */
export function SessionBar({ barRef, demo, banner, controls, signs, onMoreOpened }: SessionBarProps) {
  const { t } = useTranslation();
  const ownRef = useRef<HTMLElement>(null);
  const bar = barRef ?? ownRef;
  const measureRow = useRef<HTMLDivElement>(null);
  const { kept, compact } = useKeptControls(bar, measureRow);
  const [sheetOpen, setSheetOpen] = useState(false);
  const inBar = (control: BarControlSpec): boolean => kept === undefined || kept.has(control.id);
  const inSheet = controls.filter((control) => !inBar(control));
  // A wider screen (or a smaller text) may bring every control back: nothing is left to show.
  if (sheetOpen && inSheet.length === 0) setSheetOpen(false);
  const button = (control: BarControlSpec, where: 'bar' | 'sheet' | 'measure') => (
    <PressButton
      key={control.id}
      className="kiosk-button"
      data-bar-control={where === 'measure' ? undefined : control.id}
      data-bar-measure={where === 'measure' ? control.id : undefined}
      tabIndex={where === 'measure' ? -1 : undefined}
      aria-haspopup={control.opensDialog ? 'dialog' : undefined}
      {...spokenUi(control.labelKey)}
      onPress={
        where === 'measure'
          ? undefined
          : () => {
              if (where === 'sheet' && !control.staysInSheet) setSheetOpen(false);
              control.onPress();
            }
      }
    >
      {control.label}
    </PressButton>
  );
  const speech = controls.filter((control) => control.id === 'repeat' || control.id === 'speed' || control.id === 'volume');
  const end = controls.filter((control) => control.id === 'restart');
  return (
    <header className="session-bar no-print" ref={bar} data-bar-full={inSheet.length === 0 || undefined} data-bar-compact={compact || undefined}>
      <div className="session-bar-start">
        {demo ? (
          <p className="demo-label" data-bar-fixed>
            {t('app.demo')}
          </p>
        ) : null}
        {banner}
      </div>
      <div className="speech-controls" role="group" aria-label={t('speech.controls')}>
        {signs}
        {speech.filter(inBar).map((control) => button(control, 'bar'))}
      </div>
      <div className="session-bar-end">
        {end.filter(inBar).map((control) => button(control, 'bar'))}
        {inSheet.length > 0 ? (
          <PressButton
            className="kiosk-button"
            aria-haspopup="dialog"
            aria-expanded={sheetOpen}
            {...spokenUi('bar.more')}
            onPress={() => {
              setSheetOpen(true);
              onMoreOpened?.(inSheet.map((control) => control.id));
            }}
          >
            {t('bar.more')}
          </PressButton>
        ) : null}
      </div>
      {/* Every control on one row, out of sight, for measuring: see the file's comment. */}
      <div className="session-bar-measure" ref={measureRow} aria-hidden="true" inert>
        {controls.map((control) => button(control, 'measure'))}
        <PressButton className="kiosk-button" data-bar-measure-more tabIndex={-1}>
          {t('bar.more')}
        </PressButton>
      </div>
      {sheetOpen && inSheet.length > 0 ? (
        <MoreSheet controls={inSheet} button={(control) => button(control, 'sheet')} onClose={() => setSheetOpen(false)} />
      ) : null}
    </header>
  );
}

/**
 * The controls the bar keeps, measured (undefined before the first measure: all of them), and
 * whether its signs are compact: where "Repetir" would not stay beside the PRÁCTICA banner and
 * the silence sign at their full width (1,366 px at 64 px), the banner keeps only "PRÁCTICA" and
 * the sign takes two lines (`data-bar-compact`, kiosk.css), so the most wanted control stays.
 */
function useKeptControls(
  bar: RefObject<HTMLElement | null>,
  measureRow: RefObject<HTMLDivElement | null>,
): { kept: ReadonlySet<BarControlId> | undefined; compact: boolean } {
  const [kept, setKept] = useState<ReadonlySet<BarControlId> | undefined>(undefined);
  const [compact, setCompact] = useState(false);
  const latestMeasure = useRef<() => void>(() => undefined);
  const measuredFor = useRef('');
  // After a render that changed what the widths depend on: a label, the controls, the DEMO label,
  // the language, the text size or the theme. Not after every render: the app renders the bar
  // with every step, and measuring forces a layout of the whole page before the new step is
  // painted (about 44 ms of each tap at 4× CPU, issue 13's bench). Reading the markup and a few
  // attributes forces nothing.
  useLayoutEffect(() => {
    const measure = (): void => {
      const barElement = bar.current;
      const row = measureRow.current;
      if (!barElement || !row) return;
      const widthOf = (element: Element): number => element.getBoundingClientRect().width;
      const style = getComputedStyle(barElement);
      const gap = parseFloat(style.columnGap) || 0;
      const inner = barElement.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
      // In portrait the DEMO label leaves the bar for the dock's corner (position: fixed); on a
      // compact practice bar it is not shown (speech.css).
      const fixedNow = (): HTMLElement[] =>
        Array.from(barElement.querySelectorAll<HTMLElement>(':scope > div > [data-bar-fixed]')).filter((element) => {
          const style = getComputedStyle(element);
          return style.position !== 'fixed' && style.display !== 'none';
        });
      const measured = new Map(
        Array.from(row.querySelectorAll<HTMLElement>('[data-bar-measure]'), (element) => [
          element.dataset['barMeasure'] as BarControlId,
          Math.ceil(widthOf(element)),
        ]),
      );
      const more = row.querySelector('[data-bar-measure-more]');
      const byPriority = barControlsByPriority.flatMap((id) => (measured.has(id) ? [{ id, width: measured.get(id) ?? 0 }] : []));
      const fitWith = (fixed: readonly HTMLElement[], signWidth: (element: HTMLElement) => number): Set<BarControlId> =>
        fitBarControls(byPriority, {
          width: inner - fixed.reduce((sum, element) => sum + signWidth(element) + gap, 0),
          gap,
          moreWidth: more ? Math.ceil(widthOf(more)) : 0,
        });
      // A sign ("no se lee en voz alta") counts at its one-line width, not at the width it was
      // squeezed to beside the controls of the last measure: squeezed, its words broke over lines
      // down to its longest word, and the controls kept for that width overflowed the bar by a few
      // px (1080×1920 at 32 px, Arabic). Only when not even "Repetir" would stay beside the whole
      // sign does it count at its narrowest, and wrap.
      const fitSigns = (narrowestToo: boolean): Set<BarControlId> => {
        const fixed = fixedNow();
        const oneLine = fitWith(fixed, (element) => widthAs(element, 'max-content'));
        return oneLine.size > 0 || fixed.length === 0 || !narrowestToo ? oneLine : fitWith(fixed, (element) => widthAs(element, 'min-content'));
      };
      // The signs at full width first; compact only where that loses "Repetir" and compact keeps it.
      const wasCompact = barElement.hasAttribute('data-bar-compact');
      barElement.removeAttribute('data-bar-compact');
      let chosen = fitSigns(true);
      let compactNow = false;
      if (!chosen.has('repeat') && measured.has('repeat')) {
        barElement.setAttribute('data-bar-compact', '');
        // At the compact signs' own widths only: the compact sign never wraps past its two lines.
        const compactChosen = fitSigns(false);
        if (compactChosen.has('repeat')) {
          chosen = compactChosen;
          compactNow = true;
        }
      }
      // Left as it was until React renders the answer: React owns the attribute.
      if (wasCompact) barElement.setAttribute('data-bar-compact', '');
      else barElement.removeAttribute('data-bar-compact');
      setCompact(compactNow);
      setKept((current) => (current !== undefined && current.size === chosen.size && [...chosen].every((id) => current.has(id)) ? current : chosen));
    };
    latestMeasure.current = measure;
    const kiosk = bar.current?.closest('.kiosk');
    const inputs = [bar.current?.innerHTML, kiosk?.getAttribute('data-text-size'), kiosk?.className, document.documentElement.lang].join('|');
    if (inputs === measuredFor.current) return;
    measuredFor.current = inputs;
    measure();
  });
  // And whenever the bar or the measured row changes size (the window, a font loading): one
  // observer for the bar's life, not one a render.
  useLayoutEffect(() => {
    if (!bar.current || !measureRow.current || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => latestMeasure.current());
    observer.observe(bar.current);
    observer.observe(measureRow.current);
    return () => observer.disconnect();
  }, [bar, measureRow]);
  return { kept, compact };
}

/**
 * An element's width at a CSS width keyword, read by setting it for the reading only: a forced
 * layout, done only when the bar measures (its inputs changed or it was resized).
 */
function widthAs(element: HTMLElement, keyword: 'max-content' | 'min-content'): number {
  const { flex, width } = element.style;
  element.style.flex = 'none';
  element.style.width = keyword;
  const measured = Math.ceil(element.getBoundingClientRect().width);
  element.style.flex = flex;
  element.style.width = width;
  return measured;
}

/** "Más opciones": the controls the bar had no room for, at the bar's size, and "Cerrar". */
function MoreSheet({
  controls,
  button,
  onClose,
}: {
  controls: readonly BarControlSpec[];
  button: (control: BarControlSpec) => ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = useDialogClose(onClose);
  return (
    <div className="kiosk-dialog bar-more-sheet" role="dialog" aria-modal="false" aria-labelledby="bar-more-heading">
      <div className="kiosk-dialog-box">
        <h2 id="bar-more-heading">{t('bar.more')}</h2>
        <div className="bar-more-controls">{controls.map(button)}</div>
        <div className="button-row">
          <PressButton ref={close} className="kiosk-button kiosk-button-primary" {...spokenUi('glossary.close')} onPress={onClose}>
            {t('glossary.close')}
          </PressButton>
        </div>
      </div>
    </div>
  );
}
