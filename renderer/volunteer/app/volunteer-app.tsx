import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolunteerLoginResponse } from '../../../core/protocol/http.js';
import type { CallAlert } from '../../ui/call-alert.js';
import { ConsoleScreen } from '../console/console-screen.js';
import { LoginScreen } from '../login/login-screen.js';
import { loadLastSignIn, saveLastSignIn, type LastSignIn, type SessionStore, type StoredSession } from '../session/session-store.js';

/** Props of {@link VolunteerApp}: the page's storage and sound, passed in by main.tsx. */
export interface VolunteerAppProps {
  sessions: SessionStore;
  /** Where the last centre and name are remembered (localStorage). */
  deviceStorage: Pick<Storage, 'getItem' | 'setItem'>;
  alert: CallAlert;
}

/** The volunteer console: the sign-in screen until signed in, then the console. */
export function VolunteerApp({ sessions, deviceStorage, alert }: VolunteerAppProps) {
  const { t } = useTranslation();
  const [session, setSession] = useState<StoredSession | undefined>(() => sessions.load());
  const [notice, setNotice] = useState<string | undefined>();

  useEffect(() => {
    if (!session) document.title = t('app.pageTitle');
  }, [session, t]);

  // Browsers keep audio silent until the page is tapped; the first tap anywhere unlocks it.
  useEffect(() => {
    const unlock = (): void => alert.unlock();
    document.addEventListener('click', unlock, { once: true });
    return () => document.removeEventListener('click', unlock);
  }, [alert]);

  const signedIn = (response: VolunteerLoginResponse, used: LastSignIn): void => {
    alert.unlock();
    saveLastSignIn(deviceStorage, used);
    const fresh: StoredSession = {
      token: response.token,
      volunteerName: response.volunteer.name,
      siteName: response.site.name,
      demo: response.demo,
      available: response.volunteer.available,
    };
    sessions.save(fresh);
    setNotice(undefined);
    setSession(fresh);
  };
  const changed = useCallback(
    (next: StoredSession) => {
      sessions.save(next);
      setSession(next);
    },
    [sessions],
  );
  const signedOut = useCallback(
    (message?: string) => {
      sessions.clear();
      setNotice(message);
      setSession(undefined);
    },
    [sessions],
  );

  if (!session) return <LoginScreen remembered={loadLastSignIn(deviceStorage)} notice={notice} onSignedIn={signedIn} />;
  return <ConsoleScreen key={session.token} session={session} alert={alert} onSessionChange={changed} onSignedOut={signedOut} />;
}
