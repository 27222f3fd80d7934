/**
 * One procedure's page: the form and the raw YAML side by side and in sync, the checker's
 * findings at their places, the kiosk preview, publishing and the history. The YAML text is the
 * editor's state; the hub keeps the draft, and every save or publication names the revision it
 * was based on, so a change someone made in between is refused and explained, never overwritten,
 * and the author's text stays in the editor.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../../core/procedure/schema.js';
import type { ProcedureDetailResponse, VersionListResponse } from '../../../core/protocol/staff-console.js';
import type { PageProps } from '../app/page-props.js';
import { routeHash } from '../app/routes.js';
import { failureText } from '../hub-api/failure-text.js';
import type { HubFailure } from '../hub-api/request.js';
import { discardDraft, fetchProcedure, fetchVersions, publishDraft, rollbackTo, saveDraft, setOwner } from '../hub-api/staff-api.js';
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
import { goToLine, YamlPane } from './yaml-pane.js';

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
  const [text, setText] = useState(() => draft.hubSource);
  const [selected, setSelected] = useState(0);
  const [busy, setBusy] = useState<'saving' | 'publishing' | 'discarding' | undefined>();
  const [message, setMessage] = useState<Message | undefined>();
  const [changelog, setChangelog] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  const notice = useRef<HTMLDivElement>(null);
  const focusNoticeWhenShown = useRef(false);
  useEffect(() => {
    if (message === undefined || !focusNoticeWhenShown.current) return;
    focusNoticeWhenShown.current = false;
    notice.current?.focus();
  }, [message]);
  const check = useChecker(text);
  // Steps too long for the smallest screen at the largest text: warned of, never blocking.
  const [fitWarnings, setFitWarnings] = useState<FitWarning[]>([]);
  // The last procedure without problems, for the preview while the text has some (updated during render, React's pattern for derived state).
  const [lastGood, setLastGood] = useState<Procedure | undefined>(check.procedure);
  if (check.procedure && check.procedure !== lastGood) setLastGood(check.procedure);

  // The form shows the last well-formed data while the YAML is broken.
  const parsed = useMemo(() => formDataOf(text), [text]);
  const [lastData, setLastData] = useState<unknown>(() => (parsed.ok ? parsed.data : {}));
  if (parsed.ok && parsed.data !== lastData) setLastData(parsed.data);
  const data = parsed.ok ? parsed.data : lastData;
  const outlines = stepOutlines(data);
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

  const edit = (change: FormEdit): void => setText((current) => applyEdit(current, change) ?? current);

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
    setMessage({ kind: 'ok', text: t('publish.published', { version: published.value.version }) });
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
        <h1>{t('editor.heading', { title: title.text || procedureId })}</h1>
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
          <ProcedureForm
            data={data}
            problems={check.problems}
            frozen={!parsed.ok}
            selectedStep={selected}
            onSelectStep={setSelected}
            onEdit={edit}
            newStep={(id, languages) => ({
              id,
              kind: 'info',
              title: Object.fromEntries(languages.map((language) => [language, t('editor.newStepTitle', { lng: language })])),
              text: Object.fromEntries(languages.map((language) => [language, t('editor.newStepText', { lng: language })])),
            })}
          />
        </section>
        <section className="editor-yaml" aria-labelledby="yaml-heading">
          <h2 id="yaml-heading">{t('editor.yamlHeading')}</h2>
          <YamlPane
            text={text}
            problems={check.problems}
            onChange={setText}
            textareaRef={textarea}
            describedBy={check.problems.length > 0 ? 'editor-problems' : undefined}
          />
          <ProblemsList
            id="editor-problems"
            problems={check.problems}
            checking={check.checking}
            onGoTo={(place) => {
              if (textarea.current) goToLine(textarea.current, place.line, place.column);
            }}
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
            onGoToStep={(stepId) => {
              const index = outlines.findIndex((step) => step.id === stepId);
              if (index >= 0) setSelected(index);
            }}
          />
          <FitWarningSurvey procedure={check.procedure ?? lastGood} onWarnings={setFitWarnings} />
        </section>
      </div>
      <div className="editor-bottom">
        <KioskPreview
          procedure={check.procedure ?? lastGood}
          lastGood={check.procedure === undefined}
          token={session.token}
          stepId={outlines[selected]?.id}
          onStepChange={(stepId) => {
            const index = outlines.findIndex((step) => step.id === stepId);
            if (index >= 0) setSelected(index);
          }}
        />
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
