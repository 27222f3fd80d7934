/**
 * One step of a procedure, of any kind, driven only by the core step engine: the engine decides
 * what comes next, what "Atrás" and "Corregir" mean and whether an answer is good enough; this
 * screen shows it and explains a refusal in words (describeError).
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  answerStep,
  compileProcedure,
  correctAnswer,
  getProgress,
  goBack,
  goNext,
  quizView,
  reviewLines,
  type EngineResult,
  type SessionState,
} from '../../../core/engine/index.js';
import type { Procedure, Step, StepOf } from '../../../core/procedure/schema.js';
import { stepPrivacy, validationUtterance } from '../../../core/audio/screen-speech.js';
import type { Utterance } from '../../../core/audio/channel.js';
import { procedurePromptId, uiPromptId } from '../../../core/audio/prompt-names.js';
import { characterPromptId } from '../../../core/tactile/describe.js';
import { namedCharacters } from '../../../core/tactile/spoken-prompts.js';
import { fieldKeyEvent, type FieldKey } from '../tactile/field-typing.js';
import { skippedBySpokenMode, spokenAs, spokenBack, spokenUi } from '../tactile/spoken-attributes.js';
import { describeError, messageLanguageFor } from '../../../core/validation/index.js';
import { useSpeech } from '../audio/speech-context.js';
import { GlossaryText } from '../glossary/glossary-text.js';
import { applyKey } from '../keyboard/keyboard-layout.js';
import { OnScreenKeyboard } from '../keyboard/on-screen-keyboard.js';
import { PressButton } from '../../ui/press/press-button.js';
import { sentencesOf } from '../../../core/text/sentences.js';
import { doneSheetBlocks, PrintButton, TakeHomeQr } from './done-sheet.js';
import { takeHomeAddress } from '../../../core/kiosk/take-home.js';
import { displayAnswer } from '../../../core/kiosk/answer-display.js';
import { StepPicture } from './step-picture.js';
import { useFitParts } from '../fit/use-fit-parts.js';
import { PartNav } from '../fit/part-nav.js';
import { procedureLanguage, type ProcedureLanguage } from './procedure-language.js';
import { quizAskBlocks, quizExplainBlocks } from './quiz-blocks.js';
import { practiceOffer, type PracticeOffer } from '../../../core/kiosk/practice.js';
import { PracticeCode, PracticeFill, PracticeWebLink, usePracticeLook } from '../practice/practice-look.js';
import { ChoiceButton } from './choice-button.js';

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
  /** Told how many parts the step is split into to fit the screen (the spoken "there is more"). */
  onParts?: (parts: number) => void;
  /**
   * Asked before going on from a step that sends (`submits`): the kiosk shows "¿Lo envía ya?"
   * and calls `proceed` on "Sí". Without it the step goes on at once (the staff preview).
   */
  onConfirmSend?: (proceed: () => void) => void;
  /** Told whether the field holds typed text not yet answered ("lo que ha escrito" too). */
  onDraft?: (typed: boolean) => void;
}

/** The step on screen, with "Paso 3 de 7", its content and "Atrás" / "Siguiente". */
export function StepScreen(props: StepScreenProps) {
  const { procedure, state } = props;
  const step = compileProcedure(procedure).stepById.get(state.current);
  if (!step) return null;
  // A new step starts with a fresh draft and no error; so does a quiz's explanation (its answer in the key).
  const answer = step.kind === 'quiz' ? state.answers[step.id] : undefined;
  const phase = answer?.kind === 'choice' ? `:${answer.choiceId}` : '';
  return <StepBody key={`${state.current}:${state.trail.length}${phase}`} {...props} step={step} />;
}

