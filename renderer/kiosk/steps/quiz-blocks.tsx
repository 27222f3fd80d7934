/**
 * A quiz step's screen blocks (issue 18). Asking, its answers are big buttons like a question's,
 * but an answer stays on the step: the same screen then reads out, neutrally, the senior's answer,
 * the safe answer and the explanation, and "Siguiente" goes on. Nothing here says right or wrong;
 * the two answers are shown alike, whichever was chosen.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Utterance } from '../../../core/audio/channel.js';
import type { QuizAnswerView, QuizView } from '../../../core/engine/index.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { sentencesOf } from '../../../core/text/sentences.js';
import { GlossaryText } from '../glossary/glossary-text.js';
import type { ProcedureLanguage } from './procedure-language.js';
import { ChoiceButton } from './choice-button.js';

/** One block of a step screen, as the fit pager takes them. */
export interface ScreenBlock {
  key: string;
  node: ReactNode;
}

/** The answer buttons of a quiz still asking; `onAnswer` records the answer (the step stays). */
export function quizAskBlocks({
  view,
  words,
  spokenText,
  onAnswer,
}: {
  view: Extract<QuizView, { phase: 'ask' }>;
  words: ProcedureLanguage;
  spokenText: (...where: string[]) => Utterance[];
  onAnswer: (choiceId: string) => void;
}): ScreenBlock[] {
  const { choices } = view.step;
  return choices.map((choice, index) => ({
    key: `choice-${choice.id}`,
    node: <ChoiceButton choice={choice} index={index} count={choices.length} words={words} spokenText={spokenText} onPress={() => onAnswer(choice.id)} />,
  }));
}

/** The reading after an answer: "Usted eligió: …", "La respuesta segura: …", then the explanation, a block a sentence. */
export function quizExplainBlocks({
  view,
  words,
  procedure,
}: {
  view: Extract<QuizView, { phase: 'explain' }>;
  words: ProcedureLanguage;
  procedure: Procedure;
}): ScreenBlock[] {
  return [
    { key: 'quiz-chosen', node: <QuizAnswerLine labelKey="quiz.yourAnswer" answer={view.chosen} words={words} which="chosen" /> },
    { key: 'quiz-safe', node: <QuizAnswerLine labelKey="quiz.safeAnswer" answer={view.safe} words={words} which="safe" /> },
    ...sentencesOf(words.text(view.explanation)).map((sentence, index) => ({
      key: `explanation-${index}`,
      node: (
        <p className="step-text quiz-explanation" lang={words.lang}>
          <GlossaryText text={sentence} procedure={procedure} words={words} />
        </p>
      ),
    })),
  ];
}

function QuizAnswerLine({
  labelKey,
  answer,
  words,
  which,
}: {
  labelKey: 'quiz.yourAnswer' | 'quiz.safeAnswer';
  answer: QuizAnswerView;
  words: ProcedureLanguage;
  which: 'chosen' | 'safe';
}) {
  const { t } = useTranslation();
  return (
    <p className="quiz-answer" data-quiz-answer={which} data-choice={answer.id}>
      <span className="quiz-answer-label">{t(labelKey)}</span> <strong lang={words.lang}>{words.text(answer.label)}</strong>
    </p>
  );
}
