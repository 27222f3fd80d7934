import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../../../core/protocol/staff-console.js';
import type { PageProps } from '../app/page-props.js';
import { routeHash } from '../app/routes.js';
import { fetchProcedures } from '../hub-api/staff-api.js';
import { pickText } from '../../../core/text/pick-text.js';
import { formatDay } from '../shared/format.js';
import { LoadState } from '../shared/load-state.js';
import { useHubData } from '../shared/use-hub-data.js';
import { NewProcedure } from './new-procedure.js';

/**
 * Every procedure with its status, owner and last verification. The hub sends the stale ones
 * (not checked against the official page for too long) first, oldest first; they are marked in
 * words and with a border, never by colour alone. "New procedure" starts a draft from here.
 */
export function ProceduresScreen({ session, onSessionEnded }: PageProps) {
  const { t, i18n } = useTranslation();
  const [state, reload] = useHubData(() => fetchProcedures(session.token), onSessionEnded);
  return (
    <main id="main" tabIndex={-1} className="staff-main">
      <h1>{t('procedures.heading')}</h1>
      <NewProcedure token={session.token} staffName={session.name} onSessionEnded={onSessionEnded} />
      <LoadState state={state} onRetry={reload} />
      {state.kind === 'loaded' ? (
        <>
          <p>{t('procedures.intro', { count: state.value.staleAfterDays })}</p>
          {state.value.procedures.length === 0 ? (
            <p>{t('procedures.none')}</p>
          ) : (
            <table className="data-table procedures-table">
              <thead>
                <tr>
                  <th scope="col">{t('procedures.title')}</th>
                  <th scope="col">{t('procedures.status')}</th>
                  <th scope="col">{t('procedures.owner')}</th>
                  <th scope="col">{t('procedures.lastVerified')}</th>
                  <th scope="col">{t('procedures.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {state.value.procedures.map((procedure) => (
                  <ProcedureRow key={procedure.id} procedure={procedure} language={i18n.language} staleDays={state.value.staleAfterDays} />
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </main>
  );
}

function ProcedureRow({ procedure, language, staleDays }: { procedure: ProcedureSummary; language: string; staleDays: number }) {
  const { t } = useTranslation();
  const title = pickText(procedure.title, language);
  const status =
    procedure.status === 'draft'
      ? t('procedures.draft')
      : procedure.status === 'changed'
        ? t('procedures.draftOf', { version: procedure.publishedVersion ?? 0 })
        : t('procedures.published', { version: procedure.publishedVersion ?? 0 });
  return (
    <tr className={procedure.stale ? 'stale' : undefined} data-procedure={procedure.id}>
      <th scope="row">
        <span lang={title.lang}>{title.text || procedure.id}</span>
        <span className="muted"> ({procedure.id})</span>
      </th>
      <td>
        <span className={`status status-${procedure.status}`}>{status}</span>
      </td>
      <td>{procedure.owner?.name ?? '—'}</td>
      <td>
        {procedure.lastVerified ? formatDay(procedure.lastVerified, language) : '—'}
        {procedure.stale ? (
          <span className="stale-flag">
            <span aria-hidden="true">⚠ </span>
            {t('procedures.old', { count: staleDays })}
          </span>
        ) : null}
      </td>
      <td>
        <a
          className="button button-secondary"
          href={routeHash({ page: 'editor', procedureId: procedure.id })}
          aria-label={t('procedures.openNamed', { title: title.text || procedure.id })}
        >
          {t('procedures.open')}
        </a>
      </td>
    </tr>
  );
}
