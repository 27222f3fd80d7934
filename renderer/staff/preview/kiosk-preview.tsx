/**
 * The preview: the chosen step drawn by the kiosk's own StepScreen with the kiosk's own CSS,
 * inside a frame of a kiosk screen's size (1920 × 1080 unless staff choose another) scaled down
 * to fit, with the kiosk's bar above and its dock below, so the step has the room it has on a
 * kiosk. Beside it, how many parts the step takes on every supported screen at every text size
 * (issue 12), counted by the same pager in hidden frames of each size. A same-origin frame keeps
 * the kiosk's styles (which size the whole page) away from the console's, and the kiosk's
 * components run in it through a React portal, with the kiosk's own strings.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import { kioskScreens, textSizes, type KioskScreen } from '../../kiosk/public.js';
import { languageName } from '../../../core/text/language-name.js';
import { KioskStep, MeasureFrame, useKioskDocument, type FrameContent } from './kiosk-frame.js';
import { ListenButton } from './listen-button.js';
import { RealSizeDialog } from './real-size-dialog.js';

/** The screen the preview shows first: the commonest kiosk screen. */
const firstScreen: KioskScreen = kioskScreens[0] ?? { id: '1920x1080', width: 1920, height: 1080 };

/** Props of {@link KioskPreview}. */
export interface KioskPreviewProps {
  /** The procedure to show: the editor's, or its last version without problems. */
  procedure: Procedure | undefined;
  /** The editor's text has problems, so `procedure` is an older state. */
  lastGood: boolean;
  stepId: string | undefined;
  onStepChange: (stepId: string) => void;
  /** The staff session's token, for speaking changed text on demand. */
  token: string;
}

/** The preview panel: step, language and text-size toggles, "Listen", and the frame. */
export function KioskPreview({ procedure, lastGood, stepId, onStepChange, token }: KioskPreviewProps) {
  const { t, i18n: consoleI18n } = useTranslation();
  const [language, setLanguage] = useState('es');
  const [size, setSize] = useState<(typeof textSizes)[number]>(32);
  const [screen, setScreen] = useState<KioskScreen>(firstScreen);
  const [realSize, setRealSize] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasReal = useRef(false);
  // Back to "View at real size" once its dialog is gone (while it was open, the page behind was inert).
  useEffect(() => {
    if (realSize) wasReal.current = true;
    else if (wasReal.current) {
      wasReal.current = false;
      opener.current?.focus();
    }
  }, [realSize]);
  const languages = procedure?.languages ?? ['es'];
  const shownLanguage = languages.includes(language) ? language : (languages[0] ?? 'es');
  const step = procedure?.steps.find((candidate) => candidate.id === stepId) ?? procedure?.steps[0];
  const frameTitle = t('preview.frameTitle', {
    id: step?.id ?? '',
    language: languageName(shownLanguage, consoleI18n.language, { capitalised: true }),
    size,
    width: screen.width,
    height: screen.height,
  });

  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('preview.heading')}</h2>
      <p className="hint">{t('preview.intro')}</p>
      {lastGood && procedure ? (
        <p className="notice notice-warning" role="status">
          {t('preview.lastGood')}
        </p>
      ) : null}
      {!procedure || !step ? (
        <p>{t('preview.nothing')}</p>
      ) : (
        <>
          <div className="preview-controls">
            <div className="field">
              <label htmlFor="preview-step">{t('preview.step')}</label>
              <select id="preview-step" value={step.id} onChange={(event) => onStepChange(event.target.value)}>
                {procedure.steps.map((candidate, index) => (
                  <option key={candidate.id} value={candidate.id}>
                    {index + 1}. {candidate.id}
                  </option>
                ))}
              </select>
            </div>
            <div role="group" aria-labelledby="preview-language-label" className="toggle-group">
              <span id="preview-language-label" className="toggle-label">
                {t('preview.language')}
              </span>
              {languages.map((code) => (
                <button key={code} type="button" className="toggle" aria-pressed={code === shownLanguage} onClick={() => setLanguage(code)}>
                  {languageName(code, consoleI18n.language, { capitalised: true })}
                </button>
              ))}
            </div>
            <div role="group" aria-labelledby="preview-size-label" className="toggle-group">
              <span id="preview-size-label" className="toggle-label">
                {t('preview.textSize')}
              </span>
              {textSizes.map((value) => (
                <button key={value} type="button" className="toggle" aria-pressed={value === size} onClick={() => setSize(value)}>
                  {t('preview.size', { size: value })}
                </button>
              ))}
            </div>
          </div>
          <div role="group" aria-labelledby="preview-screen-label" className="toggle-group preview-screens">
            <span id="preview-screen-label" className="toggle-label">
              {t('preview.screen')}
            </span>
            {kioskScreens.map((candidate) => (
              <button key={candidate.id} type="button" className="toggle" aria-pressed={candidate.id === screen.id} onClick={() => setScreen(candidate)}>
                {t('preview.screenSize', { width: candidate.width, height: candidate.height })}
              </button>
            ))}
          </div>
          <div className="button-row">
            <ListenButton procedure={procedure} step={step} language={shownLanguage} token={token} />
            <button ref={opener} type="button" className="button button-secondary" onClick={() => setRealSize(true)}>
              {t('preview.realSize')}
            </button>
          </div>
          <KioskFrame fit procedure={procedure} stepId={step.id} language={shownLanguage} size={size} screen={screen} title={frameTitle} />
          {realSize ? (
            <RealSizeDialog title={t('preview.realSizeHeading', { width: screen.width, height: screen.height })} onClose={() => setRealSize(false)}>
              <KioskFrame
                fit={false}
                procedure={procedure}
                stepId={step.id}
                language={shownLanguage}
                size={size}
                screen={screen}
                title={`${frameTitle} (1:1)`}
              />
            </RealSizeDialog>
          ) : null}
          <FitSurvey procedure={procedure} stepId={step.id} language={shownLanguage} />
        </>
      )}
    </section>
  );
}

