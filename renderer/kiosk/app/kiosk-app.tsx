/**
 * The kiosk: loads who it is and the published procedures from the hub, then runs one senior's
 * session after another. The session lives in React state only; ending it (Terminar, Empezar de
 * nuevo, the idle wipe) replaces it with a fresh one, so no answer stays in memory or the DOM.
 * The help button sits outside every screen, in the same place and size, always on top.
 */
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { compileProcedure, jumpToStep, startSession } from '../../../core/engine/index.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import type { KioskEvent, KioskMeResponse } from '../../../core/protocol/http.js';
import { fetchDemoMode } from '../../ui/demo-mode.js';
import { newAnalyticsSessionId, sendKioskEvent } from '../analytics/kiosk-events.js';
import { AttractScreen } from '../attract/attract-screen.js';
import { useSpeechControls } from '../audio/speech-controls.js';
import { SessionBar } from './session-bar.js';
import { useKioskSpeech } from '../audio/use-kiosk-speech.js';
import { useSpeech } from '../audio/speech-context.js';
import { helpCallSheetUtterances, moreOptionsUtterances } from '../../../core/audio/screen-speech.js';
import { helpStatusInButton } from '../../../core/kiosk/help-call-status.js';
import { CatalogueScreen } from '../catalogue/catalogue-screen.js';
import { ComfortScreen } from '../comfort/comfort-screen.js';
import { HelpCallSheet } from '../help/help-call-sheet.js';
import { helpCallShort } from '../help/help-call-words.js';
import { HelpPanel } from '../help/help-panel.js';
import { useViewportHeight } from '../fit/use-media-query.js';
import { useHelpCall } from '../help/use-help-call.js';
import { fetchKioskMe } from '../hub-api/kiosk-api.js';
import { useProcedures } from '../hub-api/use-procedures.js';
import { IdleWarning } from '../idle/idle-warning.js';
import { useIdle } from '../idle/use-idle.js';
import { LanguageScreen } from '../language/language-screen.js';
import { MissingSheet, RequirementsScreen } from '../requirements/requirements-screen.js';
import { helpContext, initialSession, type KioskSession } from '../session/kiosk-session.js';
import { sessionAt, type OpenAt } from '../session/open-at.js';
import { useOpenAtRequests } from '../session/use-open-at.js';
import { procedureLanguage } from '../steps/procedure-language.js';
import { StepScreen } from '../steps/step-screen.js';
import { volunteerLogout, type KioskVolunteer } from '../volunteer/volunteer-api.js';
import { VolunteerPanel, VolunteerPinDialog } from '../volunteer/volunteer-mode.js';
import { ConfirmSheet, type ConfirmKind } from '../confirm/confirm-sheet.js';
import { SettleProvider, useKioskPressGate } from '../press/use-kiosk-press-gate.js';
import { everyPress, PressButton, PressGateProvider } from '../../ui/press/press-button.js';
import type { ScreenPoint } from '../../../core/kiosk/confirm-place.js';
import { defaultSettleMs } from '../../../core/kiosk/settle.js';

/** Props of {@link KioskApp}. */
export interface KioskAppProps {
  /** The device token, from the URL fragment or (later) the Electron shell; kept in memory only. */
  token: string;
  /** A step to open at once the procedures are loaded (`#at=…`, session/open-at.ts). */
  openAt?: OpenAt;
  /** How long a new screen ignores a finger (core/kiosk/settle.ts); 0 turns it off (tests). */
  settleMs?: number;
}

/** A question before an irreversible action, open over the screen. */
interface Confirming {
  kind: ConfirmKind;
  /** What "Sí" does. */
  proceed: () => void;
  /** Where the tap that led to it landed: the sheet goes to the other half of the screen. */
  from: ScreenPoint | undefined;
}

