/**
 * The published versions of a procedure, newest first, twenty at a time ("older" and "newer"
 * pages, the focus on the range shown after each move), each with its changelog line, who and
 * when; a readable diff with the version before it (added and removed lines marked with + and −
 * in text as well as colour); and a one-click rollback, confirmed first.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffResponse, VersionListResponse } from '../../../core/protocol/staff-console.js';
import { changelogText } from '../hub-api/changelog-text.js';
import { failureText } from '../hub-api/failure-text.js';
import { fetchDiff, fetchVersions } from '../hub-api/staff-api.js';
import { formatMoment } from '../shared/format.js';
import { foldUnchanged } from './fold-diff.js';

type Version = VersionListResponse['versions'][number];

/** Props of {@link HistoryPanel}. */
export interface HistoryPanelProps {
  token: string;
  procedureId: string;
  /** The newest page of versions (the hub's first page), newest first. */
  versions: VersionListResponse['versions'];
  busy: boolean;
  onRollback: (version: number) => void;
}

/** The History panel. */
export function HistoryPanel({ token, procedureId, versions, busy, onRollback }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<number | undefined>();
  const [diff, setDiff] = useState<{ version: number; result: DiffResponse | string } | undefined>();
  // The pages read so far after the newest (which is always the editor's fresh one), and the one shown.
  const [older, setOlder] = useState<Version[][]>([]);
  const [shown, setShown] = useState(0);
  const [newest, setNewest] = useState(versions);
  const [paging, setPaging] = useState<'loading' | string | undefined>();
  const focusRange = useRef(false);
  // A new publication or rollback moves every page's boundary: back to the newest page (React's pattern for state derived from props).
  if (versions !== newest) {
    setNewest(versions);
    setOlder([]);
    setShown(0);
  }
  const pages = [versions, ...older];
  const page = pages[shown] ?? versions;
  // Published versions are numbered 1, 2, 3… and never removed (core/protocol/staff-console.ts):
  // the newest number is how many there are, and a page ending above 1 has older ones after it.
  const total = versions[0]?.version ?? 0;
  const oldestShown = page[page.length - 1]?.version ?? 1;

  const toggle = async (version: number): Promise<void> => {
    if (open === version) return setOpen(undefined);
    setOpen(version);
    if (diff?.version === version) return;
    const result = await fetchDiff(token, procedureId, version - 1, version);
    setDiff({ version, result: result.ok ? result.value : failureText(result.failure, t).message });
  };

  const showPage = (index: number): void => {
    setShown(index);
    setPaging(undefined);
    // The buttons may go (no older page, no newer one): the focus goes to the range now shown.
    focusRange.current = true;
  };
  const goOlder = async (): Promise<void> => {
    if (paging === 'loading') return;
    if (pages[shown + 1]) return showPage(shown + 1);
    setPaging('loading');
    const result = await fetchVersions(token, procedureId, oldestShown);
    if (!result.ok) return setPaging(failureText(result.failure, t).message);
    setOlder((current) => [...current.slice(0, shown), result.value.versions]);
    showPage(shown + 1);
  };

  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.heading')}</h2>
      {versions.length === 0 ? <p>{t('history.none')}</p> : null}
      {shown > 0 || oldestShown > 1 ? (
        <nav className="history-pages" aria-label={t('history.pages')}>
          <p
            className="history-range"
            tabIndex={-1}
            ref={(element) => {
              if (element && focusRange.current) {
                focusRange.current = false;
                element.focus();
              }
            }}
          >
            {t('history.range', { newest: page[0]?.version ?? total, oldest: oldestShown, total })}
          </p>
          <div className="button-row">
            {shown > 0 ? (
              <button type="button" className="button button-secondary button-small" onClick={() => showPage(shown - 1)}>
                {t('history.newer')}
              </button>
            ) : null}
            {oldestShown > 1 ? (
              <button type="button" className="button button-secondary button-small" aria-disabled={paging === 'loading'} onClick={() => void goOlder()}>
                {paging === 'loading' ? t('app.loading') : t('history.older')}
              </button>
            ) : null}
          </div>
          {paging !== undefined && paging !== 'loading' ? (
            <p role="alert" className="form-error">
              {paging}
            </p>
          ) : null}
        </nav>
      ) : null}
      <ol className="version-list">
        {page.map((entry) => (
          <li key={entry.version} className="version">
            <p className="version-title">
              <strong>{t('history.version', { version: entry.version })}</strong>
              {entry.version === total ? <span className="status status-published">{t('history.current')}</span> : null}
            </p>
            <p className="version-changelog">{changelogText(entry, t)}</p>
            <p className="muted">{t('history.by', { who: entry.publishedBy?.name ?? '—', when: formatMoment(entry.publishedAt, i18n.language) })}</p>
            <div className="button-row">
              {entry.version > 1 ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-expanded={open === entry.version}
                  onClick={() => void toggle(entry.version)}
                >
                  {open === entry.version ? t('history.hideDiff') : t('history.showDiff')}
                </button>
              ) : null}
              {entry.version !== total ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={busy}
                  onClick={() => {
                    if (window.confirm(t('history.confirmRollback', { version: entry.version }))) onRollback(entry.version);
                  }}
                >
                  {t('history.rollback', { version: entry.version })}
                </button>
              ) : null}
            </div>
            {open === entry.version ? <DiffView diff={diff?.version === entry.version ? diff.result : undefined} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One diff, with long unchanged stretches folded. */
function DiffView({ diff }: { diff: DiffResponse | string | undefined }) {
  const { t } = useTranslation();
  if (diff === undefined) return <p role="status">{t('app.loading')}</p>;
  if (typeof diff === 'string')
    return (
      <p role="alert" className="form-error">
        {diff}
      </p>
    );
  return (
    <figure className="diff">
      <figcaption>{t('history.diffHeading', { from: diff.from, to: diff.to })}</figcaption>
      <table className="diff-table">
        <tbody>
          {foldUnchanged(diff.lines).map((line, index) =>
            line.kind === 'gap' ? (
              <tr key={index} className="diff-gap">
                <td colSpan={4}>{t('history.unchanged', { count: line.skipped })}</td>
              </tr>
            ) : (
              <tr key={index} className={`diff-${line.kind}`}>
                <td className="diff-number">{line.oldLine ?? ''}</td>
                <td className="diff-number">{line.newLine ?? ''}</td>
                <td className="diff-sign">
                  {line.kind === 'added' ? (
                    <>
                      <span aria-hidden="true">+</span>
                      <span className="visually-hidden">{t('history.added')}</span>
                    </>
                  ) : line.kind === 'removed' ? (
                    <>
                      <span aria-hidden="true">−</span>
                      <span className="visually-hidden">{t('history.removed')}</span>
                    </>
                  ) : null}
                </td>
                <td className="diff-text">
                  <code>{line.text}</code>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </figure>
  );
}
