/**
 * The large-print certificate of participation a kiosk prints at the end of a workshop (issue 18):
 * the lessons done, the date and the centre, and the first name only when the participant typed
 * one. Its words are core/kiosk/participation-certificate.ts's; this draws them, on screen as a
 * card the senior can look at and on paper as one A4 page, portrait, black on white, the body at
 * 26 pt and the title at 44 pt.
 *
 * It prints the way the take-home sheet does: it is a `.print-sheet`, so placed as a direct child
 * of the screen's `.kiosk-screen`, the print styles (kiosk.css) leave only it on paper, and
 * `window.print()` goes to the shell's silent printing (shell/kiosk-shell.ts). It starts a page of
 * its own, so it never shares one with a take-home sheet printed with it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { certificateLayout, participationCertificateLines, type CertificateLine, type TitleInLanguage } from '../../../core/kiosk/participation-certificate.js';
import { directionOf } from '../../ui/i18n/create-app-i18n.js';
import type { KioskLanguage } from '../i18n/kiosk-i18n.js';
import './participation-certificate.css';

/** What the certificate shows; nothing else about the participant is ever passed to it. */
export interface ParticipationCertificateProps {
  /** The lessons done, in the kiosk's language (a title only in another language names it). */
  lessonTitles: readonly (string | TitleInLanguage)[];
  /** The workshop's day, `YYYY-MM-DD` (core's `localDay` gives it from the kiosk's clock). */
  date: string;
  /** The centre (site) where the workshop was held. */
  centreName: string;
  /** The first name the participant typed, if they typed one. */
  firstName?: string | undefined;
  /** The kiosk's language; the certificate is printed in it. */
  language: KioskLanguage;
}

/** The certificate of participation, as a print sheet. */
export function ParticipationCertificate({ lessonTitles, date, centreName, firstName, language }: ParticipationCertificateProps) {
  const { i18n } = useTranslation();
  const titleId = useId();
  // In the language given, whatever the page's language is at that moment.
  const t = i18n.getFixedT(language, 'kiosk', 'certificate');
  // The centre's name and the date each read in their own direction inside the sentence (a Spanish name in Arabic).
  const isolated = (params: Record<string, string> = {}) => Object.fromEntries(Object.entries(params).map(([key, value]) => [key, `\u2068${value}\u2069`]));
  const lines = participationCertificateLines({ lessonTitles, day: date, centreName, firstName, language }, (key, params) => t(key, isolated(params)));
  const lessons = lines.filter((line) => line.kind === 'lesson');
  const line = (kind: CertificateLine['kind']) => lines.find((each) => each.kind === kind);
  const name = line('name');
  return (
    <section
      className="print-sheet participation-certificate"
      lang={language}
      dir={directionOf(language)}
      aria-labelledby={titleId}
      data-participation-certificate
      data-layout={certificateLayout(lines)}
    >
      <div className="certificate-frame">
        <p className="certificate-title" id={titleId}>
          {line('title')?.text}
        </p>
        {name ? (
          <p className="certificate-name">
            {/* The name reads in its own direction inside a sentence of another script. */}
            <bdi>{name.text}</bdi>
          </p>
        ) : null}
        <p className="certificate-intro">{line('intro')?.text}</p>
        {lessons.length > 0 ? (
          <ul className="certificate-lessons">
            {lessons.map((lesson) => (
              <li key={lesson.text} {...(lesson.lang ? { lang: lesson.lang, dir: directionOf(lesson.lang) } : {})}>
                {lesson.text}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="certificate-where-when">
          {line('centre') ? <p className="certificate-centre">{line('centre')?.text}</p> : null}
          <p className="certificate-date">{line('date')?.text}</p>
        </div>
        <p className="certificate-closing">{line('closing')?.text}</p>
      </div>
    </section>
  );
}
