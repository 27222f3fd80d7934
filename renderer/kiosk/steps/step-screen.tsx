/**
 * One step of a procedure, of any kind, driven only by the core step engine: the engine decides
 * what comes next, what "Atrás" and "Corregir" mean and whether an answer is good enough; this
 * screen shows it and explains a refusal in words (describeError).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { answerStep, compileProcedure, correctAnswer, getProgress, goBack, goNext, reviewLines, type EngineResult, type SessionState } from '../../../core/engine/index.js';
import type { Procedure, Step, StepOf } from '../../../core/procedure/schema.js';
import { validationUtterance } from '../../../core/audio/screen-speech.js';
import { describeError, messageLanguageFor } from '../../../core/validation/index.js';
import { useSpeech } from '../audio/speech-context.js';
import { GlossaryText } from '../glossary/glossary-text.js';
import { applyKey } from '../keyboard/keyboard-layout.js';
import { OnScreenKeyboard } from '../keyboard/on-screen-keyboard.js';
import { DoneSheet } from './done-sheet.js';
import { displayAnswer } from '../../../core/kiosk/answer-display.js';
import { StepPicture } from './step-picture.js';
import { procedureLanguage, type ProcedureLanguage } from './procedure-language.js';

/** Props of {@link StepScreen}. */
export interface StepScreenProps {
  procedure: Procedure;
  state: SessionState;
  language: string;
  onChange: (state: SessionState) => void;
  onEnd: () => void;
  /**
   * Where "Atrás" / "Siguiente" go: the slot in the help dock at the bottom, whose height the
   * page reserves, so the bar never covers a choice. Without it the bar stays in the page.
   */
  navSlot?: HTMLElement | null;
  /** The tremor option of the comfort screen, for the on-screen keyboard. */
  ignoreRepeats?: boolean;
}

/** The step on screen, with "Paso 3 de 7", its content and "Atrás" / "Siguiente". */
export function StepScreen(props: StepScreenProps) {
  const { procedure, state } = props;
  const step = compileProcedure(procedure).stepById.get(state.current);
  if (!step) return null;
  // A new step starts with a fresh draft and no error.
  return <StepBody key={`${state.current}:${state.trail.length}`} {...props} step={step} />;
}

function StepBody({ procedure, state, language, onChange, onEnd, navSlot, ignoreRepeats = false, step }: StepScreenProps & { step: Step }) {
  const { t } = useTranslation();
  const words = procedureLanguage(procedure, language);
  const { lang, text } = words;
  const [error, setError] = useState<string | undefined>(undefined);
  // Refusals are told in the senior's language when core has sentences for it (es, en, ar).
  const errorLang = messageLanguageFor(language);
  const progress = getProgress(procedure, state);
  const speech = useSpeech();

  const apply = (result: EngineResult): boolean => {
    if (result.ok) {
      setError(undefined);
      onChange(result.state);
      return true;
    }
    setError(describeError(result.error.code, errorLang));
    // The refusal is said as well as shown (ACCESSIBILITY.md forms row).
    speech.say([validationUtterance(result.error.code, errorLang)]);
    return false;
  };
  const next = (from: SessionState = state): void => void apply(goNext(procedure, from));

  return (
    <main className="kiosk-screen step" data-step-kind={step.kind}>
      <p className="step-progress">{t('step.progress', { position: progress.position, total: progress.total })}</p>
      <h1 lang={lang} data-step={step.id} {...{ elementtiming: 'step' }}>{text(step.title)}</h1>
      <p className="step-text" lang={lang}>
        <GlossaryText text={text(step.text)} procedure={procedure} words={words} />
      </p>
      {step.image ? <StepPicture image={step.image} words={words} /> : null}
      {step.kind === 'question' ? <QuestionChoices step={step} words={words} selected={state.answers[step.id]} onChoose={(choiceId) => {
        const answered = answerStep(procedure, state, { choiceId });
        if (apply(answered) && answered.ok) next(answered.state);
      }} /> : null}
      {step.kind === 'input' ? (
        <InputField
          step={step}
          words={words}
          initial={state.answers[step.id]?.kind === 'text' ? displayAnswer(step.format, (state.answers[step.id] as { value: string }).value) : ''}
          error={error}
          errorLang={errorLang}
          ignoreRepeats={ignoreRepeats}
          onSubmit={(value) => {
            const answered = answerStep(procedure, state, { text: value });
            if (apply(answered) && answered.ok) next(answered.state);
          }}
        />
      ) : null}
      {step.kind === 'checklist' ? <Checklist step={step} words={words} state={state} onToggle={(checked) => void apply(answerStep(procedure, state, { checked }))} /> : null}
      {step.kind === 'review' ? <Review procedure={procedure} state={state} words={words} onCorrect={(stepId) => void apply(correctAnswer(procedure, state, stepId))} /> : null}
      {step.kind === 'handoff' ? <p className="step-hint">{t('step.handoff')}</p> : null}
      {step.kind === 'done' ? <DoneSheet step={step} procedure={procedure} words={words} /> : null}
      {error !== undefined && step.kind !== 'input' ? (
        <p className="step-error" role="alert" lang={errorLang}>
          {error}
        </p>
      ) : null}
      <StepNav slot={navSlot}>
        {state.trail.length > 0 && step.kind !== 'done' ? (
          <button type="button" className="kiosk-button" onClick={() => onChange(goBack(procedure, state))}>
            {t('step.back')}
          </button>
        ) : null}
        {step.kind === 'done' ? (
          <button type="button" className="kiosk-button kiosk-button-primary" onClick={onEnd}>
            {t('session.end')}
          </button>
        ) : step.kind === 'question' ? null : step.kind === 'input' ? (
          <button type="submit" form="step-input-form" className="kiosk-button kiosk-button-primary">
            {t('step.next')}
          </button>
        ) : (
          <button type="button" className="kiosk-button kiosk-button-primary" onClick={() => next()}>
            {t('step.next')}
          </button>
        )}
      </StepNav>
    </main>
  );
}