/** The kiosk page. */
export function KioskApp({ token, openAt, settleMs = defaultSettleMs }: KioskAppProps) {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<KioskMeResponse | undefined>(undefined);
  const [loadFailed, setLoadFailed] = useState(false);
  const [healthDemo, setHealthDemo] = useState(false);
  const [session, setSession] = useState<KioskSession>(() => initialSession());
  // The session's language, for the wipe's message (read when the idle rule ends the session).
  const languageRef = useRef(session.language);
  useEffect(() => {
    languageRef.current = session.language;
  }, [session.language]);
  // The published procedures; a newer publication is swapped in only outside a procedure, so a
  // senior finishes with the version they started (hub-api/use-procedures.ts).
  const { procedures, load: loadProcedures } = useProcedures(token, !('procedureId' in session.screen));
  const help = useHelpCall(token, me?.site.inPersonHelp ?? '');
  // On a short screen (768 px) the status panel, a row of its own above the help button, took
  // 130 of the step's 500 px: a DNI field with its error and keys no longer fitted (the fit
  // matrix). There the help button's own box shows the status in a few words instead, and a tap
  // on it opens the call in full, with "Cancelar llamada" (help/help-call-sheet.tsx).
  const viewportHeight = useViewportHeight();
  const helpShort = helpStatusInButton(viewportHeight, session.comfort.textSize) ? helpCallShort(help.status, t) : undefined;
  const [callSheetOpen, setCallSheetOpen] = useState(false);
  const speech = useSpeech();
  const [confirming, setConfirming] = useState<Confirming | undefined>(undefined);
  // The screen whose field holds typed text not yet answered: also something "Terminar" would lose.
  const [draftOn, setDraftOn] = useState<string | undefined>(undefined);
  // Where the last finger landed, for placing a confirmation away from it.
  const lastPointer = useRef<ScreenPoint | undefined>(undefined);
  useEffect(() => {
    const note = (event: PointerEvent): void => {
      lastPointer.current = { x: event.clientX, y: event.clientY };
    };
    const forget = (event: KeyboardEvent): void => {
      if (event.key === 'Enter' || event.key === ' ') lastPointer.current = undefined;
    };
    window.addEventListener('pointerdown', note, true);
    window.addEventListener('keydown', forget, true);
    return () => {
      window.removeEventListener('pointerdown', note, true);
      window.removeEventListener('keydown', forget, true);
    };
  }, []);
  const ask = (kind: ConfirmKind, proceed: () => void): void => setConfirming({ kind, proceed, from: lastPointer.current });
  // A call that ended closes its sheet, so the next call does not open with it.
  if (callSheetOpen && helpShort === undefined) setCallSheetOpen(false);
  // Volunteer mode: the token in memory only, dropped when the session ends.
  const [volunteer, setVolunteer] = useState<KioskVolunteer | undefined>(undefined);
  const [volunteerOpen, setVolunteerOpen] = useState(false);
  // Signed in already for this call, the volunteer's phone button opens the panel again.
  if (help.takeOver !== undefined && volunteer?.callId === help.takeOver.callId) {
    setVolunteerOpen(true);
    help.dismissTakeOver();
  }
  const volunteerRef = useRef<KioskVolunteer | undefined>(undefined);
  useEffect(() => {
    volunteerRef.current = volunteer;
  }, [volunteer]);
  const dockRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLElement>(null);
  const [navSlot, setNavSlot] = useState<HTMLDivElement | null>(null);
  // How many parts the step on screen is split into to fit (the spoken "there is more").
  // How many parts the step on screen took when it was first packed, by step: what its speech
  // says ("Hay más…"). Later re-packs (an error shown, the help call's status opening) change
  // the parts but must not make the kiosk say the whole step again over the error.
  const [stepParts, setStepParts] = useState<{ key: string; parts: number } | undefined>();
  // The procedures whose tiles are on the catalogue's page, once packed: what the kiosk says.
  const [catalogueShown, setCatalogueShown] = useState<readonly string[] | undefined>();

  // The page reserves the dock's height (step bar, help panel, help button) at its end, and a
  // step's area is the screen less the bar on top and the dock: measured, because both grow
  // with the text size and the help panel, and the step pages itself into what is left.
  useEffect(() => {
    const dock = dockRef.current;
    const bar = barRef.current;
    if (!dock || !bar || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--dock-height', `${Math.ceil(dock.getBoundingClientRect().height)}px`);
      root.style.setProperty('--bar-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
    });
    observer.observe(dock);
    observer.observe(bar);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--dock-height');
      root.style.removeProperty('--bar-height');
    };
  }, []);

  // Anonymous analytics: a random id per session, the procedure in progress and whether it got
  // to its end; refs, not state, because nothing on screen depends on them.
  const analytics = useRef<{ sessionId: string; procedureId?: string; stepId?: string; completed: boolean }>({ sessionId: '', completed: false });

  // Opening at a step (`#at=…`): a fresh session there, as after "Empezar de nuevo", except that
  // an open help call stays open (the person waiting is still there).
  const openAtStep = useCallback(
    (list: readonly Procedure[], at: OpenAt): void => {
      const opening = sessionAt(list, at);
      if (!opening.ok) {
        console.warn(`Paso a Paso: the kiosk cannot open there: ${opening.problem}`);
        return;
      }
      analytics.current = { sessionId: '', completed: false };
      if (volunteerRef.current) volunteerLogout(volunteerRef.current.token);
      setVolunteer(undefined);
      setVolunteerOpen(false);
      setSession(opening.session);
      void i18n.changeLanguage(opening.session.language);
    },
    [i18n],
  );
  const initialOpenAt = useRef(openAt);
  const proceduresRef = useRef(procedures);
  useEffect(() => {
    proceduresRef.current = procedures;
  }, [procedures]);
  useOpenAtRequests((at) => openAtStep(proceduresRef.current, at));

  useEffect(() => {
    let cancelled = false;
    void Promise.all([fetchKioskMe(token), loadProcedures()]).then(([who, list]) => {
      if (cancelled) return;
      if (who) setMe(who);
      setLoadFailed(!who || !list);
      // The step the page was opened at, once there are procedures to open it in; once only (this
      // runs again when the procedures are fetched again, and must not undo the senior's steps).
      const at = initialOpenAt.current;
      if (at && list) {
        initialOpenAt.current = undefined;
        openAtStep(list, at);
      }
      // Without a valid token the hub's public /health still says whether this is a demo.
      if (!who) void fetchDemoMode().then((demo) => !cancelled && setHealthDemo(demo));
    });
    return () => {
      cancelled = true;
    };
  }, [token, loadProcedures, openAtStep]);

  const report = useCallback(
    (type: KioskEvent['type'], where: { procedureId?: string; stepId?: string } = {}): void => {
      if (analytics.current.sessionId === '') analytics.current = { sessionId: newAnalyticsSessionId(), completed: false };
      sendKioskEvent(token, { sessionId: analytics.current.sessionId, type, ...where });
    },
    [token],
  );

  // The help call belongs to the session: when the senior ends it (Terminar, Empezar de nuevo),
  // an open call is cancelled on the hub, even one a volunteer accepted or reached, so nobody walks
  // to an empty kiosk and the next senior does not inherit it; the volunteer's phone says the
  // person no longer needs help. (The idle wipe cannot happen while a call is open.)
  const cancelHelp = help.cancel;
  const endSession = useCallback(
    (wiped = false): void => {
      cancelHelp();
      // Where the session ended, so staff see at which step seniors give up or walk away.
      const { procedureId, stepId, completed, sessionId } = analytics.current;
      const where = procedureId === undefined ? {} : { procedureId, ...(stepId !== undefined ? { stepId } : {}) };
      if (procedureId !== undefined && !completed) report('procedure-abandoned', where);
      if (wiped && sessionId !== '') report('idle-reset', where);
      analytics.current = { sessionId: '', completed: false };
      if (volunteerRef.current) volunteerLogout(volunteerRef.current.token);
      setVolunteer(undefined);
      setVolunteerOpen(false);
      setConfirming(undefined);
      setDraftOn(undefined);
      // "Se borró todo…" is said in the language of the senior who may come back to read it;
      // the next session starts in Spanish again (the attract screen's tap).
      const language = wiped ? languageRef.current : 'es';
      setSession(initialSession(wiped, language));
      void i18n.changeLanguage(language);
    },
    [i18n, report, cancelHelp],
  );
  const idle = useIdle(session.screen.name !== 'attract', help.open, () => endSession(true));

  const { screen, language, comfort } = session;

  const stepKey =
    session.screen.name === 'steps'
      ? `${session.screen.procedureId}:${session.screen.engine.current}:${session.screen.engine.trail.length}:${session.language}`
      : '';
  useKioskSpeech({
    session,
    procedures,
    stepParts: stepParts?.key === stepKey ? stepParts.parts : undefined,
    catalogueShown,
    loading: me === undefined && !loadFailed,
    hubDown: loadFailed,
    help: help.status,
    idleWarning: idle.secondsLeft !== undefined,
  });
  // Every new screen starts at its top, with its heading in view.
  const screenKey =
    screen.name === 'steps'
      ? `steps:${screen.engine.current}:${screen.engine.trail.length}`
      : screen.name === 'requirements'
        ? `requirements:${screen.index}`
        : screen.name;
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [screenKey]);
  // A new screen ignores a finger for a moment, and the tremor option holds for every button.
  const press = useKioskPressGate(screenKey, settleMs, comfort.ignoreRepeats);
  // A question or the idle warning is open: the screen beneath cannot be touched or typed into.
  const modal = confirming !== undefined || idle.secondsLeft !== undefined;
  const procedure = 'procedureId' in screen ? procedures.find((p) => p.id === screen.procedureId) : undefined;
  const reachedStep = screen.name === 'steps' ? screen.engine.current : undefined;
  useEffect(() => {
    if (!procedure || reachedStep === undefined) return;
    if (analytics.current.procedureId !== procedure.id) {
      report('procedure-started', { procedureId: procedure.id });
      analytics.current = { ...analytics.current, procedureId: procedure.id, completed: false };
    }
    report('step-reached', { procedureId: procedure.id, stepId: reachedStep });
    analytics.current = { ...analytics.current, stepId: reachedStep };
    if (compileProcedure(procedure).stepById.get(reachedStep)?.kind === 'done' && !analytics.current.completed) {
      report('procedure-completed', { procedureId: procedure.id });
      analytics.current = { ...analytics.current, completed: true };
    }
  }, [procedure, reachedStep, report]);
  const noteDraft = useCallback((typed: boolean) => setDraftOn(typed ? screenKey : undefined), [screenKey]);
  // Answers given, or text typed: ending the session now would lose them, so it asks first. Not
  // at a done step: the procedure is over and what it sent is sent; "Terminar" there is the end
  // the senior was led to (the take-home sheet is offered before it, to print or to scan).
  const atDone = procedure !== undefined && screen.name === 'steps' && compileProcedure(procedure).stepById.get(screen.engine.current)?.kind === 'done';
  const somethingToLose = ((screen.name === 'steps' && Object.keys(screen.engine.answers).length > 0) || draftOn === screenKey) && !atDone;
  const endAsked = (): void => (somethingToLose ? ask('erase', () => endSession()) : endSession());
  const go = (next: KioskSession['screen']): void => setSession((current) => ({ ...current, screen: next }));

  const startProcedure = (chosen: Procedure): void => {
    if (chosen.requirements.length > 0) go({ name: 'requirements', procedureId: chosen.id, index: 0, missing: [] });
    else go({ name: 'steps', procedureId: chosen.id, engine: startSession(chosen) });
  };

  // "Empezar de nuevo" during a procedure, "Terminar" before one (none on the attract screen).
  const restartKey = screen.name === 'steps' ? 'session.restart' : 'session.end';
  const speechControls = useSpeechControls({
    speed: comfort.speechRate,
    volume: comfort.volume,
    onChange: (change) => setSession((current) => ({ ...current, comfort: { ...current.comfort, ...change } })),
  });
  const style = { '--text-body': `${comfort.textSize}px`, '--text-heading': `${Math.round(comfort.textSize * 1.25)}px` } as CSSProperties;

  return (
    <PressGateProvider gate={press.gate}>
      <SettleProvider value={press.settle}>
        <div className={`kiosk${comfort.highContrast ? ' theme-contrast' : ''}`} style={style} data-text-size={comfort.textSize}>
          <div className="kiosk-beneath" inert={modal}>
            <SessionBar
              barRef={barRef}
              demo={Boolean(me?.demo ?? healthDemo)}
              controls={[
                ...speechControls.controls,
                ...(screen.name === 'attract' ? [] : [{ id: 'restart' as const, label: t(restartKey), onPress: endAsked }]),
              ]}
              signs={speechControls.signs}
              onMoreOpened={(ids) => speech.say(moreOptionsUtterances(ids.includes('restart') ? { restart: restartKey } : {}))}
            />
            {loadFailed && screen.name !== 'attract' ? <p className="step-error">{t('app.hubDown')}</p> : null}
            {screen.name === 'attract' ? (
              <AttractScreen
                wiped={screen.wiped}
                onStart={() => {
                  // A new senior: the kiosk speaks Spanish until they choose (the wiped message may have been in Arabic).
                  void i18n.changeLanguage('es');
                  setSession((current) => ({ ...current, language: 'es', screen: { name: 'language' } }));
                }}
              />
            ) : null}
            {screen.name === 'language' ? (
              <LanguageScreen
                onChoose={(chosen) => {
                  void i18n.changeLanguage(chosen);
                  setSession((current) => ({ ...current, language: chosen, screen: { name: 'comfort' } }));
                }}
              />
            ) : null}
            {screen.name === 'comfort' ? (
              <ComfortScreen
                comfort={comfort}
                onChange={(next) => setSession((current) => ({ ...current, comfort: next }))}
                onDone={() => go({ name: 'catalogue' })}
                navSlot={navSlot}
              />
            ) : null}
            {screen.name === 'catalogue' ? (
              me === undefined && !loadFailed ? (
                <main className="kiosk-screen">
                  <p>{t('app.loading')}</p>
                </main>
              ) : (
                <CatalogueScreen procedures={procedures} language={language} onChoose={startProcedure} navSlot={navSlot} onShown={setCatalogueShown} />
              )
            ) : null}
            {screen.name === 'requirements' && procedure ? (
              <RequirementsScreen
                procedure={procedure}
                language={language}
                index={screen.index}
                onAnswer={(has) => {
                  const requirement = procedure.requirements[screen.index];
                  const missing = has || !requirement ? screen.missing : [...screen.missing, requirement.id];
                  if (screen.index + 1 < procedure.requirements.length) go({ ...screen, index: screen.index + 1, missing });
                  else if (missing.length > 0) go({ name: 'missing', procedureId: procedure.id, missing });
                  else go({ name: 'steps', procedureId: procedure.id, engine: startSession(procedure) });
                }}
              />
            ) : null}
            {screen.name === 'missing' && procedure ? (
              <MissingSheet
                procedure={procedure}
                language={language}
                missing={screen.missing}
                onGoOn={() => go({ name: 'steps', procedureId: procedure.id, engine: startSession(procedure) })}
                onStop={endAsked}
                navSlot={navSlot}
              />
            ) : null}
            {screen.name === 'steps' && procedure ? (
              <StepScreen
                procedure={procedure}
                state={screen.engine}
                language={language}
                onChange={(engine) => go({ ...screen, engine })}
                onEnd={endAsked}
                onConfirmSend={(proceed) => ask('send', proceed)}
                onDraft={noteDraft}
                navSlot={navSlot}
                onParts={(parts) => setStepParts((known) => (known?.key === stepKey ? known : { key: stepKey, parts }))}
              />
            ) : null}
          </div>
          {/* The volunteers' own mode has no tremor option and no settle time: every tap counts. */}
          <PressGateProvider gate={everyPress}>
            {/* Volunteer mode's only way in: the volunteer who holds the call asked from their phone (issue 13). */}
            {help.takeOver !== undefined && volunteer?.callId !== help.takeOver.callId ? (
              <VolunteerPinDialog
                deviceToken={token}
                callId={help.takeOver.callId}
                volunteerName={help.takeOver.volunteerName}
                onSignedIn={(signedIn) => {
                  if (volunteer) volunteerLogout(volunteer.token);
                  setVolunteer(signedIn);
                  setVolunteerOpen(true);
                  help.dismissTakeOver();
                }}
                onCancel={help.dismissTakeOver}
              />
            ) : null}
            {volunteerOpen && volunteer !== undefined ? (
              <VolunteerPanel
                volunteer={volunteer}
                procedure={screen.name === 'steps' ? procedure : undefined}
                words={procedure ? procedureLanguage(procedure, language) : undefined}
                currentStepId={screen.name === 'steps' ? screen.engine.current : undefined}
                callId={'callId' in help.status ? help.status.callId : undefined}
                onJump={(stepId) => {
                  if (screen.name !== 'steps' || !procedure) return;
                  const jumped = jumpToStep(procedure, screen.engine, stepId);
                  if (jumped.ok) go({ ...screen, engine: jumped.state });
                  setVolunteerOpen(false);
                }}
                onRestart={() => {
                  if (screen.name === 'steps' && procedure) go({ ...screen, engine: startSession(procedure) });
                  setVolunteerOpen(false);
                }}
                onExit={() => {
                  volunteerLogout(volunteer.token);
                  setVolunteer(undefined);
                  setVolunteerOpen(false);
                }}
                onClose={() => setVolunteerOpen(false)}
              />
            ) : null}
          </PressGateProvider>
          {confirming ? (
            <ConfirmSheet
              kind={confirming.kind}
              from={confirming.from}
              onNo={() => setConfirming(undefined)}
              onYes={() => {
                setConfirming(undefined);
                confirming.proceed();
              }}
            />
          ) : null}
          {idle.secondsLeft !== undefined ? <IdleWarning secondsLeft={idle.secondsLeft} onMoreTime={idle.extend} /> : null}
          {helpShort !== undefined && callSheetOpen ? (
            <HelpCallSheet
              status={help.status}
              onClose={() => setCallSheetOpen(false)}
              onCancel={() => {
                help.cancel();
                setCallSheetOpen(false);
              }}
            />
          ) : null}
          <div className="help-dock no-print" ref={dockRef}>
            <div className="step-nav-slot" ref={setNavSlot} inert={modal} />
            {helpShort === undefined ? <HelpPanel status={help.status} onCancel={help.cancel} /> : null}
            {helpShort === undefined ? (
              <PressButton
                className="help-button"
                onPress={() => {
                  const context = helpContext(session);
                  if (!help.open) report('help-called', context.procedureId === 'kiosk' ? {} : { procedureId: context.procedureId, stepId: context.stepId });
                  help.call({ ...context, language });
                }}
              >
                {t('help.call')}
              </PressButton>
            ) : (
              // The same box, showing the call: a tap opens it in full (its status and "Cancelar llamada").
              <PressButton
                className="help-button help-button-call"
                aria-haspopup="dialog"
                aria-expanded={callSheetOpen}
                data-help-call-status={help.status.kind}
                onPress={() => {
                  setCallSheetOpen(true);
                  speech.say(helpCallSheetUtterances(help.status));
                }}
              >
                <span className="help-button-status" aria-live="polite">
                  {helpShort}
                </span>
                <span className="help-button-more">{t('help.seeCall')}</span>
              </PressButton>
            )}
          </div>
        </div>
      </SettleProvider>
    </PressGateProvider>
  );
}
