import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserCallAlert } from '../../ui/call-alert.js';
import { useHandAnnouncer } from '../../ui/workshop-trainer/use-hand-announcer.js';
import { WorkshopPage } from '../../ui/workshop-trainer/workshop-page.js';
import type { PageProps } from '../app/page-props.js';
import { routeHash } from '../app/routes.js';
import { fetchSites } from '../hub-api/staff-api.js';
import { SiteSelect } from '../people/site-select.js';
import { LoadState } from '../shared/load-state.js';
import { useHubData } from '../shared/use-hub-data.js';
import { useStaffWorkshops } from './use-staff-workshops.js';

/** Props of {@link WorkshopsScreen}. */
export interface WorkshopsScreenProps extends PageProps {
  /** The site chosen (from the URL), if any. */
  siteId?: string;
}

/**
 * "Talleres": a member of staff chooses a site (the URL keeps it) and leads a workshop there with
 * the volunteer console's trainer page (lessons, join code and QR, live grid, pace, pause, hands,
 * end), the grid pushed live to this page.
 */
export function WorkshopsScreen({ session, onSessionEnded, siteId }: WorkshopsScreenProps) {
  const { t } = useTranslation();
  const [sites, reload] = useHubData(() => fetchSites(session.token), onSessionEnded);
  const loaded = sites.kind === 'loaded' ? sites.value : undefined;
  const site = loaded?.find((candidate) => candidate.id === siteId);
  const choose = (next: string): void => {
    window.location.hash = routeHash(next ? { page: 'workshops', siteId: next } : { page: 'workshops' });
  };
  return (
    <main id="main" tabIndex={-1} className="staff-main staff-workshops">
      <h1>{t('workshops.heading')}</h1>
      <p>{t('workshops.intro')}</p>
      <LoadState state={sites} onRetry={reload} />
      {loaded && loaded.length === 0 ? <p>{t('workshops.noSites')}</p> : null}
      {loaded && loaded.length > 0 ? (
        <div className="workshops-site">
          <SiteSelect
            id="workshops-site"
            hint={t('workshops.whose')}
            label={t('workshops.site')}
            sites={loaded}
            value={site?.id ?? ''}
            onChange={choose}
            placeholder={t('workshops.chooseSite')}
          />
        </div>
      ) : null}
      {loaded && siteId !== undefined && !site ? (
        <p role="alert" className="form-error">
          {t('workshop.errors.siteGone')}
        </p>
      ) : null}
      {site ? <SiteWorkshops key={site.id} token={session.token} siteId={site.id} siteName={site.name} onSessionEnded={onSessionEnded} /> : null}
    </main>
  );
}

/** How often the "stuck for N minutes" lines move on. */
const clockTickMs = 5_000;

/** The trainer's page at one site. */
function SiteWorkshops({
  token,
  siteId,
  siteName,
  onSessionEnded,
}: {
  token: string;
  siteId: string;
  siteName: string;
  onSessionEnded: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { api, workshops, live } = useStaffWorkshops(token, siteId, onSessionEnded);
  // A raised hand beeps and is said in the live region, as on a volunteer's phone (the page was
  // reached by a click, so the browser lets it sound).
  const alert = useMemo(() => browserCallAlert(), []);
  const handsLive = useHandAnnouncer(workshops.workshops, alert);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), clockTickMs);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <section className="workshops-at-site" aria-labelledby="workshops-at-site-heading">
      {/* The choice above shows the site and says whose workshops these are: the heading is for the page's outline. */}
      <h2 id="workshops-at-site-heading" className="visually-hidden">
        {t('workshops.atSite', { site: siteName })}
      </h2>
      {!live ? <p className="muted">{t('workshops.notLive')}</p> : null}
      <p ref={handsLive} className="visually-hidden" aria-live="assertive" />
      <WorkshopPage api={api} workshops={workshops} now={now} onSessionEnded={onSessionEnded} />
    </section>
  );
}
