import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSpeech } from '../audio/speech-context.js';
import { DockNav } from '../fit/dock-nav.js';
import { useFitParts } from '../fit/use-fit-parts.js';
import { textSizes, type Comfort } from '../session/kiosk-session.js';

/** Props of {@link ComfortScreen}. */
export interface ComfortScreenProps {
  comfort: Comfort;
  onChange: (comfort: Comfort) => void;
  onDone: () => void;
  /** Where "Seguir" goes: the help dock's slot, always in sight (see DockNav). */
  navSlot?: HTMLElement | null;
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

/**
 * Text size, colours, voice speed and volume, chosen once per session; they go with it. Each
 * choice is a block of the fit pager: at a large text size on a small screen the choices come in
 * parts ("Seguir leyendo"), and "Seguir" is in the dock on the last part.
 */
export function ComfortScreen({ comfort, onChange, onDone, navSlot }: ComfortScreenProps) {
  const { t } = useTranslation();
  // Only a kiosk with headphones offers them; private prompts are heard through them alone.
  const { hasHeadphones } = useSpeech();
  const groups: { key: string; node: ReactNode }[] = [
    {
      key: 'text-size',
      node: <OptionGroup label={t('comfort.textSize')} options={textSizes.map((size) => ({ value: size, label: t(`comfort.size${size}`) }))} value={comfort.textSize} onChange={(textSize) => onChange({ ...comfort, textSize })} />,
    },
    {
      key: 'theme',
      node: (
        <OptionGroup
          label={t('comfort.theme')}
          options={[
            { value: false, label: t('comfort.themeNormal') },
            { value: true, label: t('comfort.themeContrast') },
          ]}
          value={comfort.highContrast}
          onChange={(highContrast) => onChange({ ...comfort, highContrast })}
        />
      ),
    },
    {
      key: 'speech-rate',
      node: (
        <OptionGroup
          label={t('comfort.speechRate')}
          options={[
            { value: 'slow' as const, label: t('comfort.rateSlow') },
            { value: 'normal' as const, label: t('comfort.rateNormal') },
          ]}
          value={comfort.speechRate}
          onChange={(speechRate) => onChange({ ...comfort, speechRate })}
        />
      ),
    },
    {
      key: 'volume',
      node: (
        <OptionGroup
          label={t('comfort.volume')}
          options={[
            { value: 'low' as const, label: t('comfort.volumeLow') },
            { value: 'high' as const, label: t('comfort.volumeHigh') },
          ]}
          value={comfort.volume}
          onChange={(volume) => onChange({ ...comfort, volume })}
        />
      ),
    },
  ];
  if (hasHeadphones) {
    groups.push({
      key: 'output',
      node: (
        <OptionGroup
          label={t('comfort.output')}
          options={[
            { value: 'speaker' as const, label: t('comfort.outputSpeaker') },
            { value: 'headphones' as const, label: t('comfort.outputHeadphones') },
          ]}
          value={comfort.output}
          onChange={(output) => onChange({ ...comfort, output })}
        />
      ),
    });
  }
  groups.push({
    key: 'repeats',
    node: (
      <OptionGroup
        label={t('comfort.repeats')}
        options={[
          { value: false, label: t('comfort.repeatsOff') },
          { value: true, label: t('comfort.repeatsOn') },
        ]}
        value={comfort.ignoreRepeats}
        onChange={(ignoreRepeats) => onChange({ ...comfort, ignoreRepeats })}
      />
    ),
  });
  // A new text size changes every block's height: packed again from part 1 (the pager also sees the change).
  const { parts, part, shows, settled, attachArea, next, previous } = useFitParts(groups.length, `comfort:${comfort.textSize}`);
  const lastPart = part >= parts - 1;
  return (
    <main className="kiosk-screen fit-area comfort" data-part={part + 1} data-parts={parts} ref={attachArea}>
      <div className="fit-header" data-fit-header data-compact={part > 0 || undefined}>
        <h1>{t('comfort.heading')}</h1>
        {/* Measured with its line while packing, so a part label never pushes a choice out of sight. */}
        {parts > 1 || !settled ? <p className="step-progress fit-part-label">{t('fit.part', { part: part + 1, parts })}</p> : null}
      </div>
      {groups.map((group, index) => (
        <div key={group.key} className="fit-block" data-fit-block hidden={!shows(index)}>
          {group.node}
        </div>
      ))}
      <DockNav slot={navSlot}>
        {part > 0 ? (
          <button key="previous-part" type="button" className="kiosk-button nav-back" onClick={previous}>
            {t('fit.previousPart', { part })}
          </button>
        ) : null}
        {lastPart ? (
          <button key="continue" type="button" className="kiosk-button kiosk-button-primary nav-forward" onClick={onDone}>
            {t('comfort.continue')}
          </button>
        ) : (
          <button key="next-part" type="button" className="kiosk-button kiosk-button-primary nav-forward" onClick={next}>
            {t('fit.nextPart')}
          </button>
        )}
      </DockNav>
    </main>
  );
}