/** The bar with "Atrás" / "Siguiente", in the help dock's slot when there is one. */
function StepNav({ slot, children }: { slot: HTMLElement | null | undefined; children: ReactNode }) {
  const bar = <div className="step-nav no-print">{children}</div>;
  return slot ? createPortal(bar, slot) : bar;
}

function QuestionChoices({ step, words, selected, onChoose }: { step: StepOf<'question'>; words: ProcedureLanguage; selected: SessionState['answers'][string] | undefined; onChoose: (choiceId: string) => void }) {
  return (
    <div className="button-column">
      {step.choices.map((choice) => (
        <button
          key={choice.id}
          type="button"
          className="kiosk-button kiosk-button-large"
          lang={words.lang}
          aria-pressed={selected?.kind === 'choice' && selected.choiceId === choice.id}
          onClick={() => onChoose(choice.id)}
        >
          {words.text(choice.label)}
        </button>
      ))}
    </div>
  );
}

function InputField({ step, words, initial, error, errorLang, ignoreRepeats, onSubmit }: { step: StepOf<'input'>; words: ProcedureLanguage; initial: string; error: string | undefined; errorLang: string; ignoreRepeats: boolean; onSubmit: (value: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit(value);
  };
  const numeric = step.format === 'phone' || step.format === 'mobile' || step.format === 'postcode' || step.format === 'number';
  return (
    <form id="step-input-form" className={`step-input${numeric || step.format === 'date' ? ' step-input-pad' : ''}`} onSubmit={submit} noValidate>
      <div className="step-input-field">
      <label htmlFor="step-input" lang={words.lang}>
        {words.text(step.label)}
      </label>
      <input
        id="step-input"
        name="answer"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        inputMode={numeric ? 'numeric' : 'text'}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? 'step-input-error' : step.example ? 'step-input-example' : undefined}
      />
      {step.example ? (
        <p id="step-input-example" className="step-hint">
          {t('step.example', { example: step.example })}
        </p>
      ) : null}
      {error !== undefined ? (
        <p id="step-input-error" className="step-error" role="alert" lang={errorLang}>
          {error}
        </p>
      ) : null}
      </div>
      <OnScreenKeyboard format={step.format} ignoreRepeats={ignoreRepeats} onKey={(key) => setValue((current) => applyKey(current, key))} />
    </form>
  );
}

function Checklist({ step, words, state, onToggle }: { step: StepOf<'checklist'>; words: ProcedureLanguage; state: SessionState; onToggle: (checked: string[]) => void }) {
  const answer = state.answers[step.id];
  const checked = answer?.kind === 'checklist' ? answer.checked : [];
  return (
    <div className="button-column">
      {step.items.map((item) => {
        const on = checked.includes(item.id);
        return (
          <button key={item.id} type="button" className="kiosk-button checklist-item" role="checkbox" aria-checked={on} lang={words.lang} onClick={() => onToggle(on ? checked.filter((id) => id !== item.id) : [...checked, item.id])}>
            <span aria-hidden="true" className="checklist-box">
              {on ? '✔' : ''}
            </span>
            {words.text(item.label)}
          </button>
        );
      })}
    </div>
  );
}

function Review({ procedure, state, words, onCorrect }: { procedure: Procedure; state: SessionState; words: ProcedureLanguage; onCorrect: (stepId: string) => void }) {
  const { t } = useTranslation();
  const lines = reviewLines(procedure, state);
  if (lines.length === 0) return <p>{t('step.nothingToReview')}</p>;
  return (
    <dl className="review-list">
      {lines.map((line) => (
        <div key={line.stepId} className="review-line">
          <dt lang={words.lang}>{words.text(line.label)}</dt>
          <dd lang={line.value.kind === 'text' ? undefined : words.lang}>
            {line.value.kind === 'text' ? displayAnswer(inputFormatOf(procedure, line.stepId), line.value.value) : line.value.kind === 'choice' ? words.text(line.value.label) : line.value.labels.map((label) => words.text(label)).join(', ')}
          </dd>
          <dd>
            <button type="button" className="kiosk-button" aria-label={`${t('step.correct')}: ${words.text(line.label)}`} onClick={() => onCorrect(line.stepId)}>
              {t('step.correct')}
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The format of an input step, for showing its stored answer as the senior wrote it. */
function inputFormatOf(procedure: Procedure, stepId: string): StepOf<'input'>['format'] {
  const step = compileProcedure(procedure).stepById.get(stepId);
  return step?.kind === 'input' ? step.format : 'text';
}
