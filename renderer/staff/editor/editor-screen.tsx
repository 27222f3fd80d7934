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
import { formatMoment } from '../shared/format.js';
import { LoadState } from '../shared/load-state.js';
import { useHubData } from '../shared/use-hub-data.js';
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

function sourceOf(detail: ProcedureDetailResponse): string {
  return detail.draft?.source ?? detail.published?.source ?? '';
}

function Editor({ session, onSessionEnded, procedureId, initial }: EditorScreenProps & { initial: Loaded }) {
  const { t, i18n } = useTranslation();
  const [detail, setDetail] = useState(initial.detail);
  const [versions, setVersions] = useState(initial.versions);
  const [text, setText] = useState(() => sourceOf(initial.detail));
  // What the hub holds (draft, else published): the editor has unsaved changes when `text` differs.
  const [hubSource, setHubSource] = useState(() => sourceOf(initial.detail));
  const [revision, setRevision] = useState(initial.detail.revision);
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
  const dirty = text !== hubSource;

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
      const when = typeof at === 'number' ? formatMoment(at, i18n.language) : '—';
      setMessage({ kind: 'conflict', text: t('publish.conflict', { who: failure.by ?? t('publish.conflictSomeone'), when }) });
      return;
    }
    const { message: said, sessionEnded } = failureText(failure, t);
    if (sessionEnded) return onSessionEnded(said);
    setMessage({ kind: 'error', text: said });
  };

  const refresh = async (replaceText: boolean): Promise<void> => {
    const [fresh, list] = await Promise.all([fetchProcedure(session.token, procedureId), fetchVersions(session.token, procedureId)]);
    if (list.ok) setVersions(list.value.versions);
    if (!fresh.ok) return refused(fresh.failure);
    setDetail(fresh.value);
    setRevision(fresh.value.revision);
    setHubSource(sourceOf(fresh.value));
    if (replaceText) setText(sourceOf(fresh.value));
  };

  /** Saves the text as the draft when it differs from the hub's; the revision to go on from, or undefined when refused. */
  const saveIfNeeded = async (): Promise<number | undefined> => {
    if (!dirty && detail.draft) return revision;
    if (!dirty && !detail.draft) return revision;
    const saved = await saveDraft(session.token, procedureId, text, revision);
    if (!saved.ok) {
      refused(saved.failure);
      return undefined;
    }
    setRevision(saved.value.revision);
    setHubSource(text);
    setDetail((current) => ({
      ...current,
      revision: saved.value.revision,
      draft: { source: text, problems: saved.value.problems, savedAt: saved.value.savedAt, savedBy: { id: '', name: session.name } },
    }));
    return saved.value.revision;
  };

  const save = async (): Promise<void> => {
    setBusy('saving');
    setMessage(undefined);
    const done = await saveIfNeeded();
    setBusy(undefined);
    if (done !== undefined) setMessage({ kind: 'ok', text: t('editor.saved') });
  };

  const publish = async (): Promise<void> => {
    setBusy('publishing');
    setMessage(undefined);
    const base = await saveIfNeeded();
    if (base === undefined) return setBusy(undefined);
    const published = await publishDraft(session.token, procedureId, base, changelog.trim());
    if (!published.ok) {
      setBusy(undefined);
      return refused(published.failure);
    }
    setChangelog('');
    await refresh(false);
    setBusy(undefined);
    setMessage({ kind: 'ok', text: t('publish.published', { version: published.value.version }) });
  };

  const rollback = async (version: number): Promise<void> => {
    setBusy('publishing');
    setMessage(undefined);
    const done = await rollbackTo(session.token, procedureId, revision, version);
    if (!done.ok) {
      setBusy(undefined);
      return refused(done.failure);
    }
    // Unsaved work is kept in the editor; otherwise it shows the text now published.
    await refresh(!dirty);
    setBusy(undefined);
    setMessage({ kind: 'ok', text: t('history.rolledBack', { version, newVersion: done.value.version }) });
  };

  const discard = async (): Promise<void> => {
    setBusy('discarding');
    setMessage(undefined);
    const done = await discardDraft(session.token, procedureId, revision);
    // The button sits far below the message (and goes away once the draft is gone): the focus
    // goes to what happened, once the message is on the page (the effect below).
    const showOutcome = (): void => {
      focusNoticeWhenShown.current = true;
    };
    if (!done.ok) {
      setBusy(undefined);
      refused(done.failure);
      showOutcome();
      return;
    }
    // The draft is gone on the hub, so the editor shows the published text again, unsaved edits included.
    await refresh(true);
    setBusy(undefined);
    setMessage({ kind: 'ok', text: t('discard.done', { version: detail.published?.version ?? 0 }) });
    showOutcome();
  };

  const title = pickText(asRecord(asRecord(data)['title']) as Record<string, string>, i18n.language);
  const publishedSource = detail.published?.source;
  const nothingToPublish = !dirty && !detail.draft && publishedSource !== undefined;
  const nextVersion = (detail.published?.version ?? 0) + 1;

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
              const changed = await setOwner(session.token, procedureId, ownerId, revision);
              if (!changed.ok) return refused(changed.failure);
              setRevision(changed.value);
              await refresh(false);
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
            canDiscard={detail.draft !== null && detail.published !== null}
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
