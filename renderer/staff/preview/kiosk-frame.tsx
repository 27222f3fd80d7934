/**
 * The kiosk drawn inside a same-origin frame, for the staff preview and for counting a step's
 * parts: the frame gets the kiosk's own styles and strings, and the kiosk's page (its bar, the
 * step, its dock) runs in it through a React portal, so a step has exactly a kiosk's room.
 */
import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { jumpToStep, startSession, type SessionState } from '../../../core/engine/index.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import {
  createKioskI18n,
  kioskCssUrl,
  PreviewSpeechProvider,
  SessionBar,
  speechCssUrl,
  StepScreen,
  useSpeechControls,
  type KioskScreen,
} from '../../kiosk/public.js';
import tokensCssUrl from '../../ui/tokens.css?url';

/** A frame's document once it is ready for the kiosk: where the kiosk is mounted, and its strings. */
export interface KioskDocument {
  mount: HTMLElement;
  i18n: i18n;
}

/**
 * Makes a same-origin frame ready for the kiosk: its styles, a mount point and the kiosk's
 * strings in `language`. `attach` is the frame's ref (a callback ref, whose cleanup empties the
 * frame again); `inside` is undefined until the frame is attached.
 */
export function useKioskDocument(language: string): {
  attach: (frame: HTMLIFrameElement | null) => (() => void) | undefined;
  inside: KioskDocument | undefined;
} {
  const [inside, setInside] = useState<KioskDocument | undefined>();
  // The frame is about:blank of this origin: its document is ready at once and is ours to fill.
  const attach = useCallback((frame: HTMLIFrameElement | null) => {
    const document = frame?.contentDocument;
    if (!document) return undefined;
    const links = [tokensCssUrl, kioskCssUrl, speechCssUrl].map((href) => {
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
  return { attach, inside };
}

/** What a kiosk frame draws. */
export interface FrameContent {
  procedure: Procedure;
  stepId: string;
  language: string;
  size: number;
}

/**
 * A hidden kiosk frame of `screen`'s size that reports how many parts the step takes in it;
 * `contentKey` names what it draws (the step and the procedure's text).
 */
export function MeasureFrame({
  screen,
  onParts,
  contentKey,
  ...content
}: FrameContent & { screen: KioskScreen; onParts: (parts: number) => void; contentKey: string }) {
  const { attach, inside } = useKioskDocument(content.language);
  return (
    <>
      <iframe ref={attach} tabIndex={-1} aria-hidden="true" title={`${screen.id} ${content.size}`} style={{ width: screen.width, height: screen.height }} />
      {inside
        ? createPortal(
            <I18nextProvider i18n={inside.i18n}>
              {/* The frame stays (its styles loaded once); a new step or text starts the kiosk's page afresh. */}
              <KioskStep key={contentKey} {...content} onParts={onParts} />
            </I18nextProvider>,
            inside.mount,
          )
        : null}
    </>
  );
}

/**
 * Inside a frame: the kiosk's page around StepScreen at one text size, with its bar (the same
 * controls as on a kiosk, inert) and its help dock, so the step has a kiosk's room.
 */
export function KioskStep({ procedure, stepId, language, size, onParts }: FrameContent & { onParts?: (parts: number) => void }) {
  const { t } = useTranslation();
  const start = useMemo(() => {
    const jumped = jumpToStep(procedure, startSession(procedure), stepId);
    return jumped.ok ? jumped.state : startSession(procedure);
  }, [procedure, stepId]);
  const [state, setState] = useState<SessionState>(start);
  const [navSlot, setNavSlot] = useState<HTMLElement | null>(null);
  const style = { '--text-body': `${size}px`, '--text-heading': `${Math.round(size * 1.25)}px` } as CSSProperties;
  return (
    <PreviewSpeechProvider>
      <div className="kiosk" style={style} lang={language}>
        <PreviewBar />
        <StepScreen
          procedure={procedure}
          state={state}
          language={language}
          onChange={setState}
          onEnd={() => setState(start)}
          navSlot={navSlot}
          {...(onParts ? { onParts } : {})}
        />
        <div className="help-dock no-print">
          <div className="step-nav-slot" ref={setNavSlot} />
          <button type="button" className="help-button">
            {t('help.call')}
          </button>
        </div>
      </div>
    </PreviewSpeechProvider>
  );
}

/** The kiosk's bar as a step shows it (its controls do nothing here): its row takes the same room, with the same controls in "Más opciones". */
function PreviewBar() {
  const { t } = useTranslation();
  const speech = useSpeechControls({ speed: 'slow', volume: 'high', onChange: () => undefined });
  const nothing = (): void => undefined;
  return (
    <SessionBar
      demo={false}
      controls={[...speech.controls, { id: 'restart', label: t('session.restart'), labelKey: 'session.restart', onPress: nothing }]}
      signs={speech.signs}
    />
  );
}
