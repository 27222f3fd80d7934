import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rollout } from '../fleet/fleet-words.js';
import { useLiveFleet } from '../fleet/use-live-fleet.js';

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
  /** The staff session's token and the procedure, for the live count of kiosks that hold the published version. */
  token?: string;
  procedureId?: string;
}

/**
 * Publishing: a changelog line, and a button that stays disabled, with the reason in words next
 * to it, while the text has problems, the line is empty or there is nothing new; Enter in the line
 * publishes (it is a form). The hub refuses the same cases on its own. When a saved draft waits
 * over a published version, it can also be thrown away (confirmed first: it cannot be undone).
 *
 * Below, the truth about kiosks: they receive a new version a few seconds after it is published
 * (once its speech is rendered), a senior in the middle of the procedure keeps the old text until
 * they finish, and how many connected kiosks already hold the published version, live.
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
  token,
  procedureId,
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
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!disabled) onPublish();
  };
  return (
    <section className="publish" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('publish.heading')}</h2>
      <form onSubmit={submit} noValidate>
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
          <button type="submit" className="button button-primary" disabled={disabled} aria-describedby={reason ? `${id}-reason` : undefined}>
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
      </form>
      {reason ? (
        <p id={`${id}-reason`} className="publish-reason">
          <span aria-hidden="true">⚠ </span>
          {reason}
        </p>
      ) : null}
      {nextVersion > 1 && token !== undefined && procedureId !== undefined ? (
        <KioskRollout token={token} procedureId={procedureId} version={nextVersion - 1} />
      ) : null}
    </section>
  );
}

/** How many connected kiosks hold `version` of the procedure, kept current by the hub's pushes. */
function KioskRollout({ token, procedureId, version }: { token: string; procedureId: string; version: number }) {
  const { t } = useTranslation();
  // A session that ended is noticed by the editor's own calls; the count simply stops.
  const { state } = useLiveFleet(token, ignoreSessionEnd);
  const count = state.kind === 'loaded' ? rollout(state.value, procedureId, version) : undefined;
  return (
    <div className="publish-rollout">
      <p className="hint">{t('publish.howKiosksGetIt')}</p>
      {count ? (
        <p role="status" data-rollout={`${count.confirmed}/${count.connected}`}>
          {count.connected === 0
            ? t('publish.noKioskConnected', { version })
            : t('publish.kiosksHaveIt', { count: count.connected, confirmed: count.confirmed, version })}
        </p>
      ) : null}
    </div>
  );
}

const ignoreSessionEnd = (): void => undefined;
