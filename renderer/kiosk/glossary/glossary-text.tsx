/**
 * A step's text with the glossary's hard words as buttons; tapping one opens a dialog with the
 * meaning. The dialog is not modal and stops above the help dock, so "Llamar a un voluntario"
 * stays in sight and in reach; a big "Cerrar" (or Escape) closes it and focus goes back to the word.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { procedurePromptId } from '../../../core/audio/prompt-names.js';
import { glossaryUtterances } from '../../../core/audio/screen-speech.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { useSpeech } from '../audio/speech-context.js';
import type { ProcedureLanguage } from '../steps/procedure-language.js';
import { glossaryPieces } from './glossary-pieces.js';
import { useDialogClose } from '../dialog/use-dialog-close.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenAs, spokenUi } from '../tactile/spoken-attributes.js';

/** Props of {@link GlossaryText}. */
export interface GlossaryTextProps {
  text: string;
  procedure: Procedure;
  words: ProcedureLanguage;
}

/** The text, its hard words tappable. */
export function GlossaryText({ text, procedure, words }: GlossaryTextProps) {
  const [open, setOpen] = useState<{ id: string; opener: HTMLButtonElement } | undefined>(undefined);
  const speech = useSpeech();
  const terms = procedure.glossary.map((entry) => ({ id: entry.id, term: words.text(entry.term) }));
  const entry = open ? procedure.glossary.find((candidate) => candidate.id === open.id) : undefined;
  return (
    <>
      {glossaryPieces(text, terms).map((piece, index) =>
        typeof piece === 'string' ? (
          piece
        ) : (
          <PressButton
            key={index}
            className="glossary-term"
            aria-haspopup="dialog"
            // Named by the glossary's own term, the prompt the word is spoken by as it opens.
            {...spokenAs([{ id: procedurePromptId(procedure.id, ['glossary', piece.id, 'term']), language: words.lang }])}
            onPress={(event) => {
              setOpen({ id: piece.id, opener: event.target as HTMLButtonElement });
              // The word and its meaning are said as they open.
              speech.say(glossaryUtterances(procedure, piece.id, words.lang));
            }}
          >
            {piece.text}
          </PressButton>
        ),
      )}
      {open && entry ? (
        <GlossaryDialog
          term={words.text(entry.term)}
          meaning={words.text(entry.meaning)}
          lang={words.lang}
          onClose={() => {
            open.opener.focus();
            setOpen(undefined);
          }}
        />
      ) : null}
    </>
  );
}

function GlossaryDialog({ term, meaning, lang, onClose }: { term: string; meaning: string; lang: string; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useDialogClose(onClose);
  return (
    <span className="glossary-dialog" role="dialog" aria-modal="false" aria-labelledby="glossary-dialog-term">
      <span className="glossary-dialog-box">
        <span id="glossary-dialog-term" className="glossary-dialog-term" lang={lang}>
          {term}
        </span>
        <span className="glossary-dialog-meaning" lang={lang}>
          {meaning}
        </span>
        <PressButton ref={close} className="kiosk-button kiosk-button-primary glossary-close" {...spokenUi('glossary.close')} onPress={onClose}>
          {t('glossary.close')}
        </PressButton>
      </span>
    </span>
  );
}
