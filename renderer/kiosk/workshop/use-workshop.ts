/**
 * A kiosk session's part in a workshop (issue 18), kept in the session itself (so the session's
 * end wipes it with the answers): the hub's pushed view of this kiosk (`kiosk.workshop` over the
 * page's one link), the progress report at every new step (lesson and step ids only), the quiz
 * answers as right or wrong, the trainer's "Miren todos aquí" (the screen moves to that step),
 * and the end (the screen goes to the workshop's end). Decisions: core/kiosk/workshop-participation.ts.
 */
import { useEffect, useRef, type Dispatch, type SetStateAction } from 'react';
import type { Procedure } from '../../../core/procedure/schema.js';
import { navigate } from '../../../core/kiosk/session-navigator.js';
import { followToTake, progressReport, quizAnswersToReport } from '../../../core/kiosk/workshop-participation.js';
import { useKioskLink } from '../hub-api/kiosk-link.js';
import type { KioskSession } from '../session/kiosk-session.js';
import { leaveWorkshop, reportProgress, reportQuizAnswer } from './workshop-api.js';

/** Keeps the session's workshop in step with the hub; see the file's comment. */
export function useWorkshop(token: string, session: KioskSession, setSession: Dispatch<SetStateAction<KioskSession>>, lessons: readonly Procedure[]): void {
  const link = useKioskLink();
  const workshopId = session.workshop?.view.id;
  const ended = session.workshop?.view.state === 'ended';

  // The session's end (Terminar, Salir del taller, the idle wipe) takes its workshop with it: the
  // kiosk leaves, and the hub deletes its seat and first name at once. Not after the workshop's
  // own end: the hub has deleted them already.
  const leaveOnEnd = useRef<string | undefined>(undefined);
  useEffect(() => {
    const was = leaveOnEnd.current;
    leaveOnEnd.current = workshopId !== undefined && !ended ? workshopId : undefined;
    if (was !== undefined && workshopId !== was) leaveWorkshop(token);
  }, [workshopId, ended, token]);

  // The hub's news of this kiosk's seat: the hand, a pause, a follow target, the end.
  useEffect(() => {
    if (workshopId === undefined) return;
    return link.on('kiosk.workshop', (message) => {
      setSession((current) => {
        const taking = current.workshop;
        // Another session's workshop (a late copy after a wipe) is not this one's news.
        if (!taking || taking.view.id !== workshopId) return current;
        const view = message.workshop;
        if (!view || view.id !== workshopId || view.state === 'ended') {
          // Ended (or this kiosk's seat is gone): the end screen, the lessons done kept for the certificate.
          return {
            ...current,
            screen: navigate(current.screen, { type: 'workshop-ended' }),
            workshop: { ...taking, view: { ...taking.view, state: 'ended', hand: 'down' } },
          };
        }
        return { ...current, workshop: { ...taking, view } };
      });
    });
  }, [link, workshopId, setSession]);

  // Follow-the-leader: each new target moves the screen once.
  const follow = session.workshop ? followToTake(session.workshop.view, session.workshop.followedAt) : undefined;
  const followKey = follow ? `${follow.lessonId}/${follow.stepId}@${follow.at}` : '';
  useEffect(() => {
    if (!follow) return;
    const lesson = lessons.find((candidate) => candidate.id === follow.lessonId);
    setSession((current) => {
      if (!current.workshop) return current;
      const screen = lesson ? navigate(current.screen, { type: 'workshop-follow', lesson, stepId: follow.stepId }) : current.screen;
      return { ...current, screen, workshop: { ...current.workshop, followedAt: follow.at } };
    });
    // The key says all the effect needs: a new target.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [followKey, lessons, setSession]);

  // Every new step of a lesson is reported: the lesson's id and the step's, never an answer.
  const { screen } = session;
  const place = workshopId !== undefined && screen.name === 'steps' ? { lessonId: screen.procedureId, stepId: screen.engine.current } : undefined;
  const finished = session.workshop?.finished.join(',') ?? '';
  const placeKey = place ? `${place.lessonId}/${place.stepId}|${finished}` : '';
  const latest = useRef(session);
  useEffect(() => {
    latest.current = session;
  });
  useEffect(() => {
    const taking = latest.current.workshop;
    if (!place || !taking) return;
    const report = progressReport(place, taking.finished, taking.view);
    if (report) reportProgress(token, report);
    // placeKey holds the place and the lessons finished.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [placeKey, token]);

  // A quiz answered: right or wrong, once per question and session.
  const reported = useRef(new Set<string>());
  useEffect(() => {
    if (workshopId === undefined) reported.current = new Set();
  }, [workshopId]);
  const answers = screen.name === 'steps' ? screen.engine.answers : undefined;
  useEffect(() => {
    if (workshopId === undefined || screen.name !== 'steps' || !answers) return;
    const lesson = lessons.find((candidate) => candidate.id === screen.procedureId);
    if (!lesson) return;
    for (const report of quizAnswersToReport(lesson, screen.engine, reported.current)) {
      reported.current.add(`${report.lessonId}/${report.stepId}`);
      reportQuizAnswer(token, report);
    }
    // The answers are what changes; the screen is read with them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answers, workshopId, lessons, token]);
}
