import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link PublishPanel}. */
export interface PublishPanelProps {
  changelog: string;
  onChangelog: (text: string) => void;
  problems: number;
  checking: boolean;
  nothingToPublish: boolean;
  nextVersion: number;
  busy: 'saving' | 'publishing' | 'discarding' | undefined;
  onPublish: () => void;
  /** There is a saved draft and a published version to go back to. */
  canDiscard: boolean;
  /** Asked only after the person confirmed. */
  onDiscard: () => void;
}

/**
 * Publishing: a changelog line, and a button that stays disabled, with the reason in words next
 * to it, while the text has problems, the line is empty or there is nothing new. The hub refuses
 * the same cases on its own. When a saved draft waits over a published version, it can also be
 * thrown away (confirmed first: it cannot be undone).
 */
export function PublishPanel({
  changelog,
  onChangelog,
  problems,
  checking,
  nothingToPublish,
  nextVersion,
  busy,
  onPublish,
  canDiscard,
  onDiscard,
}: PublishPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const reason =
    problems > 0
      ? t('publish.blockedProblems')
      : nothingToPublish
        ? t('publish.blockedUnchanged')
        : changelog.trim() === ''
          ? t('publish.blockedChangelog')
          : undefined;
  const disabled = reason !== undefined || checking || busy !== undefined;
  return (
    <section className="publish" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('publish.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-changelog`}>{t('publish.changelog')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('publish.changelogHint')}
        </p>
        <input
          id={`${id}-changelog`}
          type="text"
          maxLength={200}
          value={changelog}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChangelog(event.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={disabled} aria-describedby={reason ? `${id}-reason` : undefined} onClick={onPublish}>
          {busy === 'publishing' ? t('publish.publishing') : t('publish.submit', { version: nextVersion })}
        </button>
        {canDiscard ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={busy !== undefined}
            onClick={() => {
              if (window.confirm(t('discard.confirm', { version: nextVersion - 1 }))) onDiscard();
            }}
          >
            {busy === 'discarding' ? t('discard.discarding') : t('discard.submit')}
          </button>
        ) : null}
      </div>
      {reason ? (
        <p id={`${id}-reason`} className="publish-reason">
          <span aria-hidden="true">⚠ </span>
          {reason}
        </p>
      ) : null}
    </section>
  );
}
