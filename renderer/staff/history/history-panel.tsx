/**
 * The published versions of a procedure, newest first, each with its changelog line, who and
 * when; a readable diff with the version before it (added and removed lines marked with + and −
 * in text as well as colour); and a one-click rollback, confirmed first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffResponse, VersionListResponse } from '../../../core/protocol/staff-console.js';
import { failureText } from '../hub-api/failure-text.js';
import { fetchDiff } from '../hub-api/staff-api.js';
import { formatMoment } from '../shared/format.js';
import { foldUnchanged } from './fold-diff.js';

/** Props of {@link HistoryPanel}. */
export interface HistoryPanelProps {
  token: string;
  procedureId: string;
  versions: VersionListResponse['versions'];
  busy: boolean;
  onRollback: (version: number) => void;
}

/** The History panel. */
export function HistoryPanel({ token, procedureId, versions, busy, onRollback }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<number | undefined>();
  const [diff, setDiff] = useState<{ version: number; result: DiffResponse | string } | undefined>();

  const toggle = async (version: number): Promise<void> => {
    if (open === version) return setOpen(undefined);
    setOpen(version);
    if (diff?.version === version) return;
    const result = await fetchDiff(token, procedureId, version - 1, version);
    setDiff({ version, result: result.ok ? result.value : failureText(result.failure, t).message });
  };

  return (
    <section className="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.heading')}</h2>
      {versions.length === 0 ? <p>{t('history.none')}</p> : null}
      <ol className="version-list">
        {versions.map((entry, index) => (
          <li key={entry.version} className="version">
            <p className="version-title">
              <strong>{t('history.version', { version: entry.version })}</strong>
              {index === 0 ? <span className="status status-published">{t('history.current')}</span> : null}
            </p>
            <p className="version-changelog">{entry.changelog}</p>
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
              {index > 0 ? (
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
