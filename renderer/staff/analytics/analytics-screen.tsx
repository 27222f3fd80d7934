/**
 * Analytics: per procedure, how far seniors got (started → each step → completed), where they
 * called for help, were wiped for being idle or gave up, the median times for a volunteer to
 * accept and arrive, and escalations, over a range of days; with a CSV download, a chart and
 * the same figures as a table; then the workshops' records (workshop-records.tsx).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalyticsResponse, ProcedureFigures } from '../../../core/protocol/staff-console.js';
import type { PageProps } from '../app/page-props.js';
import { failureText } from '../hub-api/failure-text.js';
import { fetchAnalytics, fetchAnalyticsCsv } from '../hub-api/staff-api.js';
import { pickText } from '../../../core/text/pick-text.js';
import { LoadState } from '../shared/load-state.js';
import { useHubData } from '../shared/use-hub-data.js';
import { BarChart } from './bar-chart.js';
import { WorkshopRecords } from './workshop-records.js';
import { saveCsv } from './save-csv.js';

/** `YYYY-MM-DD` of a moment, in UTC like the hub's days. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The default range: the last 30 days, today included. */
export function defaultRange(now: number): { from: string; to: string } {
  return { from: dayOf(now - 29 * 86_400_000), to: dayOf(now) };
}

/** The Analytics page. */
export function AnalyticsScreen(props: PageProps) {
  const { session, onSessionEnded } = props;
  const { t } = useTranslation();
  const [range, setRange] = useState(() => defaultRange(Date.now()));
  const [draft, setDraft] = useState(range);
  const [rangeError, setRangeError] = useState<string | undefined>();
  const [state, reload] = useHubData(() => fetchAnalytics(session.token, range.from, range.to), onSessionEnded);
  const [chosen, setChosen] = useState<string | undefined>();
  const [downloadError, setDownloadError] = useState<string | undefined>();

  const show = (event: FormEvent): void => {
    event.preventDefault();
    if (!(draft.from <= draft.to)) return setRangeError(t('analytics.badRange'));
    setRangeError(undefined);
    // Both updates land in one render, whose load reads the new range.
    setRange(draft);
    reload();
  };

  const download = async (): Promise<void> => {
    setDownloadError(undefined);
    const result = await fetchAnalyticsCsv(session.token, range.from, range.to);
    if (!result.ok) return setDownloadError(failureText(result.failure, t).message);
    saveCsv(result.value, `paso-a-paso-analytics-${range.from}-${range.to}.csv`);
  };

  return (
    <main id="main" tabIndex={-1} className="staff-main">
      <h1>{t('analytics.heading')}</h1>
      <p>{t('analytics.intro')}</p>
      <form className="inline-form" onSubmit={show} noValidate>
        <div className="field">
          <label htmlFor="analytics-from">{t('analytics.from')}</label>
          <input
            id="analytics-from"
            type="date"
            value={draft.from}
            aria-invalid={rangeError ? true : undefined}
            aria-describedby={rangeError ? 'analytics-range-error' : undefined}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="analytics-to">{t('analytics.to')}</label>
          <input id="analytics-to" type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </div>
        <button type="submit" className="button button-primary">
          {t('analytics.show')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void download()}>
          {t('analytics.download')}
        </button>
      </form>
      {rangeError ? (
        <p id="analytics-range-error" className="form-error" role="alert">
          {rangeError}
        </p>
      ) : null}
      {downloadError ? (
        <p className="form-error" role="alert">
          {downloadError}
        </p>
      ) : null}
      <LoadState state={state} onRetry={reload} />
      {state.kind === 'loaded' ? <Figures data={state.value} chosen={chosen} onChoose={setChosen} /> : null}
      <WorkshopRecords key={`${range.from}-${range.to}`} {...props} range={range} />
    </main>
  );
}

function seconds(value: number | null, t: (key: string, options?: Record<string, unknown>) => string): string {
  return value === null ? '—' : t('analytics.seconds', { count: Math.round(value) });
}

