import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopLesson, WorkshopSeat } from '../../../core/protocol/workshop.js';
import { pickText } from '../../../core/text/pick-text.js';
import { hasFinished, stuckMinutes } from '../../../core/workshop/grid.js';
import { PressButton } from '../press/press-button.js';

/** Props of {@link SeatCard}. */
export interface SeatCardProps {
  seat: WorkshopSeat;
  lessons: readonly WorkshopLesson[];
  /** Now, by the hub's clock. */
  serverNow: number;
  /** Everyone is held by the trainer (paused, or brought to one step): nobody counts as stuck. */
  held: boolean;
  busy: boolean;
  /** "Voy": answers the raised hand. */
  onAnswer(seat: number): void;
}

/** "Puesto 3", or the first name the senior typed. */
export function seatName(seat: Pick<WorkshopSeat, 'seat' | 'firstName'>, t: (key: string, options?: Record<string, unknown>) => string): string {
  return seat.firstName ? seat.firstName : t('workshop.seat', { seat: seat.seat });
}

/**
 * One participant on the trainer's grid: the seat (or first name, with the seat under it), the
 * lesson and step they are on, and what needs the trainer, in words and not by colour alone: a
 * raised hand with "Voy", who answered it, finished, or "Lleva 4 min en este paso".
 */
export function SeatCard({ seat, lessons, serverNow, held, busy, onAnswer }: SeatCardProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.language;
  const langIfOther = (lang: string) => (lang === language ? undefined : lang);
  const lesson = lessons.find((candidate) => candidate.id === seat.lessonId);
  const lessonTitle = lesson ? pickText(lesson.title, language) : undefined;
  const stepTitle = seat.stepTitle ? pickText(seat.stepTitle, language) : undefined;
  const finished = hasFinished(seat, lessons.length);
  const stuck = stuckMinutes(seat, lessons.length, serverNow, held);
  const name = seatName(seat, t);
  const heading = useRef<HTMLHeadingElement>(null);
  // "Voy" goes away once the hand is answered: the focus it had goes to the seat's name, where
  // "Ana va para allá" is read next, rather than to the top of the page.
  const answering = useRef(false);
  useEffect(() => {
    if (seat.hand === 'raised' || !answering.current) return;
    answering.current = false;
    if (document.activeElement === document.body || document.activeElement === null) heading.current?.focus();
  }, [seat.hand]);
  const tone = seat.hand === 'raised' ? 'hand' : stuck !== undefined ? 'stuck' : finished ? 'finished' : 'plain';
  return (
    <article className={`seat-card seat-card-${tone}`} aria-labelledby={`${id}-name`}>
      {seat.hand === 'raised' ? <p className="seat-hand">{t('workshop.handRaised')}</p> : null}
      <h4 id={`${id}-name`} ref={heading} tabIndex={-1} className="seat-name">
        {name}
      </h4>
      {seat.firstName ? <p className="seat-number">{t('workshop.seat', { seat: seat.seat })}</p> : null}
      {finished ? (
        <p className="seat-finished">
          <span aria-hidden="true">✓ </span>
          {t('workshop.finished')}
        </p>
      ) : lessonTitle ? (
        <dl className="seat-place">
          <div>
            <dt className="visually-hidden">{t('workshop.lesson')}:</dt>
            <dd className="seat-lesson" lang={langIfOther(lessonTitle.lang)}>
              {lessonTitle.text}
            </dd>
          </div>
          <div>
            <dt>{t('workshop.step')}:</dt>{' '}
            {stepTitle ? (
              <dd lang={langIfOther(stepTitle.lang)}>{stepTitle.text}</dd>
            ) : (
              // The hub withholds a private step's title, as for help calls: the senior types something of their own there.
              <dd className="call-private">{t('workshop.privateStep')}</dd>
            )}
          </div>
        </dl>
      ) : (
        <p className="seat-waiting">{t('workshop.notStarted')}</p>
      )}
      {stuck !== undefined ? <p className="seat-stuck">{t('workshop.stuck', { count: stuck })}</p> : null}
      {seat.hand === 'answered' ? <p className="seat-answered">{t('workshop.handAnswered', { name: seat.handAnsweredBy ?? t('workshop.someone') })}</p> : null}
      {seat.hand === 'raised' ? (
        <PressButton
          className="button button-primary"
          aria-disabled={busy}
          aria-describedby={`${id}-name`}
          onPress={() => {
            if (busy) return;
            answering.current = true;
            onAnswer(seat.seat);
          }}
        >
          {t('workshop.answer')}
        </PressButton>
      ) : null}
    </article>
  );
}
