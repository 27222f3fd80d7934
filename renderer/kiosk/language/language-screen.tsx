import { useTranslation } from 'react-i18next';
import { directionOf, kioskLanguages, languageNames, type KioskLanguage } from '../i18n/kiosk-i18n.js';

/** Props of {@link LanguageScreen}. */
export interface LanguageScreenProps {
  onChoose: (language: KioskLanguage) => void;
}

/** Large buttons, each language named in itself (and marked with its own `lang`). */
export function LanguageScreen({ onChoose }: LanguageScreenProps) {
  const { t } = useTranslation();
  return (
    <main className="kiosk-screen">
      <h1>{t('language.heading')}</h1>
      <div className="button-column">
        {kioskLanguages.map((language) => (
          <button key={language} type="button" className="kiosk-button kiosk-button-large" lang={language} dir={directionOf(language)} onClick={() => onChoose(language)}>
            {languageNames[language]}
          </button>
        ))}
      </div>
    </main>
  );
}