function Figures({ data, chosen, onChoose }: { data: AnalyticsResponse; chosen: string | undefined; onChoose: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const procedure = data.procedures.find((candidate) => candidate.procedureId === chosen) ?? data.procedures[0];
  const { totals } = data;
  return (
    <>
      <dl className="totals">
        <div>
          <dt>{t('analytics.started')}</dt>
          <dd>{totals.started}</dd>
        </div>
        <div>
          <dt>{t('analytics.completed')}</dt>
          <dd>{totals.completed}</dd>
        </div>
        <div>
          <dt>{t('analytics.helpCalls')}</dt>
          <dd>{totals.helpCalls}</dd>
        </div>
        <div>
          <dt>{t('analytics.escalations')}</dt>
          <dd>{totals.escalations}</dd>
        </div>
        <div>
          <dt>{t('analytics.medianAccept')}</dt>
          <dd>{seconds(totals.medianAcceptSeconds, t)}</dd>
        </div>
        <div>
          <dt>{t('analytics.medianArrive')}</dt>
          <dd>{seconds(totals.medianArriveSeconds, t)}</dd>
        </div>
      </dl>
      {data.procedures.length === 0 || !procedure ? (
        <p>{t('analytics.noData')}</p>
      ) : (
        <>
          <div className="field field-inline">
            <label htmlFor="analytics-procedure">{t('analytics.procedure')}</label>
            <select id="analytics-procedure" value={procedure.procedureId} onChange={(event) => onChoose(event.target.value)}>
              {data.procedures.map((candidate) => (
                <option key={candidate.procedureId} value={candidate.procedureId}>
                  {pickText(candidate.title, i18n.language).text || candidate.procedureId}
                </option>
              ))}
            </select>
          </div>
          <Funnel procedure={procedure} />
        </>
      )}
    </>
  );
}

function Funnel({ procedure }: { procedure: ProcedureFigures }) {
  const { t, i18n } = useTranslation();
  const label = (title: ProcedureFigures['title'], fallback: string): string => pickText(title, i18n.language).text || fallback;
  const bars = [
    { label: t('analytics.started'), value: procedure.started },
    ...procedure.steps.map((step) => ({ label: label(step.title, step.stepId), value: step.reached })),
    { label: t('analytics.completed'), value: procedure.completed },
  ];
  return (
    <section aria-labelledby="funnel-heading" className="funnel">
      <h2 id="funnel-heading">
        {label(procedure.title, procedure.procedureId)} — {t('analytics.funnel')}
      </h2>
      <dl className="totals">
        <div>
          <dt>{t('analytics.medianAccept')}</dt>
          <dd>{seconds(procedure.medianAcceptSeconds, t)}</dd>
        </div>
        <div>
          <dt>{t('analytics.medianArrive')}</dt>
          <dd>{seconds(procedure.medianArriveSeconds, t)}</dd>
        </div>
        <div>
          <dt>{t('analytics.escalations')}</dt>
          <dd>{procedure.escalations}</dd>
        </div>
      </dl>
      <BarChart id="funnel-chart" title={t('analytics.chartTitle')} bars={bars} />
      <table className="data-table">
        <caption>{t('analytics.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analytics.stepCol')}</th>
            <th scope="col">{t('analytics.reached')}</th>
            <th scope="col">{t('analytics.helpCalls')}</th>
            <th scope="col">{t('analytics.idleWipes')}</th>
            <th scope="col">{t('analytics.abandoned')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('analytics.started')}</th>
            <td>{procedure.started}</td>
            <td colSpan={3} />
          </tr>
          {procedure.steps.map((step) => (
            <tr key={step.stepId}>
              <th scope="row">{label(step.title, step.stepId)}</th>
              <td>{step.reached}</td>
              <td>{step.helpCalls}</td>
              <td>{step.idleResets}</td>
              <td>{step.abandoned}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('analytics.completed')}</th>
            <td>{procedure.completed}</td>
            <td colSpan={3} />
          </tr>
        </tbody>
      </table>
    </section>
  );
}
