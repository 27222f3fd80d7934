import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import { PartNav } from '../fit/part-nav.js';
import { useFitParts } from '../fit/use-fit-parts.js';
import { procedurePromptId } from '../../../core/audio/prompt-names.js';
import { ui } from '../../../core/audio/screen-speech.js';
import { procedureLanguage } from '../steps/procedure-language.js';
import { spokenAs } from '../tactile/spoken-attributes.js';
import { PressButton } from '../../ui/press/press-button.js';

/** Props of {@link CatalogueScreen}. */
export interface CatalogueScreenProps {
  procedures: readonly Procedure[];
  language: string;
  onChoose: (procedure: Procedure) => void;
  /** Where the paging buttons go: the help dock's slot, always in sight (see DockNav). */
  navSlot?: HTMLElement | null;
  /**
   * Told which procedures' tiles are on screen once they are packed, and `undefined` while they
   * are measured or when the screen goes: the kiosk says those tiles, and only those.
   */
  onShown?: (procedureIds: readonly string[] | undefined) => void;
  /** The heading's kiosk.json key: a workshop's lessons list says so (issue 18). */
  headingKey?: string;
  /** Procedures already done (a workshop's finished lessons): their tiles say ✔. */
  finished?: readonly string[];
}

/**
 * The procedures as large tiles, as many on a page as the screen holds whole (issue 12): each
 * tile is a block of the fit pager in a grid, packed by whole rows, so at a large text size on a
 * small screen there are fewer tiles per page and more pages, and no tile is ever cut off by the
 * dock. "Ver más trámites" / "Ver los anteriores" are in the dock.
 */
export function CatalogueScreen({ procedures, language, onChoose, navSlot, onShown, headingKey = 'catalogue.heading', finished = [] }: CatalogueScreenProps) {
  const { t } = useTranslation();
  // Another language or another published set: measured again from the first page.
  const { parts, part, compact, shows, settled, attachArea, next, previous } = useFitParts(
    procedures.length,
    `catalogue:${language}:${procedures.map((procedure) => procedure.id).join(',')}`,
  );
  const shownIds = settled
    ? procedures
        .filter((_, index) => shows(index))
        .map((procedure) => procedure.id)
        .join(' ')
    : undefined;
  useLayoutEffect(() => {
    onShown?.(shownIds === undefined ? undefined : shownIds.split(' ').filter((id) => id !== ''));
    return () => onShown?.(undefined);
  }, [onShown, shownIds]);
  return (
    <main className="kiosk-screen fit-area catalogue" data-part={part + 1} data-parts={parts} ref={attachArea}>
      <div className="fit-header" data-fit-header data-compact={compact || undefined}>
        <h1>{t(headingKey)}</h1>
        {/* Measured with its line while packing, so the page label never pushes a tile out of sight. */}
        {parts > 1 || !settled ? <p className="step-progress fit-part-label">{t('catalogue.page', { page: part + 1, pages: parts })}</p> : null}
      </div>
      {procedures.map((procedure, index) => {
        const { lang, text } = procedureLanguage(procedure, language);
        return (
          <div key={procedure.id} className="fit-block" data-fit-block hidden={!shows(index)}>
            <PressButton
              className="catalogue-tile"
              lang={lang}
              // Named by all it shows: the title, the summary and, on a practice procedure, that nothing is sent.
              {...spokenAs([
                { id: procedurePromptId(procedure.id, ['title']), language: lang },
                { id: procedurePromptId(procedure.id, ['summary']), language: lang },
                ...(procedure.practice === true ? [ui('catalogue.practice')] : []),
              ])}
              onPress={() => onChoose(procedure)}
            >
              <span className="catalogue-tile-title">
                {finished.includes(procedure.id) ? <span aria-hidden="true">✔ </span> : null}
                {text(procedure.title)}
              </span>
              <span className="catalogue-tile-summary">{text(procedure.summary)}</span>
              {procedure.practice === true ? (
                <span className="catalogue-badge" lang={language}>
                  {t('catalogue.practice')}
                </span>
              ) : null}
            </PressButton>
          </div>
        );
      })}
      <PartNav slot={navSlot} part={part} parts={parts} onPrevious={previous} onNext={next} previousKey="catalogue.previousPage" nextKey="catalogue.more" />
    </main>
  );
}
