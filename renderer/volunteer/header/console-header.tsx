import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Props of {@link ConsoleHeader}. */
export interface ConsoleHeaderProps {
  /** Shows the DEMO label (the hub runs in demo mode). */
  demo: boolean;
  /** Controls under the name (the sign-in screen's language switch). */
  children?: ReactNode;
}

/** The top of every screen: the product's name and, in demo mode, the DEMO label. Kept short so calls show without scrolling. */
export function ConsoleHeader({ demo, children }: ConsoleHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="console-header">
      <div className="console-brand">
        <h1>{t('app.title')}</h1>
        {demo ? <p className="demo-label">{t('app.demo')}</p> : null}
      </div>
      {children}
    </header>
  );
}