function StepBody({ procedure, state, language, onChange, onEnd, navSlot, onParts, onConfirmSend, onDraft, step }: StepScreenProps & { step: Step }) {
  const { t } = useTranslation();
  const words = procedureLanguage(procedure, language);
  const { lang, text } = words;
  const [error, setError] = useState<string | undefined>(undefined);
  // Refusals are told in the senior's language when core has sentences for it (es, en, ar).
  const errorLang = messageLanguageFor(language);
  const progress = getProgress(procedure, state);
  const speech = useSpeech();
  // The PRÁCTICA look (issue 18): made-up data offered where real data would be asked for.
  const practice = usePracticeLook(procedure);
  const offer = practiceOffer(step, practice);

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
  // What a control of this step is called in the spoken mode: the same prompt its text is spoken by.
  const privacy = stepPrivacy(step);
  const spokenText = (...where: string[]): Utterance[] => [{ id: procedurePromptId(procedure.id, ['steps', step.id, ...where]), language: lang, privacy }];
  // A step that sends asks first; the answer it goes on with is already checked.
  const forward = (proceed: () => void): void => (step.submits === true && onConfirmSend ? onConfirmSend(proceed) : proceed());

  // What the screen shows, as blocks the fit pager may spread over parts; the progress, the
  // heading and a refusal are on every part, so the senior always sees where they are and what went wrong.
  const blocks: { key: string; node: ReactNode }[] = [];
  // A quiz answered explains on the same step, under the same heading, instead of asking (issue 18).
  const quiz = step.kind === 'quiz' ? quizView(procedure, state) : undefined;
  const explaining = quiz?.phase === 'explain';
  if (!explaining)
    sentencesOf(text(step.text)).forEach((sentence, index) =>
      blocks.push({
        key: `text-${index}`,
        node: (
          <p className="step-text" lang={lang}>
            <GlossaryText text={sentence} procedure={procedure} words={words} />
          </p>
        ),
      }),
    );
  if (step.image && !explaining) blocks.push({ key: 'image', node: <StepPicture image={step.image} words={words} /> });
  if (offer?.kind === 'show') blocks.push({ key: 'practice-code', node: <PracticeCode value={offer.value} /> });
  if (step.kind === 'question') {
    const selected = state.answers[step.id];
    step.choices.forEach((choice, index) => {
      blocks.push({
        key: `choice-${choice.id}`,
        node: (
          <ChoiceButton
            choice={choice}
            index={index}
            count={step.choices.length}
            words={words}
            spokenText={spokenText}
            pressed={selected?.kind === 'choice' && selected.choiceId === choice.id}
            onPress={() => {
              const answered = answerStep(procedure, state, { choiceId: choice.id });
              if (!answered.ok) return void apply(answered);
              forward(() => {
                if (apply(answered)) next(answered.state);
              });
            }}
          />
        ),
      });
    });
  }
  if (quiz?.phase === 'ask')
    blocks.push(...quizAskBlocks({ view: quiz, words, spokenText, onAnswer: (choiceId) => void apply(answerStep(procedure, state, { choiceId })) }));
  if (quiz?.phase === 'explain') blocks.push(...quizExplainBlocks({ view: quiz, words, procedure }));
  if (step.kind === 'input') {
    blocks.push({
      key: 'input',
      node: (
        <InputField
          step={step}
          words={words}
          initial={state.answers[step.id]?.kind === 'text' ? displayAnswer(step.format, (state.answers[step.id] as { value: string }).value) : ''}
          error={error}
          errorLang={errorLang}
          onDraft={onDraft}
          {...(offer?.kind === 'fill' ? { practiceOffer: offer } : {})}
          spokenLabel={spokenText('label')}
          onSubmit={(value) => {
            const answered = answerStep(procedure, state, { text: value });
            if (!answered.ok) return void apply(answered);
            forward(() => {
              if (apply(answered)) next(answered.state);
            });
          }}
        />
      ),
    });
  }
  if (step.kind === 'checklist') {
    const answer = state.answers[step.id];
    const checked = answer?.kind === 'checklist' ? answer.checked : [];
    for (const item of step.items) {
      const on = checked.includes(item.id);
      blocks.push({
        key: `item-${item.id}`,
        node: (
          <PressButton
            className="kiosk-button checklist-item"
            role="checkbox"
            aria-checked={on}
            lang={words.lang}
            {...spokenAs(spokenText('items', item.id, 'label'), { role: 'checkbox' })}
            onPress={() => void apply(answerStep(procedure, state, { checked: on ? checked.filter((id) => id !== item.id) : [...checked, item.id] }))}
          >
            <span aria-hidden="true" className="checklist-box">
              {on ? '✔' : ''}
            </span>
            {words.text(item.label)}
          </PressButton>
        ),
      });
    }
  }
  if (step.kind === 'review') {
    const lines = reviewLines(procedure, state);
    if (lines.length === 0) blocks.push({ key: 'review-empty', node: <p>{t('step.nothingToReview')}</p> });
    for (const line of lines)
      blocks.push({
        key: `review-${line.stepId}`,
        node: <ReviewLine procedure={procedure} line={line} words={words} onCorrect={(stepId) => void apply(correctAnswer(procedure, state, stepId))} />,
      });
  }
  if (step.kind === 'handoff') blocks.push({ key: 'handoff', node: <p className="step-hint">{t('step.handoff')}</p> });
  if (step.kind === 'done') {
    blocks.push(...doneSheetBlocks(step, procedure, words, t));
    // In practice no official page is offered: its stand-in says how it would look (issue 18).
    if (practice) blocks.push({ key: 'qr', node: <PracticeWebLink /> });
    else if (takeHomeAddress(procedure, step)) blocks.push({ key: 'qr', node: <TakeHomeQr step={step} procedure={procedure} /> });
    blocks.push({ key: 'print', node: <PrintButton /> });
  }

  const {
    parts,
    part,
    compact,
    shows,
    overflows,
    settled,
    attachArea,
    next: nextPart,
    previous: previousPart,
  } = useFitParts(blocks.length, `${state.current}:${state.trail.length}:${language}${explaining ? ':explain' : ''}`);
  // Told only once packed: while measuring, the count is the last step's or a placeholder.
  // Before the paint, so the step's speech (which waits for the count) starts a frame sooner.
  useLayoutEffect(() => {
    if (settled) onParts?.(parts);
  }, [onParts, parts, settled]);

  return (
    <main
      className="kiosk-screen step fit-area"
      data-step-kind={step.kind}
      data-procedure-id={procedure.id}
      data-step-id={step.id}
      data-packed={settled || undefined}
      data-part={part + 1}
      data-parts={parts}
      data-overflows={overflows || undefined}
      ref={attachArea}
    >
      <div className="fit-header" data-fit-header data-compact={compact || undefined}>
        <p className="step-progress">
          <span className="step-position">{t('step.progress', { position: progress.position, total: progress.total })}</span>
          {/* Measured with the header while packing (as "Parte 1 de 1"), so the label never pushes a part's last block out of sight. */}
          {parts > 1 || !settled ? <span className="fit-part-label"> · {t('fit.part', { part: part + 1, parts })}</span> : null}
        </p>
        <h1 lang={lang} data-step={step.id} {...{ elementtiming: 'step' }}>
          {text(step.title)}
        </h1>
        {error !== undefined && step.kind !== 'input' ? (
          <p className="step-error" role="alert" lang={errorLang}>
            {error}
          </p>
        ) : null}
      </div>
      {blocks.map((block, index) => (
        <div key={block.key} className={`fit-block fit-block-${block.key.replace(/-.*$/, '')}`} data-fit-block hidden={!shows(index)}>
          {block.node}
        </div>
      ))}
      <PartNav
        slot={navSlot}
        part={part}
        parts={parts}
        onPrevious={previousPart}
        onNext={nextPart}
        first={
          // From a quiz's explanation "Atrás" returns to its question, even on a lesson's first step.
          (state.trail.length > 0 || explaining) && step.kind !== 'done' ? (
            <PressButton
              key="back"
              className="kiosk-button nav-back"
              {...spokenUi('step.back')}
              {...spokenBack}
              onPress={() => onChange(goBack(procedure, state))}
            >
              {t('step.back')}
            </PressButton>
          ) : null
        }
        last={
          step.kind === 'done' ? (
            <PressButton key="end" className="kiosk-button kiosk-button-primary nav-forward" {...spokenUi('session.end')} onPress={onEnd}>
              {t('session.end')}
            </PressButton>
          ) : step.kind === 'question' || quiz?.phase === 'ask' ? null : step.kind === 'input' ? (
            // Sends the form (its checks, and Enter on a keyboard, in one place: the form's submit).
            <PressButton
              key="submit"
              className="kiosk-button kiosk-button-primary nav-forward"
              aria-controls="step-input-form"
              {...spokenUi('step.next')}
              onPress={() => (document.getElementById('step-input-form') as HTMLFormElement | null)?.requestSubmit()}
            >
              {t('step.next')}
            </PressButton>
          ) : (
            <PressButton key="next" className="kiosk-button kiosk-button-primary nav-forward" {...spokenUi('step.next')} onPress={() => forward(() => next())}>
              {t('step.next')}
            </PressButton>
          )
        }
      />
    </main>
  );
}

