/**
 * One answer of a `question` or a `quiz` step: a big button in the procedure's language, named
 * for the spoken mode by its spoken words and its place among the step's answers.
 */
import type { Utterance } from '../../../core/audio/channel.js';
import type { LocalizedText } from '../../../core/procedure/schema.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenAs } from '../tactile/spoken-attributes.js';
import type { ProcedureLanguage } from './procedure-language.js';

/** An answer button; `pressed` marks a question's answer already chosen (a quiz has none while asking). */
export function ChoiceButton({
  choice,
  index,
  count,
  words,
  spokenText,
  pressed,
  onPress,
}: {
  choice: { id: string; label: LocalizedText; say?: LocalizedText | undefined };
  /** Its place among the step's answers, from 0. */
  index: number;
  count: number;
  words: ProcedureLanguage;
  spokenText: (...where: string[]) => Utterance[];
  pressed?: boolean;
  onPress: () => void;
}) {
  return (
    <PressButton
      className="kiosk-button kiosk-button-large"
      lang={words.lang}
      data-choice={choice.id}
      {...(pressed === undefined ? {} : { 'aria-pressed': pressed })}
      {...spokenAs(spokenText('choices', choice.id, choice.say ? 'say' : 'label'), { role: 'choice', position: { index: index + 1, count } })}
      onPress={onPress}
    >
      {words.text(choice.label)}
    </PressButton>
  );
}