/** The frame with the kiosk inside, at `screen`'s size: scaled down to the room it has (`fit`), or 1:1. */
function KioskFrame({ procedure, stepId, language, size, screen, title, fit }: FrameContent & { screen: KioskScreen; title: string; fit: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState(960);
  const { attach, inside } = useKioskDocument(language);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = (): void => setRoom(element.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new text of the procedure starts the preview again at the chosen step.
  const signature = useMemo(() => JSON.stringify(procedure), [procedure]);
  // A portrait screen would be as tall as the page at full width: it gets half the width.
  const scale = fit ? Math.min(1, (screen.height > screen.width ? room / 2 : room) / screen.width) : 1;
  const frameStyle: CSSProperties = { width: screen.width, height: screen.height, transform: `scale(${scale})` };
  return (
    <div className="preview-box" ref={box}>
      <div className={fit ? 'preview-stage' : 'preview-stage preview-stage-real'} style={{ width: screen.width * scale, height: screen.height * scale }}>
        <iframe ref={attach} className="preview-frame" title={title} style={frameStyle} />
      </div>
      {inside
        ? createPortal(
            <I18nextProvider i18n={inside.i18n}>
              <KioskStep key={`${stepId}:${signature}`} procedure={procedure} stepId={stepId} language={language} size={size} />
            </I18nextProvider>,
            inside.mount,
          )
        : null}
    </div>
  );
}

/**
 * How many parts the step takes on every supported screen at every text size: the kiosk's own
 * pager counts them in a hidden frame of each size, so the figures are the kiosk's, not a guess.
 */
function FitSurvey({ procedure, stepId, language }: Omit<FrameContent, 'size'>) {
  const { t } = useTranslation();
  const [counted, setCounted] = useState<Record<string, number>>({});
  const signature = useMemo(() => JSON.stringify(procedure), [procedure]);
  const cell = (screen: KioskScreen, size: number): string => `${screen.id}@${size}`;
  return (
    <div className="fit-survey">
      <table className="data-table">
        <caption>{t('preview.fitCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.screen')}</th>
            {textSizes.map((size) => (
              <th key={size} scope="col">
                {t('preview.size', { size })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kioskScreens.map((screen) => (
            <tr key={screen.id}>
              <th scope="row">{t('preview.screenSize', { width: screen.width, height: screen.height })}</th>
              {textSizes.map((size) => {
                const parts = counted[cell(screen, size)];
                return (
                  <td key={size} data-screen={screen.id} data-size={size} data-parts={parts}>
                    {parts === undefined ? t('preview.counting') : parts === 1 ? t('preview.fits') : t('preview.parts', { count: parts })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="fit-survey-frames">
        {kioskScreens.flatMap((screen) =>
          textSizes.map((size) => (
            <MeasureFrame
              key={cell(screen, size)}
              contentKey={`${stepId}:${signature}`}
              procedure={procedure}
              stepId={stepId}
              language={language}
              size={size}
              screen={screen}
              onParts={(parts) => setCounted((current) => (current[cell(screen, size)] === parts ? current : { ...current, [cell(screen, size)]: parts }))}
            />
          )),
        )}
      </div>
    </div>
  );
}
