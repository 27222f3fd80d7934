import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PressButton } from '../press/press-button.js';

/** Props of {@link EndWorkshop}. */
export interface EndWorkshopProps {
  busy: boolean;
  onEnd(): void;
}

/**
 * "Terminar el taller", with a confirmation that says what ending does (the kiosks go back to
 * normal, nothing of the participants is kept). The question takes the focus; "No" gives it back.
 */
export function EndWorkshop({ busy, onEnd }: EndWorkshopProps) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  const back = (): void => {
    setAsking(false);
    window.setTimeout(() => endButton.current?.focus(), 0);
  };
  return (
    <section className="workshop-section workshop-end" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="visually-hidden">
        {t('workshop.end')}
      </h3>
      {asking ? (
        <div className="stack" role="group" aria-labelledby={`${id}-question`}>
          <p id={`${id}-question`} ref={question} tabIndex={-1} className="workshop-question">
            {t('workshop.endQuestion')}
          </p>
          <PressButton className="button button-danger" aria-disabled={busy} onPress={() => !busy && onEnd()}>
            {t('workshop.endYes')}
          </PressButton>
          <PressButton className="button button-secondary" onPress={back}>
            {t('workshop.endNo')}
          </PressButton>
        </div>
      ) : (
        <PressButton ref={endButton} className="button button-secondary" onPress={() => setAsking(true)}>
          {t('workshop.end')}
        </PressButton>
      )}
    </section>
  );
}
