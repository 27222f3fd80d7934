import { useTranslation } from 'react-i18next';
import { useSpeech } from '../audio/speech-context.js';
import { textSizes, type Comfort } from '../session/kiosk-session.js';

/** Props of {@link ComfortScreen}. */
export interface ComfortScreenProps {
  comfort: Comfort;
  onChange: (comfort: Comfort) => void;
  onDone: () => void;
}

interface OptionGroupProps<T> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

function OptionGroup<T extends string | number | boolean>({ label, options, value, onChange }: OptionGroupProps<T>) {
  return (
    <fieldset className="option-group">
      <legend>{label}</legend>
      <div className="button-row">
        {options.map((option) => (
          <button key={String(option.value)} type="button" className="kiosk-button" aria-pressed={option.value === value} onClick={() => onChange(option.value)}>
            {option.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** Text size, colours, voice speed and volume, chosen once per session; they go with it. */
export function ComfortScreen({ comfort, onChange, onDone }: ComfortScreenProps) {
  const { t } = useTranslation();
  // Only a kiosk with headphones offers them; private prompts are heard through them alone.
  const { hasHeadphones } = useSpeech();
  return (
    <main className="kiosk-screen">
      <h1>{t('comfort.heading')}</h1>
      <div className="comfort-options">
        <OptionGroup
          label={t('comfort.textSize')}
          options={textSizes.map((size) => ({ value: size, label: t(`comfort.size${size}`) }))}
          value={comfort.textSize}
          onChange={(textSize) => onChange({ ...comfort, textSize })}
        />
        <OptionGroup
          label={t('comfort.theme')}
          options={[
            { value: false, label: t('comfort.themeNormal') },
            { value: true, label: t('comfort.themeContrast') },
          ]}
          value={comfort.highContrast}
          onChange={(highContrast) => onChange({ ...comfort, highContrast })}
        />
        <OptionGroup
          label={t('comfort.speechRate')}
          options={[
            { value: 'slow' as const, label: t('comfort.rateSlow') },
            { value: 'normal' as const, label: t('comfort.rateNormal') },
          ]}
          value={comfort.speechRate}
          onChange={(speechRate) => onChange({ ...comfort, speechRate })}
        />
        <OptionGroup
          label={t('comfort.volume')}
          options={[
            { value: 'low' as const, label: t('comfort.volumeLow') },
            { value: 'high' as const, label: t('comfort.volumeHigh') },
          ]}
          value={comfort.volume}
          onChange={(volume) => onChange({ ...comfort, volume })}
        />
        {hasHeadphones ? (
          <OptionGroup
            label={t('comfort.output')}
            options={[
              { value: 'speaker' as const, label: t('comfort.outputSpeaker') },
              { value: 'headphones' as const, label: t('comfort.outputHeadphones') },
            ]}
            value={comfort.output}
            onChange={(output) => onChange({ ...comfort, output })}
          />
        ) : null}
        <OptionGroup
          label={t('comfort.repeats')}
          options={[
            { value: false, label: t('comfort.repeatsOff') },
            { value: true, label: t('comfort.repeatsOn') },
          ]}
          value={comfort.ignoreRepeats}
          onChange={(ignoreRepeats) => onChange({ ...comfort, ignoreRepeats })}
        />
        {/* In the grid's free cell beside the last group, so it is in sight without scrolling. */}
        <div className="comfort-continue">
          <button type="button" className="kiosk-button kiosk-button-primary" onClick={onDone}>
            {t('comfort.continue')}
          </button>
        </div>
      </div>
    </main>
  );
}