function InputField({
  step,
  words,
  initial,
  error,
  errorLang,
  onDraft,
  onSubmit,
  spokenLabel,
  practiceOffer: offer,
}: {
  step: StepOf<'input'>;
  words: ProcedureLanguage;
  initial: string;
  error: string | undefined;
  errorLang: string;
  onDraft: ((typed: boolean) => void) | undefined;
  onSubmit: (value: string) => void;
  /** The label's prompts, for the spoken mode. */
  spokenLabel: Utterance[];
  /** In the PRÁCTICA look: the made-up value to offer, with a button that types it (issue 18). */
  practiceOffer?: Extract<PracticeOffer, { kind: 'fill' }>;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  // The spoken mode types by sending the field its keys (tactile/field-typing.ts), applied like the on-screen keyboard's.
  const fieldRef = useRef<HTMLInputElement>(null);
  const { format } = step;
  useEffect(() => {
    const field = fieldRef.current;
    if (!field) return;
    const onKey = (event: Event): void => {
      const key = (event as CustomEvent<FieldKey>).detail;
      setValue((current) => applyKey(current, key, format));
    };
    field.addEventListener(fieldKeyEvent, onKey);
    return () => field.removeEventListener(fieldKeyEvent, onKey);
  }, [format]);
  // Typed and not yet answered: "Terminar" then asks before it is lost.
  useLayoutEffect(() => {
    onDraft?.(value !== '' && value !== initial);
  }, [onDraft, value, initial]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit(value);
  };
  const numeric = step.format === 'phone' || step.format === 'mobile' || step.format === 'postcode' || step.format === 'number';
  const widest = widestAnswer(step);
  const width = widest === undefined ? undefined : ({ '--field-width': fieldWidthFor(widest) } as CSSProperties);
  return (
    <form
      id="step-input-form"
      className={`step-input${numeric || step.format === 'date' ? ' step-input-pad' : ''}`}
      data-format={step.format}
      style={width}
      onSubmit={submit}
      noValidate
    >
      <div className="step-input-field">
        <label htmlFor="step-input" lang={words.lang} {...spokenAs(spokenLabel)}>
          {words.text(step.label)}
        </label>
        <input
          ref={fieldRef}
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
        {/* Beside the field it erases, on every screen: on a short one the keys then take a row less. */}
        <PressButton
          className="kiosk-button field-erase no-print"
          {...skippedBySpokenMode}
          onPress={() => setValue((current) => applyKey(current, { kind: 'erase' }, step.format))}
        >
          {t('keyboard.erase')}
        </PressButton>
        {offer ? <PracticeFill offer={offer} onFill={setValue} /> : null}
        {step.example && error === undefined && !offer ? (
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
      <OnScreenKeyboard format={step.format} onKey={(key) => setValue((current) => applyKey(current, key, step.format))} />
    </form>
  );
}

/** The widest answer the field takes, where the format says (a number's example says it); free text: none. */
function widestAnswer(step: StepOf<'input'>): string | undefined {
  switch (step.format) {
    case 'dni-nie':
      return '12345678Z';
    case 'phone':
    case 'mobile':
      return '612345678';
    case 'postcode':
      return '28001';
    case 'date':
      return '31/12/1950';
    case 'number':
      return step.example;
    case 'text':
      return undefined;
  }
}

/**
 * A field just wide enough for `answer` (CSS): a digit is 1ch, a letter a little more, "/" about
 * half; 0.1em of letter-spacing each; 44 px of padding, border and caret. No wider: at 64 px on a
 * 1,366 px screen a date's label, field and "Borrar" then fit one row, not two (the fit matrix).
 */
export function fieldWidthFor(answer: string): string {
  const chars = Array.from(answer);
  const ch = chars.reduce((sum, char) => sum + (/[0-9]/.test(char) ? 1 : char === '/' ? 0.55 : 1.1), 0);
  return `calc(${ch.toFixed(2)}ch + ${(chars.length * 0.1).toFixed(1)}em + 44px)`;
}

/** One answer on the review screen, with "Corregir". */
function ReviewLine({
  procedure,
  line,
  words,
  onCorrect,
}: {
  procedure: Procedure;
  line: ReturnType<typeof reviewLines>[number];
  words: ProcedureLanguage;
  onCorrect: (stepId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <dl className="review-line">
      <dt lang={words.lang}>{words.text(line.label)}</dt>
      <dd lang={line.value.kind === 'text' ? undefined : words.lang}>
        {line.value.kind === 'text'
          ? displayAnswer(inputFormatOf(procedure, line.stepId), line.value.value)
          : line.value.kind === 'choice'
            ? words.text(line.value.label)
            : line.value.labels.map((label) => words.text(label)).join(words.lang === 'ar' ? '، ' : ', ')}
      </dd>
      <dd>
        <PressButton
          className="kiosk-button"
          aria-label={`${t('step.correct')}: ${words.text(line.label)}`}
          {...spokenAs(reviewLineSpoken(procedure, line, words.lang))}
          onPress={() => onCorrect(line.stepId)}
        >
          {t('step.correct')}
        </PressButton>
      </dd>
    </dl>
  );
}

/**
 * "Corregir", what it corrects and the answer given, for the spoken mode: the step's title (or
 * field's label), then the answer's own prompts, a typed answer character by character. All of
 * it private: the answers are the senior's own, heard only through the spoken mode's headphones.
 */
function reviewLineSpoken(procedure: Procedure, line: ReturnType<typeof reviewLines>[number], lang: string): Utterance[] {
  const step = compileProcedure(procedure).stepById.get(line.stepId);
  if (!step) return [{ id: uiPromptId('step.correct') }];
  const at = (...where: string[]): Utterance => ({ id: procedurePromptId(procedure.id, ['steps', step.id, ...where]), language: lang, privacy: 'private' });
  const list: Utterance[] = [{ id: uiPromptId('step.correct') }, at(step.kind === 'input' ? 'label' : 'title')];
  if (step.kind === 'question' && line.value.kind === 'choice') {
    const chosen = line.value.label;
    const choice = step.choices.find((candidate) => candidate.label === chosen);
    if (choice) list.push(at('choices', choice.id, choice.say ? 'say' : 'label'));
  } else if (step.kind === 'checklist' && line.value.kind === 'checklist') {
    const ticked = line.value.labels;
    for (const item of step.items) if (ticked.includes(item.label)) list.push(at('items', item.id, 'label'));
  } else if (line.value.kind === 'text') {
    for (const character of [...line.value.value.toLocaleUpperCase('es')]) {
      if (namedCharacters.includes(character)) list.push({ id: characterPromptId(character), privacy: 'private' });
    }
  }
  return list;
}

/** The format of an input step, for showing its stored answer as the senior wrote it. */
function inputFormatOf(procedure: Procedure, stepId: string): StepOf<'input'>['format'] {
  const step = compileProcedure(procedure).stepById.get(stepId);
  return step?.kind === 'input' ? step.format : 'text';
}
