/**
 * One procedure's page: the form, and beside it the raw YAML (an "advanced" view, closed until
 * asked for) in sync with it, the checker's findings at their places, the kiosk preview,
 * publishing and the history. The YAML text is the
 * editor's state; the hub keeps the draft, and every save or publication names the revision it
 * was based on, so a change someone made in between is refused and explained, never overwritten,
 * and the author's text stays in the editor.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/procedure/problem.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import type { ProcedureDetailResponse, VersionListResponse } from '../../../core/protocol/staff-console.js';
import type { PageProps } from '../app/page-props.js';
import { routeHash } from '../app/routes.js';
import { failureText } from '../hub-api/failure-text.js';
import type { HubFailure } from '../hub-api/request.js';
import { createPracticeTwin, discardDraft, fetchProcedure, fetchVersions, publishDraft, rollbackTo, saveDraft, setOwner } from '../hub-api/staff-api.js';
import { HistoryPanel } from '../history/history-panel.js';
import { OwnerPicker } from './owner-picker.js';
import { mostPartsBeforeWarning } from '../../kiosk/public.js';
import { FitWarningSurvey, type FitWarning } from '../preview/fit-warnings.js';
import { KioskPreview } from '../preview/kiosk-preview.js';
import { pickText } from '../../../core/text/pick-text.js';
import { formatMomentPhrase } from '../shared/format.js';
import { LoadState } from '../shared/load-state.js';
import { useHubData } from '../shared/use-hub-data.js';
import {
  canDiscard,
  changeOwner,
  discardSavedDraft,
  isDirty,
  loadedDraft,
  nextVersion as nextVersionOf,
  nothingToPublish as nothingToPublishOf,
  publishText,
  refreshDraft,
  rollBack,
  saveIfNeeded,
  type DraftApi,
  type DraftAuthor,
  type DraftState,
} from './draft-workflow.js';
import { asRecord, stepOutlines } from './form-data.js';
import { ProblemsList } from './problems-list.js';
import { ProcedureForm } from './procedure-form.js';
import { PublishPanel } from './publish-panel.js';
import { useChecker } from './use-checker.js';
import { applyEdit, formDataOf, type FormEdit } from './yaml-document.js';
import type { YamlPaneHandle } from './yaml-pane.js';

// CodeMirror is not part of the console's first load: most visits use the form alone. It is
// fetched in the background once an editor page is open, so the pane opens at once.
const loadYamlPane = () => import('./yaml-pane.js');
const YamlPane = lazy(() => loadYamlPane().then((module) => ({ default: module.YamlPane })));

// About 10 ms for js-yaml to read on a desk computer: more than this per keystroke is felt.
const parseHereLimit = 64 * 1024;

/** Props of {@link EditorScreen}. */
export interface EditorScreenProps extends PageProps {
  procedureId: string;
}

interface Loaded {
  detail: ProcedureDetailResponse;
  versions: VersionListResponse['versions'];
}

/** Loads the procedure, then shows the editor. */
export function EditorScreen({ session, onSessionEnded, procedureId }: EditorScreenProps) {
  const { t } = useTranslation();
  const [state, reload] = useHubData(async () => {
    const [detail, versions] = await Promise.all([fetchProcedure(session.token, procedureId), fetchVersions(session.token, procedureId)]);
    if (!detail.ok) return detail;
    return { ok: true as const, value: { detail: detail.value, versions: versions.ok ? versions.value.versions : [] } };
  }, onSessionEnded);
  return (
    <main id="main" tabIndex={-1} className="staff-main staff-wide">
      <p>
        <a href={routeHash({ page: 'procedures' })}>← {t('editor.back')}</a>
      </p>
      <LoadState state={state} onRetry={reload} />
      {state.kind === 'loaded' ? <Editor session={session} onSessionEnded={onSessionEnded} procedureId={procedureId} initial={state.value} /> : null}
    </main>
  );
}

/** What the last action said. */
type Message = { kind: 'ok'; text: string } | { kind: 'error'; text: string } | { kind: 'conflict'; text: string };

