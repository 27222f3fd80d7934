import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { callOutcomes, type CallOutcome } from '../../../core/help-call/states.js';
import { PressButton } from '../../ui/press/press-button.js';

/** Props of {@link OutcomeChooser}. */
export interface OutcomeChooserProps {
  busy: boolean;
  onChoose(outcome: CallOutcome): void;
  onBack(): void;
}

/**
 * "¿Cómo ha terminado?": three big answers (solved, needs an office, needs an appointment) and
 * a way back. The question takes the focus when it appears, so a screen reader reads it first.
 */
export function OutcomeChooser({ busy, onChoose, onBack }: OutcomeChooserProps) {
  const { t } = useTranslation();
  const id = useId();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => question.current?.focus(), []);
  return (
    <div className="stack outcome-chooser" role="group" aria-labelledby={`${id}-question`}>
      <p id={`${id}-question`} ref={question} tabIndex={-1} className="outcome-question">
        {t('call.outcomeQuestion')}
      </p>
      {callOutcomes.map((outcome) => (
        <PressButton key={outcome} className="button button-primary" aria-disabled={busy} onPress={() => !busy && onChoose(outcome)}>
          {t(`call.outcome.${outcome}`)}
        </PressButton>
      ))}
      <PressButton className="button button-secondary" onPress={onBack}>
        {t('call.back')}
      </PressButton>
    </div>
  );
}
