import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopLesson } from '../../../core/protocol/workshop.js';
import { pickText } from '../../../core/text/pick-text.js';
import { PressButton } from '../press/press-button.js';
import type { TrainerApi } from './trainer-api.js';

/** Props of {@link StartWorkshop}. */
export interface StartWorkshopProps {
  api: TrainerApi;
  /** Starts with these lessons, in this order; resolves with a plain error message when it failed. */
  onStart(lessonIds: string[]): Promise<string | undefined>;
}

/**
 * Starting a workshop: the site's practice lessons as big tick boxes (in the order chosen, which
 * is the workshop's order), and "Empezar el taller".
 */
export function StartWorkshop({ api, onStart }: StartWorkshopProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [lessons, setLessons] = useState<WorkshopLesson[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    void api.fetchLessons().then((result) => {
      if (!live) return;
      if (result.ok) {
        setLessons(result.value);
        setLoadError(undefined);
      } else setLoadError(result.failure(t).message);
    });
    return () => {
      live = false;
    };
  }, [api, attempt, t]);

  const toggle = (lessonId: string): void =>
    setChosen((current) => (current.includes(lessonId) ? current.filter((chosenId) => chosenId !== lessonId) : [...current, lessonId]));
  const start = async (): Promise<void> => {
    if (busy) return;
    if (chosen.length === 0) return setError(t('workshop.chooseOne'));
    setBusy(true);
    setError(undefined);
    const failure = await onStart(chosen);
    setBusy(false);
    setError(failure);
  };

  return (
    <section className="workshop-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('workshop.chooseLessons')}</h3>
      <p className="workshop-hint">{t('workshop.chooseLessonsHint')}</p>
      {loadError ? (
        <div className="stack">
          <p role="alert" className="form-error">
            {loadError}
          </p>
          <PressButton className="button button-secondary" onPress={() => setAttempt((value) => value + 1)}>
            {t('workshop.retry')}
          </PressButton>
        </div>
      ) : lessons === undefined ? (
        <p role="status">{t('workshop.loadingLessons')}</p>
      ) : lessons.length === 0 ? (
        <p>{t('workshop.noLessons')}</p>
      ) : (
        <div className="stack">
          <ul className="lesson-list" aria-describedby={error ? `${id}-error` : undefined}>
            {lessons.map((lesson) => {
              const title = pickText(lesson.title, i18n.language);
              const order = chosen.indexOf(lesson.id);
              return (
                <li key={lesson.id}>
                  <PressButton
                    role="checkbox"
                    aria-checked={order >= 0}
                    className={`button lesson-choice${order >= 0 ? ' is-on' : ''}`}
                    onPress={() => toggle(lesson.id)}
                  >
                    <span className="check-mark" aria-hidden="true">
                      {order >= 0 ? order + 1 : ''}
                    </span>
                    <span lang={title.lang === i18n.language ? undefined : title.lang}>{title.text}</span>
                  </PressButton>
                </li>
              );
            })}
          </ul>
          {error ? (
            <p id={`${id}-error`} role="alert" className="form-error">
              {error}
            </p>
          ) : null}
          <PressButton className="button button-primary" aria-disabled={busy} onPress={() => void start()}>
            {busy ? t('workshop.starting') : t('workshop.start')}
          </PressButton>
        </div>
      )}
    </section>
  );
}
