import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../core/audio/screen-speech.js';
import { useSpeech } from '../audio/speech-context.js';
import { PartNav } from '../fit/part-nav.js';
import { useFitParts } from '../fit/use-fit-parts.js';
import { textSizes, type Comfort } from '../session/kiosk-session.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenAs, spokenUi } from '../tactile/spoken-attributes.js';

/** Props of {@link ComfortScreen}. */
export interface ComfortScreenProps {
  comfort: Comfort;
  onChange: (comfort: Comfort) => void;
  onDone: () => void;
  /** Where "Seguir" goes: the help dock's slot, always in sight (see DockNav). */
  navSlot?: HTMLElement | null;
}

interface OptionGroupProps<T> {
  /** The question's `kiosk.json` key ("Tamaño de la letra"). */
  labelKey: string;
  /** Each answer's value and `kiosk.json` key. */
  options: readonly { value: T; key: string }[];
  value: T;
  onChange: (value: T) => void;
}

function OptionGroup<T extends string | number | boolean>({ labelKey, options, value, onChange }: OptionGroupProps<T>) {
  const { t } = useTranslation();
  return (
    <fieldset className="option-group">
      <legend>{t(labelKey)}</legend>
      <div className="button-row">
        {options.map((option, index) => (
          <PressButton
            key={String(option.value)}
            className="kiosk-button"
            aria-pressed={option.value === value}
            // The question, then the answer: "Normal" alone answers three of them (size, speed, tremor).
            {...spokenAs([ui(labelKey), ui(option.key)], { role: 'choice', position: { index: index + 1, count: options.length } })}
            onPress={() => onChange(option.value)}
          >
            {t(option.key)}
          </PressButton>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * Text size, colours, voice speed and volume, chosen once per session; they go with it. Each
 * choice is a block of the fit pager: at a large text size on a small screen the choices come in
 * parts ("Seguir leyendo"), and "Seguir" is in the dock on the last part.
 */
export function ComfortScreen({ comfort, onChange, onDone, navSlot }: ComfortScreenProps) {
  const { t } = useTranslation();
  const { hasHeadphones } = useSpeech();
  // Each choice is one (field, question, answers) row; the screen is the table, in reading order.
  const choice = <K extends keyof Comfort>(field: K, labelKey: string, options: readonly { value: Comfort[K]; key: string }[]) => ({
    key: field,
    node: <OptionGroup labelKey={labelKey} options={options} value={comfort[field]} onChange={(value) => onChange({ ...comfort, [field]: value })} />,
  });
  const two = <T,>(first: T, firstKey: string, second: T, secondKey: string) => [
    { value: first, key: firstKey },
    { value: second, key: secondKey },
  ];
  const groups: { key: string; node: ReactNode }[] = [
    choice(
      'textSize',
      'comfort.textSize',
      textSizes.map((size) => ({ value: size, key: `comfort.size${size}` })),
    ),
    choice('highContrast', 'comfort.theme', two(false, 'comfort.themeNormal', true, 'comfort.themeContrast')),
    choice('speechRate', 'comfort.speechRate', two('slow' as const, 'comfort.rateSlow', 'normal' as const, 'comfort.rateNormal')),
    choice('volume', 'comfort.volume', two('low' as const, 'comfort.volumeLow', 'high' as const, 'comfort.volumeHigh')),
    // Only a kiosk with headphones offers them; private prompts are heard through them alone.
    ...(hasHeadphones
      ? [choice('output', 'comfort.output', two('speaker' as const, 'comfort.outputSpeaker', 'headphones' as const, 'comfort.outputHeadphones'))]
      : []),
    choice('ignoreRepeats', 'comfort.repeats', two(false, 'comfort.repeatsOff', true, 'comfort.repeatsOn')),
  ];
  // A new text size changes every block's height: packed again from part 1 (the pager also sees the change).
  const { parts, part, compact, shows, settled, attachArea, next, previous } = useFitParts(groups.length, `comfort:${comfort.textSize}`);
  return (
    <main className="kiosk-screen fit-area comfort" data-part={part + 1} data-parts={parts} ref={attachArea}>
      <div className="fit-header" data-fit-header data-compact={compact || undefined}>
        <h1>{t('comfort.heading')}</h1>
        {/* Measured with its line while packing, so a part label never pushes a choice out of sight. */}
        {parts > 1 || !settled ? <p className="step-progress fit-part-label">{t('fit.part', { part: part + 1, parts })}</p> : null}
      </div>
      {groups.map((group, index) => (
        <div key={group.key} className="fit-block" data-fit-block hidden={!shows(index)}>
          {group.node}
        </div>
      ))}
      <PartNav
        slot={navSlot}
        part={part}
        parts={parts}
        onPrevious={previous}
        onNext={next}
        last={
          <PressButton key="continue" className="kiosk-button kiosk-button-primary nav-forward" {...spokenUi('comfort.continue')} onPress={onDone}>
            {t('comfort.continue')}
          </PressButton>
        }
      />
    </main>
  );
}
