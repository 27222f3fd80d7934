import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import { procedureLanguage } from '../steps/procedure-language.js';

/** No more than this many tiles on one screen (issue 4). */
export const tilesPerPage = 6;

/** Props of {@link CatalogueScreen}. */
export interface CatalogueScreenProps {
  procedures: readonly Procedure[];
  language: string;
  page: number;
  onPage: (page: number) => void;
  onChoose: (procedure: Procedure) => void;
}

/** The procedures as large tiles, six at most per screen, with paging. */
export function CatalogueScreen({ procedures, language, page, onPage, onChoose }: CatalogueScreenProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(procedures.length / tilesPerPage));
  const shown = procedures.slice(page * tilesPerPage, (page + 1) * tilesPerPage);
  return (
    <main className="kiosk-screen">
      {/* Paging beside the heading: below the tiles it would sit under the help dock, out of sight. */}
      <div className="catalogue-head">
        <h1>{t('catalogue.heading')}</h1>
        {pages > 1 ? (
          <nav className="button-row catalogue-paging" aria-label={t('catalogue.page', { page: page + 1, pages })}>
            {page > 0 ? (
              <button type="button" className="kiosk-button" onClick={() => onPage(page - 1)}>
                {t('catalogue.previousPage')}
              </button>
            ) : null}
            <p>{t('catalogue.page', { page: page + 1, pages })}</p>
            {page < pages - 1 ? (
              <button type="button" className="kiosk-button" onClick={() => onPage(page + 1)}>
                {t('catalogue.more')}
              </button>
            ) : null}
          </nav>
        ) : null}
      </div>
      <ul className="catalogue-tiles">
        {shown.map((procedure) => {
          const { lang, text } = procedureLanguage(procedure, language);
          return (
            <li key={procedure.id}>
              <button type="button" className="catalogue-tile" lang={lang} onClick={() => onChoose(procedure)}>
                <span className="catalogue-tile-title">{text(procedure.title)}</span>
                <span className="catalogue-tile-summary">{text(procedure.summary)}</span>
                {procedure.practice === true ? (
                  <span className="catalogue-badge" lang={language}>
                    {t('catalogue.practice')}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
