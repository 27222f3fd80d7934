import { useTranslation } from 'react-i18next';
import type { Loaded } from './use-hub-data.js';

/** What a page shows while its data loads or when it could not: a status line, or the error with "Try again". */
export function LoadState({ state, onRetry }: { state: Loaded<unknown>; onRetry: () => void }) {
  const { t } = useTranslation();
  if (state.kind === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.kind === 'failed')
    return (
      <div className="stack">
        <p role="alert" className="form-error">
          {state.message}
        </p>
        <div>
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {t('app.retry')}
          </button>
        </div>
      </div>
    );
  return null;
}
