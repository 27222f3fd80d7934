import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import { PartNav } from '../fit/part-nav.js';
import { useFitParts } from '../fit/use-fit-parts.js';
import { procedureLanguage } from '../steps/procedure-language.js';
import { spokenUi } from '../tactile/spoken-attributes.js';
import { PressButton } from '../../ui/press/press-button.js';

/** Props of {@link RequirementsScreen}. */
export interface RequirementsScreenProps {
  procedure: Procedure;
  language: string;
  index: number;
  onAnswer: (has: boolean) => void;
}

/** "Tenga a mano…": the script's requirements, one yes/no question per screen. */
export function RequirementsScreen({ procedure, language, index, onAnswer }: RequirementsScreenProps) {
  const { t } = useTranslation();
  const { lang, text } = procedureLanguage(procedure, language);
  const requirement = procedure.requirements[index];
  if (!requirement) return null;
  return (
    <main className="kiosk-screen">
      <h1>{t('requirements.heading')}</h1>
      <p className="step-progress">{t('requirements.question', { number: index + 1, total: procedure.requirements.length })}</p>
      <p className="step-text" lang={lang}>
        {text(requirement.question)}
      </p>
      <div className="button-row">
        <PressButton
          className="kiosk-button kiosk-button-primary"
          {...spokenUi('requirements.yes', { role: 'choice', position: { index: 1, count: 2 } })}
          onPress={() => onAnswer(true)}
        >
          {t('requirements.yes')}
        </PressButton>
        <PressButton
          className="kiosk-button"
          {...spokenUi('requirements.no', { role: 'choice', position: { index: 2, count: 2 } })}
          onPress={() => onAnswer(false)}
        >
          {t('requirements.no')}
        </PressButton>
      </div>
    </main>
  );
}

/** Props of {@link MissingSheet}. */
export interface MissingSheetProps {
  procedure: Procedure;
  language: string;
  missing: readonly string[];
  onGoOn: () => void;
  onStop: () => void;
  /** Where "Seguir leyendo" / "Volver a la parte N" go: the help dock's slot (see DockNav). */
  navSlot?: HTMLElement | null;
}

/**
 * The large-print "vuelva con…" sheet: what is missing, to print, and the choice to stop or go
 * on. Its pieces are blocks of the fit pager (issue 12): at 48 and 64 px the sheet and its three
 * buttons come in parts rather than run under the dock. On paper the sheet is whole, with its
 * heading, and without the buttons.
 */
export function MissingSheet({ procedure, language, missing, onGoOn, onStop, navSlot }: MissingSheetProps) {
  const { t } = useTranslation();
  const { lang, text } = procedureLanguage(procedure, language);
  const items = procedure.requirements.filter((requirement) => missing.includes(requirement.id));
  const blocks: { key: string; print: boolean; node: ReactNode }[] = [
    {
      key: 'title',
      print: true,
      node: (
        <>
          <p className="print-sheet-title print-only">{t('requirements.missingHeading')}</p>
          <p className="print-sheet-title" lang={lang}>
            {text(procedure.title)}
          </p>
          <p>{t('requirements.missingIntro')}</p>
        </>
      ),
    },
    {
      key: 'list',
      print: true,
      node: (
        <ul className="print-sheet-list" lang={lang}>
          {items.map((requirement) => (
            <li key={requirement.id}>{requirement.ifMissing ? text(requirement.ifMissing) : text(requirement.label)}</li>
          ))}
        </ul>
      ),
    },
    {
      key: 'print',
      print: false,
      node: (
        <PressButton className="kiosk-button" {...spokenUi('requirements.print')} onPress={() => window.print()}>
          {t('requirements.print')}
        </PressButton>
      ),
    },
    {
      key: 'go-on',
      print: false,
      node: (
        <PressButton className="kiosk-button" {...spokenUi('requirements.goOn')} onPress={onGoOn}>
          {t('requirements.goOn')}
        </PressButton>
      ),
    },
    {
      key: 'stop',
      print: false,
      node: (
        <PressButton className="kiosk-button" {...spokenUi('requirements.stop')} onPress={onStop}>
          {t('requirements.stop')}
        </PressButton>
      ),
    },
  ];
  const { parts, part, compact, shows, settled, attachArea, next, previous } = useFitParts(
    blocks.length,
    `missing:${procedure.id}:${missing.join(',')}:${language}`,
  );
  return (
    <main className="kiosk-screen fit-area missing-sheet" data-part={part + 1} data-parts={parts} ref={attachArea}>
      <div className="fit-header" data-fit-header data-compact={compact || undefined}>
        <h1>{t('requirements.missingHeading')}</h1>
        {parts > 1 || !settled ? <p className="step-progress fit-part-label">{t('fit.part', { part: part + 1, parts })}</p> : null}
      </div>
      {blocks.map((block, index) => (
        // The sheet's blocks are what goes on paper (kiosk.css: a screen with a print-sheet prints only those).
        <div key={block.key} className={block.print ? 'fit-block print-sheet' : 'fit-block no-print'} data-fit-block hidden={!shows(index)}>
          {block.node}
        </div>
      ))}
      <PartNav slot={navSlot} part={part} parts={parts} onPrevious={previous} onNext={next} />
    </main>
  );
}
