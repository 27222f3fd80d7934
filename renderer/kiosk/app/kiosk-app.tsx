/**
 * The kiosk: loads who it is and the published procedures from the hub, then runs one senior's
 * session after another. The session lives in React state only; ending it (Terminar, Empezar de
 * nuevo, the idle wipe) replaces it with a fresh one, so no answer stays in memory or the DOM.
 * The help button sits outside every screen, in the same place and size, always on top.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import type { KioskMeResponse } from '../../../core/protocol/http.js';
import { createAnalyticsTracker } from '../../../core/kiosk/analytics-tracker.js';
import {
  endControlKey,
  endLosesSomething,
  inWorkshopFlow,
  navigate,
  procedureOnScreen,
  screenKey as keyOfScreen,
  stepSpeechKey,
  type ScreenMove,
} from '../../../core/kiosk/session-navigator.js';
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
import { ConfirmSheet, type ConfirmKind } from '../confirm/confirm-sheet.js';
import { SettleProvider, useKioskPressGate } from '../press/use-kiosk-press-gate.js';
import { everyPress, PressButton, PressGateProvider } from '../../ui/press/press-button.js';
import type { ScreenPoint } from '../../../core/kiosk/confirm-place.js';
import { defaultSettleMs } from '../../../core/kiosk/settle.js';
import { useDockMeasure } from './use-dock-measure.js';
import { useLastPointer } from './use-last-pointer.js';
import { useVolunteerMode } from './use-volunteer-mode.js';
import { useSpokenMode } from '../tactile/use-spoken-mode.js';
import { BlankScreen, ScreenSwitch } from '../tactile/blank-screen.js';
import { spokenAs, spokenUi } from '../tactile/spoken-attributes.js';
import { inPracticeLook, practiceLast } from '../../../core/kiosk/practice.js';
import { PracticeBanner, PracticeLookProvider } from '../practice/practice-look.js';
import { handShown, withFinishedLesson } from '../../../core/kiosk/workshop-participation.js';
import { setHand } from '../workshop/workshop-api.js';
import { workshopJoinHandlers } from '../workshop/workshop-join.js';
// Screens most sessions never see: later parts, fetched when the page is idle (later/load-later.tsx).
import {
  ParticipationCertificate,
  VolunteerPanel,
  VolunteerPinDialog,
  WorkshopCodeScreen,
  WorkshopEndedScreen,
  WorkshopHandPanel,
  WorkshopNameScreen,
  WorkshopPause,
} from '../later/later-parts.js';
import { useWorkshop } from '../workshop/use-workshop.js';
import { localDay } from '../../../core/kiosk/participation-certificate.js';

/** Props of {@link KioskApp}. */
export interface KioskAppProps {
  /** The device token, from the URL fragment or (later) the Electron shell; kept in memory only. */
  token: string;
  /** A step to open at once the procedures are loaded (`#at=…`, session/open-at.ts). */
  openAt?: OpenAt;
  /** How long a new screen ignores a finger (core/kiosk/settle.ts); 0 turns it off (tests). */
  settleMs?: number;
  /** The kiosk has a keypad and headphones: the spoken mode is offered (issue 17). */
  spokenModeAvailable?: boolean;
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
export function KioskApp({ token, openAt, settleMs = defaultSettleMs, spokenModeAvailable = false }: KioskAppProps) {
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
  // The catalogue lists the practice scripts after the real ones (issue 18); the speech says them in that order.
  const catalogue = useMemo(() => practiceLast(procedures), [procedures]);
  // A workshop (issue 18): its lessons, in its order, from the published procedures.
  const workshopView = session.workshop?.view;
  const lessonIds = workshopView?.lessonIds.join(',') ?? '';
  const lessons = useMemo(() => lessonIds.split(',').flatMap((id) => procedures.filter((procedure) => procedure.id === id)), [lessonIds, procedures]);
  useWorkshop(token, session, setSession, lessons);
  // From "Unirme a un taller" on (its language and comfort screens too) until the session ends.
  const inWorkshop = session.workshop !== undefined || inWorkshopFlow(session.screen);
  const workshopHolds = workshopView !== undefined && (workshopView.state === 'paused' || workshopView.hand !== 'down');
  const hand = handShown(workshopView);
  const workshopJoin = workshopJoinHandlers(token, setSession);
  const help = useHelpCall(token, me?.site.inPersonHelp ?? '');
  // With a seat the help button raises a hand to the trainer. Before one (the way in: language,
  // comfort, code) there is nobody to raise it to, so it calls the site's volunteers as in any
  // session; a call still open when the code is taken stays shown until it ends.
  const raisesHand = session.workshop !== undefined && !help.open;
  // On a short screen (768 px) the status panel, a row of its own above the help button, took
  // 130 of the step's 500 px: a DNI field with its error and keys no longer fitted (the fit
  // matrix). There the help button's own box shows the status in a few words instead, and a tap
  // on it opens the call in full, with "Cancelar llamada" (help/help-call-sheet.tsx).
  const viewportHeight = useViewportHeight();
  const helpShort = helpStatusInButton(viewportHeight, session.comfort.textSize) && !raisesHand ? helpCallShort(help.status, t) : undefined;
  const [callSheetOpen, setCallSheetOpen] = useState(false);
  const speech = useSpeech();
  const [confirming, setConfirming] = useState<Confirming | undefined>(undefined);
  // The screen whose field holds typed text not yet answered: also something "Terminar" would lose.
  const [draftOn, setDraftOn] = useState<string | undefined>(undefined);
  // Where the last finger landed, for placing a confirmation away from it.
  const lastPointer = useLastPointer();
  const ask = (kind: ConfirmKind, proceed: () => void): void => setConfirming({ kind, proceed, from: lastPointer.current });
  // A call that ended closes its sheet, so the next call does not open with it.
  if (callSheetOpen && helpShort === undefined) setCallSheetOpen(false);
  // Volunteer mode: the token in memory only, dropped when the session ends.
  const volunteerMode = useVolunteerMode(help.takeOver, help.dismissTakeOver);
  const { endWithSession: endVolunteerMode } = volunteerMode;
  // The page reserves the dock's height at its end; a step gets the screen less the bar and the dock.
  const { barRef, dockRef } = useDockMeasure();
  const [navSlot, setNavSlot] = useState<HTMLDivElement | null>(null);
  // How many parts the step on screen took when it was first packed, by step: what its speech
  // says ("Hay más…"). Later re-packs (an error shown, the help call's status opening) change
  // the parts but must not make the kiosk say the whole step again over the error.
  const [stepParts, setStepParts] = useState<{ key: string; parts: number } | undefined>();
  // The procedures whose tiles are on the catalogue's page, once packed: what the kiosk says.
  const [catalogueShown, setCatalogueShown] = useState<readonly string[] | undefined>();

  // Anonymous analytics (core/kiosk/analytics-tracker.ts): which events a session sends. One
  // tracker for the page's life, as the device token is (main.tsx reads it once): it holds the
  // session's id and progress, which nothing on screen depends on.
  const [analytics] = useState(() => createAnalyticsTracker({ send: (event) => sendKioskEvent(token, event), newSessionId: newAnalyticsSessionId }));

  // Opening at a step (`#at=…`): a fresh session there, as after "Empezar de nuevo", except that
  // an open help call stays open (the person waiting is still there).
  const openAtStep = useCallback(
    (list: readonly Procedure[], at: OpenAt): void => {
      const opening = sessionAt(list, at);
      if (!opening.ok) {
        console.warn(`Paso a Paso: the kiosk cannot open there: ${opening.problem}`);
        return;
      }
      analytics.forget();
      endVolunteerMode();
      setSession(opening.session);
      void i18n.changeLanguage(opening.session.language);
    },
    [i18n, analytics, endVolunteerMode],
  );
  const initialOpenAt = useRef(openAt);
  const proceduresRef = useRef(procedures);
  useEffect(() => {
    proceduresRef.current = procedures;
  }, [procedures]);
  useOpenAtRequests(
    (at) => openAtStep(proceduresRef.current, at),
    // `at=here`: the same session and screen (a workshop's, say) in another text size or colours.
    (look) => setSession((current) => ({ ...current, comfort: { ...current.comfort, ...look } })),
  );

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

  // The spoken mode belongs to the session too; its hook comes later (it needs the screen), so
  // ending a session reaches it through this ref.
  const endSpokenMode = useRef<() => void>(() => undefined);

  // The help call belongs to the session: when the senior ends it (Terminar, Empezar de nuevo),
  // an open call is cancelled on the hub, even one a volunteer accepted or reached, so nobody walks
  // to an empty kiosk and the next senior does not inherit it; the volunteer's phone says the
  // person no longer needs help. (The idle wipe cannot happen while a call is open.)
  const cancelHelp = help.cancel;
  const endSession = useCallback(
    (wiped = false): void => {
      cancelHelp();
      analytics.sessionEnded(wiped);
      endVolunteerMode();
      endSpokenMode.current();
      setConfirming(undefined);
      setDraftOn(undefined);
      // "Se borró todo…" is said in the language of the senior who may come back to read it;
      // the next session starts in Spanish again (the attract screen's tap).
      const language = wiped ? languageRef.current : 'es';
      setSession(initialSession(wiped, language));
      void i18n.changeLanguage(language);
    },
    [i18n, analytics, cancelHelp, endVolunteerMode],
  );
  // A paused workshop or a raised hand holds the idle rule, as an open help call does.
  const idle = useIdle(session.screen.name !== 'attract', help.open || workshopHolds, () => endSession(true));

  const { screen, language, comfort } = session;

  // In a workshop the help button raises (and the panel lowers) a hand to the trainer.
  const raiseHand = (raised: boolean): void => {
    if (!session.workshop) return;
    void setHand(token, raised).then((view) => {
      if (view) setSession((current) => (current.workshop?.view.id === view.id ? { ...current, workshop: { ...current.workshop, view } } : current));
    });
  };
  // What the help button does, for the button and for the spoken mode's help key alike.
  const callHelp = (mode: 'touch' | 'spoken'): void => {
    // In a workshop the help button raises a hand to the trainer, never the site's queue.
    if (raisesHand) return raiseHand(true);
    const context = helpContext(session);
    // A press while a call is open is not a new call.
    if (!help.open) analytics.helpCalled(context);
    help.call({ ...context, language, mode });
  };
  const startSession = (): void => {
    if (screen.name !== 'attract') return;
    // A new senior: the kiosk speaks Spanish until they choose (the wiped message may have been in Arabic).
    void i18n.changeLanguage('es');
    const next = navigate(screen, { type: 'start' });
    setSession((current) => ({ ...current, language: 'es', screen: next }));
  };
  const spoken = useSpokenMode({
    available: spokenModeAvailable,
    atAttract: screen.name === 'attract',
    // A question opening over the screen is a new screen for the keys: they reach its answers.
    screenKey: `${keyOfScreen(screen)}|${confirming?.kind ?? ''}|${String(idle.secondsLeft !== undefined)}|${String(callSheetOpen)}`,
    onStart: startSession,
    // Exactly what the help button in its place does: call, or (a call open on a short screen) open the call.
    onHelp: () => {
      if (helpShort === undefined) return callHelp('spoken');
      setCallSheetOpen(true);
      speech.say(helpCallSheetUtterances(help.status));
    },
    idleOpen: idle.secondsLeft !== undefined,
    onIdleAnswer: idle.extend,
    onVoiceChange: (change) => {
      const { speechRate, volume } = session.comfort;
      const wanted =
        change === 'slower' || change === 'faster'
          ? { speechRate: change === 'slower' ? ('slow' as const) : ('normal' as const) }
          : { volume: change === 'quieter' ? ('low' as const) : ('high' as const) };
      if (('speechRate' in wanted && wanted.speechRate === speechRate) || ('volume' in wanted && wanted.volume === volume)) return false;
      setSession((current) => ({ ...current, comfort: { ...current.comfort, ...wanted } }));
      return true;
    },
  });
  const endSpoken = spoken.end;
  useLayoutEffect(() => {
    endSpokenMode.current = endSpoken;
  }, [endSpoken]);

  const stepKey = stepSpeechKey(screen, language);
  useKioskSpeech({
    session,
    procedures: catalogue,
    stepParts: stepParts?.key === stepKey ? stepParts.parts : undefined,
    catalogueShown,
    loading: me === undefined && !loadFailed,
    hubDown: loadFailed,
    help: help.status,
    idleWarning: idle.secondsLeft !== undefined,
    workshop: { hand, paused: workshopView?.state === 'paused' },
    spoken: { available: spokenModeAvailable, active: spoken.active },
  });
  // Every new screen starts at its top, with its heading in view.
  const screenKey = keyOfScreen(screen);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [screenKey]);
  // A new screen ignores a finger for a moment, and the tremor option holds for every button.
  const press = useKioskPressGate(screenKey, settleMs, comfort.ignoreRepeats);
  // A question or the idle warning is open: the screen beneath cannot be touched or typed into.
  const paused = workshopView?.state === 'paused';
  const modal = confirming !== undefined || idle.secondsLeft !== undefined || paused;
  const procedure = procedureOnScreen(screen, procedures);
  // The PRÁCTICA look (issue 18): a practice procedure on screen, or the kiosk in a workshop.
  const practiceLook = useMemo(() => inPracticeLook(procedure, inWorkshop), [procedure, inWorkshop]);
  const reachedStep = screen.name === 'steps' ? screen.engine.current : undefined;
  useEffect(() => {
    if (procedure && reachedStep !== undefined) analytics.stepShown(procedure, reachedStep);
  }, [procedure, reachedStep, analytics]);
  const noteDraft = useCallback((typed: boolean) => setDraftOn(typed ? screenKey : undefined), [screenKey]);
  // Answers given, or text typed: ending the session now would lose them, so it asks first.
  const endAsked = (): void => (endLosesSomething(screen, procedure, draftOn === screenKey) ? ask('erase', () => endSession()) : endSession());
  // The next screen (core/kiosk/session-navigator.ts) from the screen this render showed, not from the
  // latest state: two taps that reach the same handler before the next render make one move.
  const go = (move: ScreenMove): void => {
    const next = navigate(screen, move);
    setSession((current) => ({ ...current, screen: next }));
  };

