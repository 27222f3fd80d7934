import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffLoginResponse } from '../../../core/protocol/http.js';
import { AnalyticsScreen } from '../analytics/analytics-screen.js';
import { AuditScreen } from '../audit/audit-screen.js';
import { EditorScreen } from '../editor/editor-screen.js';
import { FleetScreen } from '../fleet/fleet-screen.js';
import { signOutOfHub } from '../hub-api/staff-api.js';
import { LoginScreen } from '../login/login-screen.js';
import { PeopleScreen } from '../people/people-screen.js';
import { WorkshopsScreen } from '../workshops/workshops-screen.js';
import { ProceduresScreen } from '../procedures/procedures-screen.js';
import type { StaffSession, StaffSessionStore } from '../session/staff-session.js';
import { useFocusOnPageChange } from './page-focus.js';
import type { PageProps } from './page-props.js';
import { parseRoute, routeHash, type StaffRoute } from './routes.js';
import { SecurityAlert } from './security-alert.js';
import { StaffHeader } from './staff-header.js';

/** Props of {@link StaffApp}. */
export interface StaffAppProps {
  sessions: StaffSessionStore;
}

/** The staff console: sign-in until signed in, then the page the URL fragment names. */
export function StaffApp({ sessions }: StaffAppProps) {
  const { t } = useTranslation();
  const [session, setSession] = useState<StaffSession | undefined>(() => sessions.load());
  const [notice, setNotice] = useState<string | undefined>();
  const [route, setRoute] = useState<StaffRoute>(() => parseRoute(window.location.hash));

  useEffect(() => {
    const follow = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  // After signing in and after every move between pages, the focus starts at the new page's heading.
  // Choosing a site on the workshops page changes its URL, not the page: the focus stays on the choice.
  useFocusOnPageChange(session ? routeHash(route.page === 'workshops' ? { page: 'workshops' } : route) : undefined);

  useEffect(() => {
    if (session) document.title = `${t(route.page === 'editor' ? 'nav.procedures' : `nav.${route.page}`)} · ${t('app.pageTitle')}`;
  }, [route, session, t]);

  const signedIn = (response: StaffLoginResponse): void => {
    const fresh: StaffSession = {
      token: response.token,
      staffId: response.staff.id,
      name: response.staff.name,
      email: response.staff.email,
      demo: response.demo,
    };
    sessions.save(fresh);
    setNotice(undefined);
    setSession(fresh);
  };
  const signOut = useCallback(
    (message?: string) => {
      sessions.clear();
      setNotice(message);
      setSession(undefined);
    },
    [sessions],
  );

  if (!session) return <LoginScreen notice={notice} onSignedIn={signedIn} />;
  const page: PageProps = { session, onSessionEnded: signOut };
  return (
    <>
      <StaffHeader
        demo={session.demo}
        route={route}
        signedInName={session.name}
        onSignOut={() => {
          // "Cerrar sesión" ends the session on the hub, not only on this computer: the token stops
          // working everywhere. Back to sign-in either way; if the hub cannot be reached the token
          // still expires by itself.
          void signOutOfHub(session.token).finally(() => signOut());
        }}
      />
      <SecurityAlert token={session.token} route={route} />
      {route.page === 'procedures' ? <ProceduresScreen {...page} /> : null}
      {route.page === 'editor' ? <EditorScreen key={route.procedureId} {...page} procedureId={route.procedureId} /> : null}
      {route.page === 'fleet' ? <FleetScreen {...page} /> : null}
      {route.page === 'people' ? <PeopleScreen {...page} /> : null}
      {route.page === 'analytics' ? <AnalyticsScreen {...page} /> : null}
      {route.page === 'workshops' ? <WorkshopsScreen {...page} siteId={route.siteId} /> : null}
      {route.page === 'audit' ? <AuditScreen {...page} /> : null}
    </>
  );
}
