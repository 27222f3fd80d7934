/**
 * The part buttons of a screen the fit pager splits: "Volver a la parte N" on every part but the
 * first and "Seguir leyendo" on every part but the last, in the help dock (see DockNav). A screen
 * may put its own button where a part button is missing: "Atrás" on the first part, "Siguiente"
 * or "Seguir" on the last. One component for the step, comfort, catalogue and "vuelva con…"
 * screens, so the buttons look, read and are keyed alike everywhere.
 *
 * Each label is given as its `kiosk.json` key, so the spoken mode (issue 17) names the button by
 * the prompt of the very words it shows. "Volver a la parte N" has no prompt (spoken-ui-keys.ts:
 * it leads back to a part already heard), so that default goes unnamed.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DockNav } from './dock-nav.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenAs, spokenUi } from '../tactile/spoken-attributes.js';
import { previousPartPromptId } from '../../../core/tactile/describe.js';
import { useSettle } from '../press/use-kiosk-press-gate.js';

/** Props of {@link PartNav}. */
export interface PartNavProps {
  /** The help dock's slot (kiosk-app.tsx), or nothing outside the kiosk's page. */
  slot: HTMLElement | null | undefined;
  /** The part shown, from 0. */
  part: number;
  /** How many parts the screen is split into (1 when it fits whole). */
  parts: number;
  onPrevious: () => void;
  onNext: () => void;
  /** The backward label's `kiosk.json` key, shown and spoken; by default "Volver a la parte N" (shown only). */
  previousKey?: string;
  /** The forward label's `kiosk.json` key, shown and spoken; by default "Seguir leyendo". */
  nextKey?: string;
  /** What the first part shows in place of the backward button (e.g. "Atrás"), if anything. */
  first?: ReactNode;
  /** What the last part shows in place of the forward button (e.g. "Siguiente"), if anything. */
  last?: ReactNode;
}

/** The dock's backward and forward buttons of a paged screen; nothing when it has none to show. */
export function PartNav({ slot, part, parts, onPrevious, onNext, previousKey, nextKey = 'fit.nextPart', first, last }: PartNavProps) {
  const { t } = useTranslation();
  // Another part takes this one's place under the finger (the last part's "Siguiente" where
  // "Seguir leyendo" was): the settle time starts again.
  const settle = useSettle();
  const backward =
    part > 0 ? (
      // Keys: React must not turn "Seguir leyendo" into the submit button during its own click.
      <PressButton
        key="previous-part"
        className="kiosk-button nav-back"
        data-part-nav="previous"
        {...(previousKey === undefined ? spokenAs([{ id: previousPartPromptId(part) }]) : spokenUi(previousKey))}
        onPress={() => {
          settle();
          onPrevious();
        }}
      >
        {previousKey === undefined ? t('fit.previousPart', { part }) : t(previousKey)}
      </PressButton>
    ) : (
      (first ?? null)
    );
  const forward =
    part < parts - 1 ? (
      <PressButton
        key="next-part"
        className="kiosk-button kiosk-button-primary nav-forward"
        data-part-nav="next"
        {...spokenUi(nextKey)}
        onPress={() => {
          settle();
          onNext();
        }}
      >
        {t(nextKey)}
      </PressButton>
    ) : (
      (last ?? null)
    );
  if (!backward && !forward) return null;
  return (
    <DockNav slot={slot}>
      {backward}
      {forward}
    </DockNav>
  );
}