function Editor({ session, onSessionEnded, procedureId, initial }: EditorScreenProps & { initial: Loaded }) {
  const { t, i18n } = useTranslation();
  // What the hub holds of the procedure and the revision to build on (editor/draft-workflow.ts).
  const [draft, setDraft] = useState<DraftState>(() => loadedDraft(initial.detail, initial.versions));
  const { detail, versions } = draft;
  // The text, and whether the form's data is read from it here, at once (see `parsed` below).
  const [source, setSource] = useState(() => ({ text: draft.hubSource, parseHere: true }));
  const text = source.text;
  const setText = (next: string): void => setSource({ text: next, parseHere: true });
  const [selected, setSelected] = useState(0);
  const [busy, setBusy] = useState<'saving' | 'publishing' | 'discarding' | undefined>();
  const [twinning, setTwinning] = useState(false);
  const [message, setMessage] = useState<Message | undefined>();
  const [changelog, setChangelog] = useState('');
  const yamlPane = useRef<YamlPaneHandle>(null);
  // The YAML pane is for the few who want it: the form is the editor, so it starts closed.
  const [yamlOpen, setYamlOpen] = useState(false);
  // A place to go to once the pane has opened (a problem's line chosen while it was closed).
  const [openAt, setOpenAt] = useState<Pick<Problem, 'line' | 'column'> | undefined>();
  const notice = useRef<HTMLDivElement>(null);
  const focusNoticeWhenShown = useRef(false);
  useEffect(() => {
    if (message === undefined || !focusNoticeWhenShown.current) return;
    focusNoticeWhenShown.current = false;
    notice.current?.focus();
  }, [message]);
  const check = useChecker(text);
  // Opening the editor from another page takes the focus to its heading (app/page-focus.ts);
  // CodeMirror is fetched meanwhile, for the YAML pane.
  useEffect(() => {
    void loadYamlPane();
  }, []);
  const goTo = (place: Pick<Problem, 'line' | 'column'>): void => {
    if (yamlPane.current) return yamlPane.current.goToLine(place.line, place.column);
    setOpenAt(place);
    setYamlOpen(true);
  };
  // Steps too long for the smallest screen at the largest text: warned of, never blocking.
  const [fitWarnings, setFitWarnings] = useState<FitWarning[]>([]);
  // The last procedure without problems, for the preview while the text has some (updated during render, React's pattern for derived state).
  const [lastGood, setLastGood] = useState<Procedure | undefined>(check.procedure);
  if (check.procedure && check.procedure !== lastGood) setLastGood(check.procedure);

  // The form's data. Read here, on every change, when the text is of an ordinary size or the form wrote it (the
  // form's own fields must show each keystroke); a very large text typed in the YAML pane is read
  // by the checker's worker instead, a moment after typing pauses, so typing never waits for it.
  const parsedHere = useMemo(() => (source.parseHere || source.text.length <= parseHereLimit ? formDataOf(source.text) : undefined), [source]);
  const parsed = parsedHere ?? check.form;
  const [lastData, setLastData] = useState<unknown>(() => (parsed.ok ? parsed.data : {}));
  if (parsed.ok && parsed.data !== lastData) setLastData(parsed.data);
  // The form shows the last well-formed data while the YAML is broken.
  const data = parsed.ok ? parsed.data : lastData;
  const outlines = useMemo(() => stepOutlines(data), [data]);
  const dirty = isDirty(draft, text);
  // The workflow's hub calls, for this procedure, as the signed-in person.
  const api: DraftApi = {
    fetchProcedure: () => fetchProcedure(session.token, procedureId),
    fetchVersions: () => fetchVersions(session.token, procedureId),
    saveDraft: (source, baseRevision) => saveDraft(session.token, procedureId, source, baseRevision),
    publishDraft: (baseRevision, changelog) => publishDraft(session.token, procedureId, baseRevision, changelog),
    rollbackTo: (baseRevision, toVersion) => rollbackTo(session.token, procedureId, baseRevision, toVersion),
    discardDraft: (baseRevision) => discardDraft(session.token, procedureId, baseRevision),
    setOwner: (ownerStaffId, baseRevision) => setOwner(session.token, procedureId, ownerStaffId, baseRevision),
  };
  const author: DraftAuthor = { id: session.staffId, name: session.name };

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const edit = useCallback(
    (change: FormEdit): void => setSource((current) => ({ text: applyEdit(current.text, change) ?? current.text, parseHere: true })),
    [],
  );
  const newStep = useCallback(
    (id: string, languages: readonly string[]) => ({
      id,
      kind: 'info',
      title: Object.fromEntries(languages.map((language) => [language, t('editor.newStepTitle', { lng: language })])),
      text: Object.fromEntries(languages.map((language) => [language, t('editor.newStepText', { lng: language })])),
    }),
    [t],
  );
  const showStep = useCallback(
    (stepId: string): void => {
      const index = outlines.findIndex((step) => step.id === stepId);
      if (index >= 0) setSelected(index);
    },
    [outlines],
  );
  // The form and the previews are drawn again only when what they show changes, not on every
  // change of the text: typing in the YAML pane must not wait for them.
  const previewed = check.procedure ?? lastGood;
  const previewIsLastGood = check.procedure === undefined;
  const form = useMemo(
    () => (
      <ProcedureForm
        data={data}
        problems={check.problems}
        frozen={!parsed.ok}
        selectedStep={selected}
        onSelectStep={setSelected}
        onEdit={edit}
        newStep={newStep}
      />
    ),
    [data, check.problems, parsed.ok, selected, edit, newStep],
  );
  const fitSurvey = useMemo(() => <FitWarningSurvey procedure={previewed} onWarnings={setFitWarnings} />, [previewed]);
  const selectedStepId = outlines[selected]?.id;
  const preview = useMemo(
    () => <KioskPreview procedure={previewed} lastGood={previewIsLastGood} token={session.token} stepId={selectedStepId} onStepChange={showStep} />,
    [previewed, previewIsLastGood, session.token, selectedStepId, showStep],
  );

  const refused = (failure: HubFailure): void => {
    if (failure.kind === 'refused' && failure.code === 'version-conflict') {
      const at = asRecord(failure.body)['at'];
      const when = typeof at === 'number' ? formatMomentPhrase(at, i18n.language) : t('publish.conflictWhenUnknown');
      setMessage({ kind: 'conflict', text: t('publish.conflict', { who: failure.by ?? t('publish.conflictSomeone'), when }) });
      return;
    }
    const { message: said, sessionEnded } = failureText(failure, t);
    if (sessionEnded) return onSessionEnded(said);
    setMessage({ kind: 'error', text: said });
  };

  /** Shows what the hub now holds, and the hub's text when the workflow asked for it. */
  const show = (outcome: { state: DraftState; text?: string }): void => {
    // A refusal before anything changed hands back the state the action started from: nothing to set.
    if (outcome.state !== draft) setDraft(outcome.state);
    if (outcome.text !== undefined) setText(outcome.text);
  };

  const refresh = async (replaceText: boolean): Promise<void> => {
    const read = await refreshDraft(api, draft, replaceText);
    show(read);
    if (!read.ok) refused(read.failure);
  };

  const save = async (): Promise<void> => {
    setBusy('saving');
    setMessage(undefined);
    const saved = await saveIfNeeded(api, draft, text, author);
    show(saved);
    setBusy(undefined);
    // The button is disabled once saved: the focus goes to what happened (the effect above).
    focusNoticeWhenShown.current = true;
    if (saved.ok) setMessage({ kind: 'ok', text: t('editor.saved') });
    else refused(saved.failure);
  };

  const publish = async (): Promise<void> => {
    setBusy('publishing');
    setMessage(undefined);
    const published = await publishText(api, draft, { text, changelog, author, onSaved: setDraft });
    show(published);
    setBusy(undefined);
    if (!published.ok) return refused(published.failure);
    setChangelog('');
    if (published.refreshFailure) refused(published.refreshFailure);
    const { version, staleTwins = [] } = published.value;
    // A source's change that leaves its practice twin stale is published (twin-rules.ts on the hub); staff are told which twin.
    const stale = staleTwins.length > 0 ? ` ${t('publish.twinsStale', { count: staleTwins.length, twins: staleTwins.join(', ') })}` : '';
    setMessage({ kind: 'ok', text: `${t('publish.published', { version })}${stale}` });
  };

  const rollback = async (version: number): Promise<void> => {
    setBusy('publishing');
    setMessage(undefined);
    // Unsaved work is kept in the editor; otherwise it shows the text now published.
    const done = await rollBack(api, draft, version, dirty);
    show(done);
    setBusy(undefined);
    if (!done.ok) return refused(done.failure);
    if (done.refreshFailure) refused(done.refreshFailure);
    setMessage({ kind: 'ok', text: t('history.rolledBack', { version, newVersion: done.value.version }) });
  };

  // The twin is made by the hub from the published version, as a new procedure: its editor opens next.
  const makeTwin = async (): Promise<void> => {
    setTwinning(true);
    setMessage(undefined);
    const made = await createPracticeTwin(session.token, procedureId);
    setTwinning(false);
    if (made.ok) window.location.hash = routeHash({ page: 'editor', procedureId: made.value.id });
    else refused(made.failure);
  };

  const discard = async (): Promise<void> => {
    setBusy('discarding');
    setMessage(undefined);
    const publishedVersion = detail.published?.version ?? 0;
    // The draft is gone on the hub, so the editor shows the published text again, unsaved edits included.
    const done = await discardSavedDraft(api, draft);
    show(done);
    setBusy(undefined);
    if (!done.ok) refused(done.failure);
    else {
      if (done.refreshFailure) refused(done.refreshFailure);
      setMessage({ kind: 'ok', text: t('discard.done', { version: publishedVersion }) });
    }
    // The button sits far below the message (and goes away once the draft is gone): the focus
    // goes to what happened, once the message is on the page (the effect above).
    focusNoticeWhenShown.current = true;
  };

  const title = pickText(asRecord(asRecord(data)['title']) as Record<string, string>, i18n.language);
  const nothingToPublish = nothingToPublishOf(draft, text);
  const nextVersion = nextVersionOf(draft);

  return (
    <>
      <div className="editor-top">
        <h1 tabIndex={-1}>{t('editor.heading', { title: title.text || procedureId })}</h1>
        <div className="editor-actions">
          <OwnerPicker
            token={session.token}
            owner={detail.owner}
            disabled={busy !== undefined}
            onChoose={async (ownerId) => {
              const changed = await changeOwner(api, draft, ownerId);
              show(changed);
              if (!changed.ok) refused(changed.failure);
              else if (changed.refreshFailure) refused(changed.refreshFailure);
            }}
          />
          {dirty ? <span className="status status-changed">{t('editor.unsaved')}</span> : null}
          <button type="button" className="button button-secondary" disabled={busy !== undefined || !dirty} onClick={() => void save()}>
            {busy === 'saving' ? t('editor.saving') : t('editor.saveDraft')}
          </button>
          {/* Only a published real procedure has a twin: the hub makes it from the published text. */}
          {detail.published && asRecord(data)['practice'] !== true ? (
            <>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy !== undefined || twinning}
                aria-describedby="make-twin-hint"
                onClick={() => void makeTwin()}
              >
                {twinning ? t('editor.makingTwin') : t('editor.makeTwin')}
              </button>
              <span id="make-twin-hint" className="visually-hidden">
                {t('editor.makeTwinHint', { id: procedureId })}
              </span>
            </>
          ) : null}
        </div>
      </div>
      {message ? (
        <div ref={notice} tabIndex={-1} className={`notice notice-${message.kind === 'ok' ? 'ok' : 'error'}`} role={message.kind === 'ok' ? 'status' : 'alert'}>
          <p>{message.text}</p>
          {message.kind === 'conflict' ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setMessage(undefined);
                void refresh(true);
              }}
            >
              {t('publish.reloadTheirs')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="editor-grid">
        <section className="editor-form" aria-labelledby="form-heading">
          <h2 id="form-heading">{t('editor.formHeading')}</h2>
          {form}
        </section>
        <section className="editor-yaml" aria-labelledby="yaml-heading">
          <h2 id="yaml-heading">
            <button
              type="button"
              className="disclosure-button"
              aria-expanded={yamlOpen}
              aria-controls="yaml-pane"
              onClick={() => {
                setOpenAt(undefined);
                setYamlOpen((open) => !open);
              }}
            >
              <span aria-hidden="true">{yamlOpen ? '▾ ' : '▸ '}</span>
              {t('editor.yamlAdvanced')}
            </button>
          </h2>
          <div id="yaml-pane">
            {yamlOpen ? (
              <Suspense fallback={<p className="muted">{t('editor.yamlLoading')}</p>}>
                <YamlPane
                  text={text}
                  problems={check.problems}
                  checkedText={check.checkedText}
                  onChange={(typed) => setSource({ text: typed, parseHere: false })}
                  paneRef={yamlPane}
                  describedBy={check.problems.length > 0 ? 'editor-problems' : undefined}
                  startAt={openAt}
                />
              </Suspense>
            ) : null}
          </div>
          <ProblemsList
            id="editor-problems"
            problems={check.problems}
            checking={check.checking}
            onGoTo={goTo}
            notes={check.notes}
            warnings={fitWarnings.map(({ stepId, parts }) => ({
              stepId,
              message: t('editor.fitWarning', {
                step: stepId,
                parts,
                limit: mostPartsBeforeWarning.parts,
                width: mostPartsBeforeWarning.screen.width,
                height: mostPartsBeforeWarning.screen.height,
                size: mostPartsBeforeWarning.textSize,
              }),
            }))}
            onGoToStep={showStep}
          />
          {fitSurvey}
        </section>
      </div>
      <div className="editor-bottom">
        {preview}
        <div className="editor-side">
          <PublishPanel
            changelog={changelog}
            onChangelog={setChangelog}
            problems={check.problems.length}
            checking={check.checking}
            nothingToPublish={nothingToPublish}
            nextVersion={nextVersion}
            busy={busy}
            onPublish={() => void publish()}
            canDiscard={canDiscard(draft)}
            onDiscard={() => void discard()}
            token={session.token}
            procedureId={procedureId}
          />
          <HistoryPanel
            token={session.token}
            procedureId={procedureId}
            versions={versions}
            busy={busy !== undefined}
            onRollback={(version) => void rollback(version)}
          />
        </div>
      </div>
    </>
  );
}
