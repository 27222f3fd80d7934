import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { securityAlertWindowMs, type SecurityAlertsResponse } from '../../../core/protocol/staff-console.js';
import { fetchSecurityAlerts } from '../hub-api/staff-api.js';
import { routeHash, type StaffRoute } from './routes.js';
import { securityAlertText } from './security-alert-words.js';

/** How often the notice asks the hub again while a page stays open. */
export const securityAlertRefreshMs = 60_000;

/** Props of {@link SecurityAlert}. */
export interface SecurityAlertProps {
  token: string;
  /** The page shown: the notice asks again each time staff open a page. */
  route: StaffRoute;
}

/**
 * Under the header of every page: the accounts the hub locked after wrong PINs or passwords in the
 * last 24 hours, so staff hear of an attack without opening the audit page. Nothing when none.
 */
export function SecurityAlert({ token, route }: SecurityAlertProps) {
  const { t } = useTranslation();
  const [alerts, setAlerts] = useState<SecurityAlertsResponse | undefined>();
  const page = routeHash(route);
  useEffect(() => {
    let current = true;
    const ask = (): void => {
      void fetchSecurityAlerts(token).then((result) => {
        // A failure keeps what was known: the page itself tells staff the hub is unreachable or the session ended.
        if (current && result.ok) setAlerts(result.value);
      });
    };
    ask();
    const timer = window.setInterval(ask, securityAlertRefreshMs);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [token, page]);
  if (!alerts) return null;
  // "hace 5 min" by the hub's clock, the one the locks were written with.
  const text = securityAlertText(alerts.locks, alerts.since + securityAlertWindowMs, t);
  if (!text) return null;
  // A labelled region, not a live one: it is redrawn every minute ("hace 6 min"), and a screen
  // reader must not read it out each time; it comes first after the header in reading order.
  return (
    <section className="notice notice-warning security-alert" aria-label={t('securityAlert.label')}>
      <p>
        <strong>{text.headline}</strong>
      </p>
      <p>{text.who}</p>
      {route.page === 'audit' ? null : (
        <p>
          <a href={routeHash({ page: 'audit' })}>{t('securityAlert.link')}</a>
        </p>
      )}
    </section>
  );
}
