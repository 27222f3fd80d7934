import { useTranslation } from 'react-i18next';
import type { PageProps } from '../app/page-props.js';
import { fetchFleet } from '../hub-api/staff-api.js';
import { formatMoment } from '../shared/format.js';
import { LoadState } from '../shared/load-state.js';
import { useHubData } from '../shared/use-hub-data.js';

/** Every kiosk: online or not (in words and a symbol, not colour alone), last seen, app and procedures version. */
export function FleetScreen({ session, onSessionEnded }: PageProps) {
  const { t, i18n } = useTranslation();
  const [state, reload] = useHubData(() => fetchFleet(session.token), onSessionEnded);
  return (
    <main id="main" tabIndex={-1} className="staff-main">
      <h1>{t('fleet.heading')}</h1>
      <p>{t('fleet.intro')}</p>
      <LoadState state={state} onRetry={reload} />
      {state.kind === 'loaded' && state.value.kiosks.length === 0 ? <p>{t('fleet.none')}</p> : null}
      {state.kind === 'loaded' && state.value.kiosks.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('fleet.name')}</th>
              <th scope="col">{t('fleet.site')}</th>
              <th scope="col">{t('fleet.status')}</th>
              <th scope="col">{t('fleet.lastSeen')}</th>
              <th scope="col">{t('fleet.appVersion')}</th>
              <th scope="col">{t('fleet.proceduresVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {state.value.kiosks.map((kiosk) => {
              const status = kiosk.revoked ? 'revoked' : kiosk.online ? 'online' : 'offline';
              return (
                <tr key={kiosk.id} data-kiosk={kiosk.id}>
                  <th scope="row">
                    {kiosk.name}
                    <span className="muted block">{kiosk.location}</span>
                  </th>
                  <td>{kiosk.siteName}</td>
                  <td>
                    <span className={`status status-${status}`}>
                      <span aria-hidden="true">{status === 'online' ? '● ' : status === 'offline' ? '○ ' : '✕ '}</span>
                      {t(`fleet.${status}`)}
                    </span>
                  </td>
                  <td>{kiosk.lastSeenAt === null ? t('fleet.never') : formatMoment(kiosk.lastSeenAt, i18n.language)}</td>
                  <td>{kiosk.appVersion ?? t('fleet.unknown')}</td>
                  <td>
                    {kiosk.proceduresVersion ?? t('fleet.unknown')}
                    {kiosk.proceduresVersion !== null && !kiosk.upToDate ? (
                      <span className="stale-flag">
                        <span aria-hidden="true">⚠ </span>
                        {t('fleet.behind', { latest: state.value.catalogVersion })}
                      </span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
