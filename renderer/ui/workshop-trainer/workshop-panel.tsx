import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainerWorkshopView } from '../../../core/protocol/workshop.js';
import { pickText } from '../../../core/text/pick-text.js';
import { orderSeats } from '../../../core/workshop/grid.js';
import type { WorkshopCommand } from './trainer-api.js';
import { EndWorkshop } from './end-workshop.js';
import { JoinCode } from './join-code.js';
import { PaceControls } from './pace-controls.js';
import { PauseControls } from './pause-controls.js';
import { SeatCard } from './seat-card.js';

/** Props of {@link WorkshopPanel}. */
export interface WorkshopPanelProps {
  workshop: TrainerWorkshopView;
  /** Now, by the hub's clock. */
  serverNow: number;
  /** Sends a command; resolves with a plain error message when it failed. */
  onCommand(workshopId: string, command: WorkshopCommand): Promise<string | undefined>;
  onEnd(workshopId: string): Promise<string | undefined>;
}

/**
 * One running workshop as its trainer leads it: the join code, the live grid of participants
 * (waiting hands first), the pace ("A su ritmo" / "Miren todos aquí"), pause and resume, and the end.
 */
export function WorkshopPanel({ workshop, serverNow, onCommand, onEnd }: WorkshopPanelProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = async (action: () => Promise<string | undefined>): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const failure = await action();
    setBusy(false);
    setError(failure);
  };
  const command = (wanted: WorkshopCommand): void => void run(() => onCommand(workshop.id, wanted));
  const held = workshop.state === 'paused' || workshop.follow !== null;
  const lessons = workshop.lessons.map((lesson) => pickText(lesson.title, i18n.language).text).join(' · ');
  return (
    <section className="workshop-panel" aria-labelledby={`${id}-title`}>
      <div>
        <h3 id={`${id}-title`} className="workshop-title">
          {t('workshop.ledBy', { name: workshop.startedBy })}
        </h3>
        <p className="workshop-lessons">{lessons}</p>
      </div>
      {workshop.state === 'paused' ? <p className="workshop-paused-banner">{t('workshop.pausedNow', { message: workshop.pauseMessage ?? '' })}</p> : null}
      <JoinCode code={workshop.code} />
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <section className="workshop-section" aria-labelledby={`${id}-people`}>
        <h3 id={`${id}-people`}>{t('workshop.participantsHeading', { count: workshop.seats.length })}</h3>
        {workshop.seats.length === 0 ? (
          <p className="workshop-empty">{t('workshop.noParticipants')}</p>
        ) : (
          <ul className="seat-grid">
            {orderSeats(workshop.seats).map((seat) => (
              <li key={seat.seat}>
                <SeatCard
                  seat={seat}
                  lessons={workshop.lessons}
                  serverNow={serverNow}
                  held={held}
                  busy={busy}
                  onAnswer={(number) => command({ action: 'answer-hand', seat: number })}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <PaceControls key={workshop.id} workshop={workshop} busy={busy} onFollow={(target) => command({ action: 'follow', target })} />
      <PauseControls
        workshop={workshop}
        busy={busy}
        onPause={(message) => command({ action: 'pause', message })}
        onResume={() => command({ action: 'resume' })}
      />
      <EndWorkshop busy={busy} onEnd={() => void run(() => onEnd(workshop.id))} />
    </section>
  );
}
