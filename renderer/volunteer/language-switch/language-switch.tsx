import { useTranslation } from 'react-i18next';
import { asConsoleLanguage } from '../i18n/volunteer-i18n.js';
import { PressButton } from '../../ui/press/press-button.js';

/**
 * The visible language switch: one button named in the other language ("English" on the
 * Spanish console, "Español" on the English one), so someone who cannot read the current
 * language still finds theirs.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = asConsoleLanguage(t('language.switchToLang'));
  return (
    <PressButton className="button button-secondary language-switch" lang={other} onPress={() => void i18n.changeLanguage(other)}>
      {t('language.switchTo')}
    </PressButton>
  );
}
