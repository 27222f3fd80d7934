import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshops } from './use-workshops.js';
import type { TrainerApi, TrainerFailure, WorkshopCommand } from './trainer-api.js';
import { StartWorkshop } from './start-workshop.js';
import { WorkshopPanel } from './workshop-panel.js';
import './workshop.css';

/** Props of {@link WorkshopPage}. */
export interface WorkshopPageProps {
  /** The trainer's calls: a volunteer's at their site, or a staff member's at the site they chose. */
  api: TrainerApi;
  workshops: Workshops;
  /** Now, by this device's clock (the page adds the hub's offset). */
  now: number;
  /** The hub no longer knows the session: sign in again, with this message. */
  onSessionEnded(message: string): void;
}

/**
 * "Taller": the site's running workshop(s), each with its code, grid and controls; when none runs,
 * the lessons to start one. Starting moves the focus to the new workshop's title; ending moves it
 * to the sentence that says what the workshop left (counts only).
 */
export function WorkshopPage({ api, workshops, now, onSessionEnded }: WorkshopPageProps) {
  const { t } = useTranslation();
  const { applyWorkshop, applyEnded } = workshops;
  const focusAfter = useRef<'started' | 'ended' | undefined>(undefined);
  const page = useRef<HTMLDivElement>(null);
  const running = workshops.workshops;

  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted) return;
    focusAfter.current = undefined;
    const target = page.current?.querySelector<HTMLElement>(wanted === 'started' ? '.workshop-title' : '.workshop-ended');
    if (target) {
      target.tabIndex = -1;
      target.focus();
    }
  }, [running, workshops.lastEnded]);

  const failed = (failure: TrainerFailure): string | undefined => {
    const text = failure(t);
    if (text.sessionEnded) {
      onSessionEnded(text.message);
      return undefined;
    }
    return text.message;
  };
  const start = async (lessonIds: string[]): Promise<string | undefined> => {
    const result = await api.start(lessonIds);
    if (!result.ok) return failed(result.failure);
    focusAfter.current = 'started';
    applyWorkshop(result.value);
    return undefined;
  };
  const command = async (workshopId: string, wanted: WorkshopCommand): Promise<string | undefined> => {
    const result = await api.command(workshopId, wanted);
    if (result.ok) {
      applyWorkshop(result.value);
      return undefined;
    }
    return failed(result.failure);
  };
  const end = async (workshopId: string): Promise<string | undefined> => {
    const result = await api.end(workshopId);
    if (!result.ok) return failed(result.failure);
    focusAfter.current = 'ended';
    applyEnded(workshopId, result.value);
    return undefined;
  };

  const serverNow = now + workshops.clockOffsetMs;
  return (
    <div className="workshop-page" ref={page}>
      {workshops.lastEnded && running.length === 0 ? (
        <p className="workshop-ended" role="status">
          {t('workshop.ended', { count: workshops.lastEnded.participants, lessons: workshops.lastEnded.lessonsCompleted })}
        </p>
      ) : null}
      {running.map((workshop) => (
        <WorkshopPanel key={workshop.id} workshop={workshop} serverNow={serverNow} onCommand={command} onEnd={end} />
      ))}
      {running.length === 0 ? workshops.synced ? <StartWorkshop api={api} onStart={start} /> : <p role="status">{t('workshop.connecting')}</p> : null}
    </div>
  );
}
