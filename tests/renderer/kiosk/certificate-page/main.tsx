/**
 * A page that shows the kiosk's certificate of participation alone, for the browser test
 * (tests/e2e/kiosk-certificate.e2e.ts serves it through Vite): the kiosk's own styles and
 * strings, the certificate inside a `.kiosk-screen` beside a heading that only the screen shows,
 * as at the end of a workshop. Its props come from the address: `?lang=ar&name=Ana&lesson=…&lesson=…
 * &centre=…&date=2026-12-06`.
 */
import { StrictMode, type CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import '../../../../renderer/ui/tokens.css';
import { asLanguage } from '../../../../renderer/ui/i18n/create-app-i18n.js';
import { createKioskI18n } from '../../../../renderer/kiosk/i18n/every-language.js';
import { kioskLanguages } from '../../../../renderer/kiosk/i18n/kiosk-i18n.js';
import { ParticipationCertificate } from '../../../../renderer/kiosk/workshop/participation-certificate.js';
import '../../../../renderer/kiosk/kiosk.css';

const query = new URLSearchParams(window.location.search);
const language = asLanguage(kioskLanguages, query.get('lang'));
const i18n = createKioskI18n(document.documentElement);
void i18n.changeLanguage(language);
const name = query.get('name');
// `lesson=es:¿Este SMS es de verdad?` is a title in another language than the kiosk's.
const lessonTitles = query.getAll('lesson').map((lesson) => {
  const other = /^([a-z]{2}):(.*)$/s.exec(lesson);
  return other ? { lang: other[1] ?? '', text: other[2] ?? '' } : lesson;
});
const textSize = Number(query.get('size') ?? '32');
const style = { '--text-body': `${textSize}px`, '--text-heading': `${Math.round(textSize * 1.25)}px` } as CSSProperties;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <div className={`kiosk${query.get('contrast') === '1' ? ' theme-contrast' : ''}`} style={style}>
          <main className="kiosk-screen">
            <h1 data-screen-only>{i18n.t('workshop.endedHeading')}</h1>
            <ParticipationCertificate
              lessonTitles={lessonTitles}
              date={query.get('date') ?? '2026-12-06'}
              centreName={query.get('centre') ?? ''}
              firstName={name ?? undefined}
              language={language}
            />
          </main>
        </div>
      </I18nextProvider>
    </StrictMode>,
  );
}