  // "Empezar de nuevo" during a procedure, "Terminar" before one (none on the attract screen).
  const restartKey = inWorkshop && screen.name !== 'attract' ? 'workshop.leave' : endControlKey(screen);
  const speechControls = useSpeechControls({
    speed: comfort.speechRate,
    volume: comfort.volume,
    onChange: (change) => setSession((current) => ({ ...current, comfort: { ...current.comfort, ...change } })),
  });
  const style = { '--text-body': `${comfort.textSize}px`, '--text-heading': `${Math.round(comfort.textSize * 1.25)}px` } as CSSProperties;

  return (
    <PressGateProvider gate={press.gate}>
      <SettleProvider value={press.settle}>
        <div
          className={`kiosk${comfort.highContrast ? ' theme-contrast' : ''}${spoken.active ? ' kiosk-spoken' : ''}${practiceLook ? ' kiosk-practice' : ''}`}
          style={style}
          data-text-size={comfort.textSize}
          data-spoken-mode={spoken.active || undefined}
          data-practice={practiceLook || undefined}
        >
          <div className="kiosk-beneath" inert={modal}>
            <SessionBar
              barRef={barRef}
              demo={Boolean(me?.demo ?? healthDemo)}
              banner={practiceLook ? <PracticeBanner /> : undefined}
              controls={[
                ...speechControls.controls,
                ...(restartKey === undefined ? [] : [{ id: 'restart' as const, label: t(restartKey), labelKey: restartKey, onPress: endAsked }]),
              ]}
              signs={speechControls.signs}
              onMoreOpened={(ids) =>
                speech.say(
                  moreOptionsUtterances(
                    ids.includes('restart') && restartKey !== undefined ? { restart: restartKey as 'session.restart' | 'session.end' } : {},
                  ),
                )
              }
            />
            {loadFailed && screen.name !== 'attract' ? <p className="step-error">{t('app.hubDown')}</p> : null}
            {screen.name === 'attract' ? (
              <AttractScreen
                wiped={screen.wiped}
                spokenModeOffered={spokenModeAvailable}
                onStart={startSession}
                onJoinWorkshop={() => {
                  void i18n.changeLanguage('es');
                  setSession((current) => ({ ...current, language: 'es', screen: navigate(current.screen, { type: 'workshop-join' }) }));
                }}
              />
            ) : null}
            {screen.name === 'workshop-code' ? (
              <WorkshopCodeScreen navSlot={navSlot} onCode={workshopJoin.onCode} onBack={() => go({ type: 'workshop-back' })} />
            ) : null}
            {screen.name === 'workshop-name' ? <WorkshopNameScreen navSlot={navSlot} onName={(name) => workshopJoin.onName(screen.code, name)} /> : null}
            {screen.name === 'workshop-lessons' ? (
              <CatalogueScreen
                procedures={lessons}
                language={language}
                headingKey="workshop.lessonsHeading"
                finished={session.workshop?.finished ?? []}
                onChoose={(lesson) => go({ type: 'lesson-chosen', lesson })}
                navSlot={navSlot}
                onShown={setCatalogueShown}
              />
            ) : null}
            {screen.name === 'workshop-ended' ? (
              <WorkshopEndedScreen
                navSlot={navSlot}
                onFinish={() => endSession()}
                certificate={
                  // The lessons finished here, the day, the centre and the first name only if one was typed.
                  <ParticipationCertificate
                    lessonTitles={lessons
                      .filter((lesson) => session.workshop?.finished.includes(lesson.id))
                      .map((lesson) => procedureLanguage(lesson, language).text(lesson.title))}
                    date={localDay(new Date())}
                    centreName={me?.site.name ?? ''}
                    firstName={session.workshop?.view.firstName}
                    language={language}
                  />
                }
              />
            ) : null}
            {screen.name === 'language' ? (
              <LanguageScreen
                onChoose={(chosen) => {
                  void i18n.changeLanguage(chosen);
                  const next = navigate(screen, { type: 'language-chosen' });
                  setSession((current) => ({ ...current, language: chosen, screen: next }));
                }}
              />
            ) : null}
            {screen.name === 'comfort' ? (
              <ComfortScreen
                comfort={comfort}
                onChange={(next) => setSession((current) => ({ ...current, comfort: next }))}
                onDone={() => go({ type: 'comfort-done' })}
                navSlot={navSlot}
              />
            ) : null}
            {screen.name === 'catalogue' ? (
              me === undefined && !loadFailed ? (
                <main className="kiosk-screen">
                  <p>{t('app.loading')}</p>
                </main>
              ) : (
                <CatalogueScreen
                  procedures={catalogue}
                  language={language}
                  onChoose={(chosen) => go({ type: 'procedure-chosen', procedure: chosen })}
                  navSlot={navSlot}
                  onShown={setCatalogueShown}
                />
              )
            ) : null}
            {screen.name === 'requirements' && procedure ? (
              <RequirementsScreen
                procedure={procedure}
                language={language}
                index={screen.index}
                onAnswer={(has) => go({ type: 'requirement-answered', procedure, has })}
              />
            ) : null}
            {screen.name === 'missing' && procedure ? (
              <MissingSheet
                procedure={procedure}
                language={language}
                missing={screen.missing}
                onGoOn={() => go({ type: 'go-on-without', procedure })}
                onStop={endAsked}
                navSlot={navSlot}
              />
            ) : null}
            {screen.name === 'steps' && procedure ? (
              <PracticeLookProvider on={practiceLook}>
                <StepScreen
                  procedure={procedure}
                  state={screen.engine}
                  language={language}
                  onChange={(engine) => go({ type: 'step-changed', engine })}
                  onEnd={
                    session.workshop
                      ? () =>
                          // A lesson's end in a workshop: back to the lessons, this one done.
                          setSession((current) =>
                            current.workshop && current.screen.name === 'steps'
                              ? {
                                  ...current,
                                  screen: navigate(current.screen, { type: 'lesson-finished' }),
                                  workshop: {
                                    ...current.workshop,
                                    finished: withFinishedLesson(current.workshop.finished, current.screen.procedureId, current.workshop.view),
                                  },
                                }
                              : current,
                          )
                      : endAsked
                  }
                  onConfirmSend={(proceed) => ask('send', proceed)}
                  onDraft={noteDraft}
                  navSlot={navSlot}
                  onParts={(parts) => setStepParts((known) => (known?.key === stepKey ? known : { key: stepKey, parts }))}
                />
              </PracticeLookProvider>
            ) : null}
          </div>
          {/* The volunteers' own mode has no tremor option and no settle time: every tap counts. */}
          <PressGateProvider gate={everyPress}>
            {/* Volunteer mode's only way in: the volunteer who holds the call asked from their phone (issue 13). */}
            {volunteerMode.askPin && help.takeOver !== undefined ? (
              <VolunteerPinDialog
                deviceToken={token}
                callId={help.takeOver.callId}
                volunteerName={help.takeOver.volunteerName}
                onSignedIn={volunteerMode.signedIn}
                onCancel={help.dismissTakeOver}
              />
            ) : null}
            {volunteerMode.panelOpen && volunteerMode.volunteer !== undefined ? (
              <VolunteerPanel
                volunteer={volunteerMode.volunteer}
                procedure={screen.name === 'steps' ? procedure : undefined}
                words={procedure ? procedureLanguage(procedure, language) : undefined}
                currentStepId={screen.name === 'steps' ? screen.engine.current : undefined}
                callId={'callId' in help.status ? help.status.callId : undefined}
                onJump={(stepId) => {
                  if (screen.name !== 'steps' || !procedure) return;
                  go({ type: 'volunteer-jump', procedure, stepId });
                  volunteerMode.closePanel();
                }}
                onRestart={() => {
                  if (procedure) go({ type: 'volunteer-restart', procedure });
                  volunteerMode.closePanel();
                }}
                onExit={volunteerMode.exit}
                onClose={volunteerMode.closePanel}
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
          {paused ? <WorkshopPause message={workshopView?.pauseMessage} /> : null}
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
            {raisesHand ? (
              <WorkshopHandPanel hand={hand} onLower={() => raiseHand(false)} />
            ) : helpShort === undefined ? (
              <HelpPanel status={help.status} onCancel={help.cancel} />
            ) : null}
            {helpShort === undefined ? (
              <PressButton className="help-button" {...spokenUi('help.call')} onPress={() => callHelp(spoken.active ? 'spoken' : 'touch')}>
                {t('help.call')}
              </PressButton>
            ) : (
              // The same box, showing the call: a tap opens it in full (its status and "Cancelar llamada").
              <PressButton
                className="help-button help-button-call"
                aria-haspopup="dialog"
                aria-expanded={callSheetOpen}
                data-help-call-status={help.status.kind}
                {...spokenAs(helpCallSheetUtterances(help.status))}
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
          {spoken.active ? <ScreenSwitch off={spoken.screenOff} onToggle={spoken.toggleScreen} /> : null}
          {spoken.active && spoken.screenOff ? <BlankScreen onTurnOn={spoken.toggleScreen} /> : null}
        </div>
      </SettleProvider>
    </PressGateProvider>
  );
}
