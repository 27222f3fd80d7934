/**
 * The not-authorised screen (issue 13): when the hub refuses the kiosk's device token (wrong
 * from the start, or revoked while a senior is at the screen) the whole kiosk gives way to it at
 * once, in the session's language: a sentence for staff, where the senior can ask in person,
 * and for staff what to do. It is not the "no connection" message: this kiosk will not work
 * again until staff give it a new device key, however long it waits.
 *
 * The kiosk's session is unmounted with it, so no answer stays in memory or on screen.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../core/audio/screen-speech.js';
import { useSpeech, useSpeechAvailability } from '../audio/speech-context.js';
import { knownInPersonPlace, useDeviceRefused } from './device-access.js';
import './unauthorised.css';

/** The kiosk while the hub admits it; the not-authorised screen from the first refusal on. */
export function UnauthorisedGate({ children }: { children: ReactNode }) {
  return useDeviceRefused() ? <UnauthorisedScreen /> : children;
}

/** The screen itself. */
export function UnauthorisedScreen() {
  const { t } = useTranslation();
  const speech = useSpeech();
  const ready = useSpeechAvailability() === 'ready';
  // Read once: the hub gives no newer one to a kiosk it refuses.
  const [place] = useState(knownInPersonPlace);
  // Said for the senior in front of it; the site's own sentence is shown, not said (only the hub
  // can speak a site's sentence, and it no longer answers this kiosk).
  useEffect(() => {
    if (ready) speech.say([ui('unauthorised.heading'), ui('unauthorised.seniorLead'), ...(place === undefined ? [ui('unauthorised.placeUnknown')] : [])]);
  }, [speech, ready, place]);
  return (
    <div className="kiosk unauthorised">
      <main className="unauthorised-screen" aria-labelledby="unauthorised-heading" data-device-refused>
        <h1 id="unauthorised-heading">{t('unauthorised.heading')}</h1>
        <section className="unauthorised-senior" aria-label={t('unauthorised.seniorLead')}>
          <p>{t('unauthorised.seniorLead')}</p>
          {/* Staff write the site's sentence in one language: its own direction, inside an Arabic page too. */}
          {place !== undefined ? (
            <p className="unauthorised-place" dir="auto">
              {place}
            </p>
          ) : (
            <p className="unauthorised-place">{t('unauthorised.placeUnknown')}</p>
          )}
        </section>
        <p className="unauthorised-staff">{t('unauthorised.forStaff')}</p>
      </main>
    </div>
  );
}
