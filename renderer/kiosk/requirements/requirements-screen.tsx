import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import { procedureLanguage } from '../steps/procedure-language.js';

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
        <button type="button" className="kiosk-button kiosk-button-primary" onClick={() => onAnswer(true)}>
          {t('requirements.yes')}
        </button>
        <button type="button" className="kiosk-button" onClick={() => onAnswer(false)}>
          {t('requirements.no')}
        </button>
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
}

/** The large-print "vuelva con…" sheet: what is missing, to print, and the choice to stop or go on. */
export function MissingSheet({ procedure, language, missing, onGoOn, onStop }: MissingSheetProps) {
  const { t } = useTranslation();
  const { lang, text } = procedureLanguage(procedure, language);
  const items = procedure.requirements.filter((requirement) => missing.includes(requirement.id));
  return (
    <main className="kiosk-screen">
      <div className="print-sheet">
        <h1>{t('requirements.missingHeading')}</h1>
        <p className="print-sheet-title" lang={lang}>
          {text(procedure.title)}
        </p>
        <p>{t('requirements.missingIntro')}</p>
        <ul className="print-sheet-list" lang={lang}>
          {items.map((requirement) => (
            <li key={requirement.id}>{requirement.ifMissing ? text(requirement.ifMissing) : text(requirement.label)}</li>
          ))}
        </ul>
      </div>
      <div className="button-column no-print">
        <button type="button" className="kiosk-button" onClick={() => window.print()}>
          {t('requirements.print')}
        </button>
        <button type="button" className="kiosk-button" onClick={onGoOn}>
          {t('requirements.goOn')}
        </button>
        <button type="button" className="kiosk-button" onClick={onStop}>
          {t('requirements.stop')}
        </button>
      </div>
    </main>
  );
}
