import { useTranslation } from 'react-i18next';
import { directionOf } from '../../ui/i18n/create-app-i18n.js';
import { kioskLanguages, languageNames, type KioskLanguage } from '../i18n/kiosk-i18n.js';
import { PressButton } from '../../ui/press/press-button.js';
import { spokenAs } from '../tactile/spoken-attributes.js';

/** Props of {@link LanguageScreen}. */
export interface LanguageScreenProps {
  onChoose: (language: KioskLanguage) => void;
}

/** Large buttons, each language named in itself (and marked with its own `lang`). */
export function LanguageScreen({ onChoose }: LanguageScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="kiosk-screen language">
      <h1>{t('language.heading')}</h1>
      <div className="button-column">
        {kioskLanguages.map((language, index) => (
          <PressButton
            key={language}
            className="kiosk-button kiosk-button-large"
            lang={language}
            dir={directionOf(language)}
            // Each language says its own name in its own voice, as the button shows it.
            {...spokenAs([{ id: 'ui/language.name', language }], { role: 'choice', position: { index: index + 1, count: kioskLanguages.length } })}
            onPress={() => onChoose(language)}
          >
            {languageNames[language]}
          </PressButton>
        ))}
      </div>
    </main>
  );
}
