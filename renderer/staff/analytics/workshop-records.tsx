/**
 * The workshops' records on the Analytics page (issue 18): per site and month, workshops held,
 * participants and lessons completed, and the quiz questions most often answered wrongly, over
 * the page's range of days, with their own CSV download. Counts only: the hub keeps no
 * participant in any record.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopRecordsResponse } from '../../../core/protocol/workshop.js';
import { pickText } from '../../../core/text/pick-text.js';
import type { PageProps } from '../app/page-props.js';
import { failureText } from '../hub-api/failure-text.js';
import { staffCall, type HubResult } from '../hub-api/request.js';
import { LoadState } from '../shared/load-state.js';
import { useHubData } from '../shared/use-hub-data.js';
import { saveCsv } from './save-csv.js';

/** The workshop records of a range of days. */
export function fetchWorkshopRecords(token: string, from: string, to: string): Promise<HubResult<WorkshopRecordsResponse>> {
  return staffCall('staffWorkshopRecords', { token, query: { from, to } });
}

/** The same as CSV text, to hand to the browser as a download. */
export function fetchWorkshopRecordsCsv(token: string, from: string, to: string): Promise<HubResult<string>> {
  return staffCall('staffWorkshopRecordsCsv', { token, query: { from, to } });
}

/** The section; mounted again (a new `key`) when the page's range changes. */
export function WorkshopRecords({ session, onSessionEnded, range }: PageProps & { range: { from: string; to: string } }) {
  const { t } = useTranslation();
  const [state, reload] = useHubData(() => fetchWorkshopRecords(session.token, range.from, range.to), onSessionEnded);
  const [downloadError, setDownloadError] = useState<string | undefined>();

  const download = async (): Promise<void> => {
    setDownloadError(undefined);
    const result = await fetchWorkshopRecordsCsv(session.token, range.from, range.to);
    if (!result.ok) return setDownloadError(failureText(result.failure, t).message);
    saveCsv(result.value, `paso-a-paso-talleres-${range.from}-${range.to}.csv`);
  };

  return (
    <section aria-labelledby="workshop-records-heading" className="workshop-records">
      <h2 id="workshop-records-heading">{t('workshopRecords.heading')}</h2>
      <p>{t('workshopRecords.intro')}</p>
      <button type="button" className="button button-secondary" onClick={() => void download()}>
        {t('workshopRecords.download')}
      </button>
      {downloadError ? (
        <p className="form-error" role="alert">
          {downloadError}
        </p>
      ) : null}
      <LoadState state={state} onRetry={reload} />
      {state.kind === 'loaded' ? <RecordTables records={state.value} /> : null}
    </section>
  );
}

function RecordTables({ records }: { records: WorkshopRecordsResponse }) {
  const { t, i18n } = useTranslation();
  const title = (text: Readonly<Record<string, string>> | null, fallback: string): string => pickText(text, i18n.language).text || fallback;
  if (records.months.length === 0 && records.missedQuestions.length === 0) return <p>{t('workshopRecords.noData')}</p>;
  const siteNames = new Map(records.months.map((month) => [month.siteId, month.siteName]));
  return (
    <>
      <table className="data-table">
        <caption>{t('workshopRecords.monthsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workshopRecords.site')}</th>
            <th scope="col">{t('workshopRecords.month')}</th>
            <th scope="col">{t('workshopRecords.workshops')}</th>
            <th scope="col">{t('workshopRecords.participants')}</th>
            <th scope="col">{t('workshopRecords.lessonsCompleted')}</th>
          </tr>
        </thead>
        <tbody>
          {records.months.map((month) => (
            <tr key={`${month.siteId}-${month.month}`}>
              <th scope="row">{month.siteName}</th>
              <td>{month.month}</td>
              <td>{month.workshops}</td>
              <td>{month.participants}</td>
              <td>{month.lessonsCompleted}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {records.missedQuestions.length > 0 ? (
        <table className="data-table">
          <caption>{t('workshopRecords.missedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workshopRecords.question')}</th>
              <th scope="col">{t('workshopRecords.lesson')}</th>
              <th scope="col">{t('workshopRecords.site')}</th>
              <th scope="col">{t('workshopRecords.month')}</th>
              <th scope="col">{t('workshopRecords.answers')}</th>
              <th scope="col">{t('workshopRecords.shareWrong')}</th>
            </tr>
          </thead>
          <tbody>
            {records.missedQuestions.map((question) => (
              <tr key={`${question.siteId}-${question.month}-${question.lessonId}-${question.stepId}`}>
                <th scope="row">{title(question.stepTitle, question.stepId)}</th>
                <td>{title(question.lessonTitle, question.lessonId)}</td>
                <td>{siteNames.get(question.siteId) ?? question.siteId}</td>
                <td>{question.month}</td>
                <td>{question.answers}</td>
                <td>{t('workshopRecords.percent', { value: Math.round(question.shareWrong * 100) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
