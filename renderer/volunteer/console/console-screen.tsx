import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallAlert } from '../../ui/call-alert.js';
import { useNewCallAlert } from '../call-alert/use-new-call-alert.js';
import { CallCard } from '../call-card/call-card.js';
import { nextAction, orderCalls } from '../call-card/call-state.js';
import { ConsoleHeader } from '../header/console-header.js';
import { LanguageSwitch } from '../language-switch/language-switch.js';
import { fetchCalls, sendCallCommand, setAvailability, signOut, type CallCommand } from '../hub-api/hub-api.js';
import { commandFailureText } from '../hub-api/hub-error-text.js';
import type { StoredSession } from '../session/session-store.js';
import { AvailabilitySwitch } from './availability-switch.js';
import { ConnectionBanner } from './connection-banner.js';
import { useVolunteerCalls } from './use-volunteer-calls.js';
import { PressButton } from '../../ui/press/press-button.js';
import { useHandAnnouncer } from '../../ui/workshop-trainer/use-hand-announcer.js';
import { useWorkshops } from '../../ui/workshop-trainer/use-workshops.js';
import { WorkshopPage } from '../../ui/workshop-trainer/workshop-page.js';
import { volunteerTrainerApi } from '../workshop/workshop-api.js';

/** Props of {@link ConsoleScreen}. */
export interface ConsoleScreenProps {
  session: StoredSession;
  alert: CallAlert;
  /** Remembers a change to the session (the availability the hub confirmed). */
  onSessionChange(session: StoredSession): void;
  /** The session is over: signed out, or refused by the hub (then with a message to show). */
  onSignedOut(message?: string): void;
}

/** How often the waiting times move on. */
const clockTickMs = 5_000;

/**
 * The console after sign-in: the availability switch, the live list of the centre's calls as
 * step cards, and "Salir". Commands go over HTTP; the list comes from the hub's pushes.
 */
export function ConsoleScreen({ session, alert, onSessionChange, onSignedOut }: ConsoleScreenProps) {
  const { t } = useTranslation();
  const { token } = session;
  const onRefused = useCallback(() => onSignedOut(t('errors.sessionEnded')), [onSignedOut, t]);
  const trainerApi = useMemo(() => volunteerTrainerApi(token), [token]);
  const workshops = useWorkshops(trainerApi);
  const hub = useVolunteerCalls(token, session.available, onRefused, workshops.listener);
  const [page, setPage] = useState<'calls' | 'workshop'>('calls');
  const handsLive = useHandAnnouncer(workshops.workshops, alert);
  const handsWaiting = workshops.workshops.reduce((count, workshop) => count + workshop.seats.filter((seat) => seat.hand === 'raised').length, 0);
  const [availabilityBusy, setAvailabilityBusy] = useState(false);
  const [consoleError, setConsoleError] = useState<string | undefined>();
  const [signingOut, setSigningOut] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  useNewCallAlert(hub.calls, alert);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), clockTickMs);
    return () => window.clearInterval(timer);
  }, []);

  const needingHelp = hub.calls.filter((call) => nextAction(call) === 'accept').length;
  useEffect(() => {
    document.title = needingHelp > 0 ? `(${needingHelp}) ${t('app.pageTitle')}` : t('app.pageTitle');
  }, [needingHelp, t]);

  const { applyAvailable, applyCall, applySnapshot } = hub;
  const { available } = hub;
  useEffect(() => {
    if (available !== session.available) onSessionChange({ ...session, available });
  }, [available, session, onSessionChange]);

  const changeAvailability = async (wanted: boolean): Promise<void> => {
    alert.unlock();
    setAvailabilityBusy(true);
    setConsoleError(undefined);
    const result = await setAvailability(token, wanted);
    setAvailabilityBusy(false);
    if (result.ok) return applyAvailable(result.value);
    const failure = commandFailureText(result.failure, t);
    if (failure.sessionEnded) return onSignedOut(failure.message);
    setConsoleError(failure.message);
  };

  const command = async (callId: string, wanted: CallCommand): Promise<string | undefined> => {
    alert.unlock();
    const result = await sendCallCommand(token, callId, wanted);
    if (result.ok) {
      if (result.value) applyCall(result.value);
      return undefined;
    }
    const failure = commandFailureText(result.failure, t);
    if (failure.sessionEnded) {
      onSignedOut(failure.message);
      return undefined;
    }
    // Refused: the call changed under us (someone else took it, the senior cancelled). Fetch
    // the list now rather than trust that the push is on its way.
    if (result.failure.kind === 'refused') {
      const fresh = await fetchCalls(token);
      if (fresh.ok) applySnapshot(fresh.value);
    }
    return failure.message;
  };

  const leave = async (): Promise<void> => {
    if (signingOut) return;
    setSigningOut(true);
    setConsoleError(undefined);
    const result = await signOut(token);
    setSigningOut(false);
    // Only a hub that heard us has switched us off; otherwise calls would still come to a
    // volunteer who believes they left. A session the hub no longer knows is over anyway.
    if (result.ok || (result.failure.kind === 'refused' && result.failure.status === 401)) return onSignedOut();
    setConsoleError(t('errors.signOutFailed'));
  };

  const serverNow = now + hub.clockOffsetMs;
  return (
    <>
      <ConsoleHeader demo={hub.demo ?? session.demo} />
      <main className="console-main">
        <ConnectionBanner status={hub.connection} />
        {/* New raised hands are said here on either page; the grid shows them too. */}
        <p ref={handsLive} className="visually-hidden hands-announcer" aria-live="assertive" />
        <nav aria-label={t('nav.label')}>
          <PressButton className="button button-secondary page-switch" onPress={() => setPage(page === 'calls' ? 'workshop' : 'calls')}>
            {page === 'calls'
              ? handsWaiting > 0
                ? t('nav.toWorkshopHands', { count: handsWaiting })
                : t('nav.toWorkshop')
              : needingHelp > 0
                ? t('nav.toCallsWaiting', { count: needingHelp })
                : t('nav.toCalls')}
          </PressButton>
        </nav>
        {consoleError ? (
          <p role="alert" className="form-error">
            {consoleError}
          </p>
        ) : null}
        {page === 'workshop' ? (
          <section className="workshop" aria-labelledby="workshop-heading">
            <h2 id="workshop-heading">{t('workshop.heading')}</h2>
            <WorkshopPage api={trainerApi} workshops={workshops} now={now} onSessionEnded={onSignedOut} />
          </section>
        ) : (
          <>
            <AvailabilitySwitch available={hub.available} busy={availabilityBusy} onChange={(wanted) => void changeAvailability(wanted)} />
            <section className="calls" aria-labelledby="calls-heading">
              <h2 id="calls-heading">{t('console.callsHeading')}</h2>
              {hub.calls.length === 0 ? (
                // "Nobody needs help" only once the hub has said so, never while the link is down.
                hub.synced ? (
                  <p className="calls-empty">{t('console.noCalls')}</p>
                ) : null
              ) : (
                <ul className="call-list">
                  {orderCalls(hub.calls).map((call) => (
                    <li key={call.id}>
                      <CallCard call={call} serverNow={serverNow} onCommand={command} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
        <section className="console-session" aria-labelledby="session-heading">
          <p id="session-heading">
            {t('console.signedInAs', { name: session.volunteerName })}
            <br />
            <span className="console-site">{session.siteName}</span>
          </p>
          <LanguageSwitch />
          <PressButton className="button button-secondary" aria-disabled={signingOut} onPress={() => void leave()}>
            {signingOut ? t('console.signingOut') : t('console.signOut')}
          </PressButton>
        </section>
      </main>
    </>
  );
}
