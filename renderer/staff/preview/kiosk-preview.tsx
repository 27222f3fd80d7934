/**
 * The preview: the chosen step drawn by the kiosk's own StepScreen with the kiosk's own CSS,
 * inside a frame of the kiosk's size (1920 × 1080) scaled down to fit. A same-origin frame keeps
 * the kiosk's styles (which size the whole page) away from the console's, and the kiosk's
 * components run in it through a React portal, with the kiosk's own strings.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { jumpToStep, startSession, type SessionState } from '../../../core/engine/index.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { createKioskI18n } from '../../kiosk/i18n/kiosk-i18n.js';
import { textSizes } from '../../kiosk/session/kiosk-session.js';
import { StepScreen } from '../../kiosk/steps/step-screen.js';
import kioskCssUrl from '../../kiosk/kiosk.css?url';
import tokensCssUrl from '../../ui/tokens.css?url';
import { languageName } from '../editor/form-fields.js';
import { ListenButton } from './listen-button.js';

/** The kiosk's screen size, which the preview reproduces. */
export const kioskSize = { width: 1920, height: 1080 } as const;

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
  const languages = procedure?.languages ?? ['es'];
  const shownLanguage = languages.includes(language) ? language : (languages[0] ?? 'es');
  const step = procedure?.steps.find((candidate) => candidate.id === stepId) ?? procedure?.steps[0];

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
                  {languageName(code, consoleI18n.language)}
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
          <ListenButton procedure={procedure} step={step} language={shownLanguage} token={token} />
          <KioskFrame procedure={procedure} stepId={step.id} language={shownLanguage} size={size} title={t('preview.frameTitle', { id: step.id, language: languageName(shownLanguage, consoleI18n.language), size })} />
        </>
      )}
    </section>
  );
}

/** The scaled frame with the kiosk inside. */
function KioskFrame({ procedure, stepId, language, size, title }: { procedure: Procedure; stepId: string; language: string; size: number; title: string }) {
  const box = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const [scale, setScale] = useState(0.5);
  const [inside, setInside] = useState<{ mount: HTMLElement; i18n: i18n } | undefined>();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = (): void => setScale(Math.min(1, element.clientWidth / kioskSize.width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The frame is about:blank of this origin: its document is ready at once and is ours to fill.
  useEffect(() => {
    const document = frame.current?.contentDocument;
    if (!document) return;
    const links = [tokensCssUrl, kioskCssUrl].map((href) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(href, window.location.href).href;
      document.head.append(link);
      return link;
    });
    const mount = document.createElement('div');
    document.body.append(mount);
    setInside({ mount, i18n: createKioskI18n(document.documentElement) });
    return () => {
      links.forEach((link) => link.remove());
      mount.remove();
      setInside(undefined);
    };
  }, []);

  useEffect(() => {
    if (inside) void inside.i18n.changeLanguage(language);
  }, [inside, language]);

  // A new text of the procedure starts the preview again at the chosen step.
  const signature = useMemo(() => JSON.stringify(procedure), [procedure]);
  const frameStyle: CSSProperties = { width: kioskSize.width, height: kioskSize.height, transform: `scale(${scale})` };
  return (
    <div className="preview-box" ref={box}>
      <div className="preview-stage" style={{ height: kioskSize.height * scale }}>
        <iframe ref={frame} className="preview-frame" title={title} style={frameStyle} />
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

/** Inside the frame: the kiosk's page around StepScreen, with its help dock, at one text size. */
function KioskStep({ procedure, stepId, language, size }: { procedure: Procedure; stepId: string; language: string; size: number }) {
  const { t } = useTranslation();
  const start = useMemo(() => {
    const jumped = jumpToStep(procedure, startSession(procedure), stepId);
    return jumped.ok ? jumped.state : startSession(procedure);
  }, [procedure, stepId]);
  const [state, setState] = useState<SessionState>(start);
  const [navSlot, setNavSlot] = useState<HTMLElement | null>(null);
  const style = { '--text-body': `${size}px`, '--text-heading': `${Math.round(size * 1.25)}px` } as CSSProperties;
  return (
    <div className="kiosk" style={style} lang={language}>
      <StepScreen procedure={procedure} state={state} language={language} onChange={setState} onEnd={() => setState(start)} navSlot={navSlot} />
      <div className="help-dock no-print">
        <div className="step-nav-slot" ref={setNavSlot} />
        <button type="button" className="help-button">
          {t('help.call')}
        </button>
      </div>
    </div>
  );
}
