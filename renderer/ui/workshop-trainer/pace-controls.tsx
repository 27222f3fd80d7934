import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonPlace, TrainerWorkshopView } from '../../../core/protocol/workshop.js';
import { pickText } from '../../../core/text/pick-text.js';
import { PressButton } from '../press/press-button.js';

/** Props of {@link PaceControls}. */
export interface PaceControlsProps {
  workshop: TrainerWorkshopView;
  busy: boolean;
  /** Brings everyone to a step, or (null) lets everyone go at their own pace. */
  onFollow(target: LessonPlace | null): void;
}

/**
 * "A su ritmo" or "Miren todos aquí": says in words which one holds now, and changes it. Bringing
 * everyone to a step first asks which (a lesson and one of its steps, the lesson they are on
 * suggested); the question takes the focus, and going back returns it to the button.
 */
export function PaceControls({ workshop, busy, onFollow }: PaceControlsProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.language;
  const [choosing, setChoosing] = useState(false);
  const firstLesson = workshop.lessons[0];
  const [lessonId, setLessonId] = useState(workshop.follow?.lessonId ?? firstLesson?.id ?? '');
  const lesson = workshop.lessons.find((candidate) => candidate.id === lessonId) ?? firstLesson;
  const [stepId, setStepId] = useState(workshop.follow?.stepId ?? lesson?.steps[0]?.id ?? '');
  const question = useRef<HTMLHeadingElement>(null);
  const followButton = useRef<HTMLButtonElement>(null);
  const following = workshop.follow !== null;
  const before = useRef({ choosing, following });
  useEffect(() => {
    const was = before.current;
    before.current = { choosing, following };
    if (choosing && !was.choosing) question.current?.focus();
    // The chooser closed, or "A su ritmo" went away with the mode it ended: if the focus was on
    // a control that is gone, it goes to the button that is there now.
    else if ((was.choosing && !choosing) || (was.following && !following)) {
      if (document.activeElement === document.body || document.activeElement === null) followButton.current?.focus();
    }
  }, [choosing, following]);

  const follow = workshop.follow;
  const followLesson = follow ? workshop.lessons.find((candidate) => candidate.id === follow.lessonId) : undefined;
  const followStep = followLesson?.steps.find((step) => step.id === follow?.stepId);
  const close = (): void => setChoosing(false);
  const chooseLesson = (next: string): void => {
    setLessonId(next);
    setStepId(workshop.lessons.find((candidate) => candidate.id === next)?.steps[0]?.id ?? '');
  };
  const bring = (): void => {
    if (busy || !lesson || !stepId) return;
    onFollow({ lessonId: lesson.id, stepId });
    setChoosing(false);
  };

  return (
    <section className="workshop-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('workshop.paceHeading')}</h3>
      <p className="workshop-state-line" role="status">
        {follow && followLesson && followStep
          ? t('workshop.followingNow', { lesson: pickText(followLesson.title, language).text, step: pickText(followStep.title, language).text })
          : t('workshop.ownPaceNow')}
      </p>
      {choosing ? (
        <div className="stack" role="group" aria-labelledby={`${id}-question`}>
          <h4 id={`${id}-question`} ref={question} tabIndex={-1} className="workshop-question">
            {t('workshop.followQuestion')}
          </h4>
          <div className="field">
            <label htmlFor={`${id}-lesson`}>{t('workshop.lesson')}</label>
            <select id={`${id}-lesson`} value={lesson?.id ?? ''} onChange={(event) => chooseLesson(event.target.value)}>
              {workshop.lessons.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {pickText(candidate.title, language).text}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-step`}>{t('workshop.step')}</label>
            <select id={`${id}-step`} value={stepId} onChange={(event) => setStepId(event.target.value)}>
              {(lesson?.steps ?? []).map((step, index) => (
                <option key={step.id} value={step.id}>
                  {`${index + 1}. ${pickText(step.title, language).text}`}
                </option>
              ))}
            </select>
          </div>
          <PressButton className="button button-primary" aria-disabled={busy} onPress={bring}>
            {t('workshop.bringEveryone')}
          </PressButton>
          <PressButton className="button button-secondary" onPress={close}>
            {t('workshop.back')}
          </PressButton>
        </div>
      ) : (
        <div className="stack">
          <PressButton ref={followButton} className="button button-primary" aria-disabled={busy} onPress={() => !busy && setChoosing(true)}>
            {follow ? t('workshop.followOther') : t('workshop.follow')}
          </PressButton>
          {follow ? (
            <PressButton className="button button-secondary" aria-disabled={busy} onPress={() => !busy && onFollow(null)}>
              {t('workshop.ownPace')}
            </PressButton>
          ) : null}
        </div>
      )}
    </section>
  );
}
