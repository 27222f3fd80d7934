/**
 * The audit trail: who changed what and when, newest first, a page at a time ("Older entries"
 * asks the hub for the page before the last entry shown), and a filter by kind of record. The
 * actions and their one-line summaries are shown in the console's language; an entry written
 * before summaries had codes keeps the hub's English sentence, marked as English for screen readers.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditTargetKinds, type AuditEntry, type AuditTargetKind } from '../../../core/protocol/staff-console.js';
import type { PageProps } from '../app/page-props.js';
import { failureText } from '../hub-api/failure-text.js';
import { fetchAudit } from '../hub-api/staff-api.js';
import { formatMoment } from '../shared/format.js';
import { pickText } from '../../../core/text/pick-text.js';
import { LoadState } from '../shared/load-state.js';
import { useHubData } from '../shared/use-hub-data.js';
import { auditActionKeys, auditKindKeys, auditSummaryText } from './audit-words.js';

/** The Audit trail page. */
export function AuditScreen({ session, onSessionEnded }: PageProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AuditTargetKind | undefined>();
  return (
    <main id="main" tabIndex={-1} className="staff-main">
      <h1>{t('audit.heading')}</h1>
      <p>{t('audit.intro')}</p>
      <div className="field field-inline audit-filter">
        <label htmlFor="audit-kind">{t('audit.filter')}</label>
        <select id="audit-kind" value={kind ?? ''} onChange={(event) => setKind(auditTargetKinds.find((known) => known === event.target.value))}>
          <option value="">{t('audit.allKinds')}</option>
          {auditTargetKinds.map((known) => (
            <option key={known} value={known}>
              {t(auditKindKeys[known])}
            </option>
          ))}
        </select>
      </div>
      {/* A new filter is a new list: keyed, it starts again from the newest entries. */}
      <AuditList key={kind ?? 'all'} session={session} onSessionEnded={onSessionEnded} kind={kind} />
    </main>
  );
}

function AuditList({ session, onSessionEnded, kind }: PageProps & { kind: AuditTargetKind | undefined }) {
  const { t } = useTranslation();
  const [state, reload] = useHubData(() => fetchAudit(session.token, { targetKind: kind }), onSessionEnded);
  const [older, setOlder] = useState<{ entries: AuditEntry[]; nextBefore: number | undefined } | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | undefined>();
  // Set when the last page arrives: the line that says so takes the focus as it appears.
  const focusEnd = useRef(false);

  if (state.kind !== 'loaded') return <LoadState state={state} onRetry={reload} />;
  const entries = [...state.value.entries, ...(older?.entries ?? [])];
  const nextBefore = older ? older.nextBefore : state.value.nextBefore;

  const loadOlder = async (before: number): Promise<void> => {
    setLoadingMore(true);
    setMoreError(undefined);
    const page = await fetchAudit(session.token, { before, targetKind: kind });
    setLoadingMore(false);
    if (!page.ok) {
      const text = failureText(page.failure, t);
      if (text.sessionEnded) return onSessionEnded(text.message);
      return setMoreError(text.message);
    }
    setOlder((current) => ({ entries: [...(current?.entries ?? []), ...page.value.entries], nextBefore: page.value.nextBefore }));
    // The button goes away on the last page; the focus then lands on the line that says so
    // (from its ref as React puts it on the page: a frame timed from here could come first).
    if (page.value.nextBefore === undefined) focusEnd.current = true;
  };

  if (entries.length === 0) return <p>{t('audit.none')}</p>;
  return (
    <>
      <table className="data-table audit-table">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.what')}</th>
            <th scope="col">{t('audit.target')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} />
          ))}
        </tbody>
      </table>
      <p role="status" className="muted">
        {t('audit.shown', { count: entries.length })}
      </p>
      {moreError ? (
        <p role="alert" className="form-error">
          {moreError}
        </p>
      ) : null}
      {nextBefore !== undefined ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={loadingMore}
            onClick={() => void (loadingMore ? undefined : loadOlder(nextBefore))}
          >
            {loadingMore ? t('app.loading') : t('audit.older')}
          </button>
        </div>
      ) : (
        <p
          ref={(element) => {
            if (element && focusEnd.current) {
              focusEnd.current = false;
              element.focus();
            }
          }}
          tabIndex={-1}
        >
          {t('audit.noOlder')}
        </p>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const summary = auditSummaryText(entry, t);
  return (
    <tr data-action={entry.action}>
      <td>
        <time dateTime={new Date(entry.at).toISOString()}>{formatMoment(entry.at, i18n.language)}</time>
      </td>
      <td>{entry.staff.name}</td>
      <th scope="row">
        {t(auditActionKeys[entry.action])}
        <span className="block muted audit-summary" lang={summary.lang}>
          {summary.text}
        </span>
      </th>
      <AuditTarget entry={entry} />
    </tr>
  );
}

/**
 * The record an entry is about, by the name staff know it (a procedure's title in the console's
 * language, a kiosk's or person's name), else just its kind: ids mean nothing to a clerk, so the
 * id is only in the tooltip, for whoever needs to tell two records of one name apart.
 */
function AuditTarget({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const kind = t(auditKindKeys[entry.targetKind]);
  const name =
    typeof entry.targetName === 'string'
      ? { text: entry.targetName, lang: undefined }
      : entry.targetName
        ? pickText(entry.targetName, i18n.language)
        : undefined;
  return (
    <td title={`${kind} ${entry.targetId}`}>
      {name?.text ? (
        <>
          <span lang={name.lang}>{name.text}</span> <span className="block muted">{kind}</span>
        </>
      ) : (
        kind
      )}
    </td>
  );
}
