import { useTranslation } from 'react-i18next';
import type { PageProps } from '../app/page-props.js';
import { formatMoment } from '../shared/format.js';
import { LoadState } from '../shared/load-state.js';
import { appVersionWords, heldWords } from './fleet-words.js';
import { useLiveFleet } from './use-live-fleet.js';

/**
 * Every kiosk, live (pushed by the hub, no reload): online or not (in words and a symbol, not
 * colour alone), last seen, which app it runs and which published version of each procedure it
 * holds, in words.
 */
export function FleetScreen({ session, onSessionEnded }: PageProps) {
  const { t, i18n } = useTranslation();
  const { state, live, reload } = useLiveFleet(session.token, onSessionEnded);
  return (
    <main id="main" tabIndex={-1} className="staff-main">
      <h1>{t('fleet.heading')}</h1>
      <p>{t('fleet.intro')}</p>
      {state.kind === 'loaded' && !live ? <p className="muted">{t('fleet.notLive')}</p> : null}
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
              const held = heldWords(kiosk, state.value, t, i18n.language);
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
                  <td>{appVersionWords(kiosk.appVersion, t)}</td>
                  <td>
                    {kiosk.proceduresVersion === null || (kiosk.outdated !== null && kiosk.outdated.length === 0) ? (
                      held[0]
                    ) : (
                      <span className="stale-flag">
                        {held.map((line) => (
                          <span key={line} className="block">
                            <span aria-hidden="true">⚠ </span>
                            {line}
                          </span>
                        ))}
                      </span>
                    )}
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
