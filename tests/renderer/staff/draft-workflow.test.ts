import { describe, expect, it } from 'vitest';
import type { ProcedureDetailResponse, VersionListResponse } from '../../../core/protocol/staff-console.js';
import {
  canDiscard,
  changeOwner,
  discardSavedDraft,
  isDirty,
  loadedDraft,
  nextVersion,
  nothingToPublish,
  publishText,
  refreshDraft,
  rollBack,
  saveIfNeeded,
  type DraftApi,
  type DraftState,
} from '../../../renderer/staff/editor/draft-workflow.js';
import type { HubFailure, HubResult } from '../../../renderer/staff/hub-api/request.js';

const ana = { id: 'staff-ana', name: 'Ana Ruiz' };
const conflict: HubFailure = { kind: 'refused', status: 409, message: 'changed', code: 'version-conflict', by: 'Luis' };

/**
 * A hub holding one procedure, with the rules the real one keeps: every change names the revision
 * it is based on and moves it on; a draft equal to the published text is no draft.
 */
function fakeHub(start: { published?: string; draft?: string } = {}) {
  let revision = 1;
  let draft = start.draft ?? null;
  let owner: string | null = null;
  const published: { version: number; source: string; changelog: string }[] = start.published
    ? [{ version: 1, source: start.published, changelog: 'Primera' }]
    : [];
  const calls: string[] = [];
  const failing = new Map<string, HubFailure>();
  const latest = () => published.at(-1);
  const fails = (name: string): HubFailure | undefined => {
    calls.push(name);
    const failure = failing.get(name);
    failing.delete(name);
    return failure;
  };
  const at = <T>(name: string, base: number, change: () => T): HubResult<T> => {
    const failure = fails(name) ?? (base !== revision ? conflict : undefined);
    if (failure) return { ok: false, failure };
    revision += 1;
    return { ok: true, value: change() };
  };
  const publish = (source: string, changelog: string) => {
    const version = (latest()?.version ?? 0) + 1;
    published.push({ version, source, changelog });
    draft = null;
    return { id: 'mini', version, revision: revision, catalogVersion: version, publishedAt: 1000 + version };
  };
  const detail = (): ProcedureDetailResponse => {
    const last = latest();
    return {
      id: 'mini',
      revision,
      status: last ? (draft === null ? 'published' : 'changed') : 'draft',
      owner: owner === null ? null : { id: owner, name: owner },
      lastVerified: null,
      draft: draft === null ? null : { source: draft, problems: [], savedAt: 500, savedBy: ana },
      published: last ? { ...last, publishedAt: 1000 + last.version, publishedBy: ana, rolledBackFrom: null } : null,
      updatedAt: 500,
      updatedBy: ana,
    };
  };
  const api: DraftApi = {
    fetchProcedure: async () => (fails('fetchProcedure') ? { ok: false, failure: { kind: 'network' } } : { ok: true, value: detail() }),
    fetchVersions: async () => {
      calls.push('fetchVersions');
      const versions: VersionListResponse['versions'] = [...published]
        .reverse()
        .map(({ version, changelog }) => ({ version, changelog, publishedAt: 1000 + version, publishedBy: ana, rolledBackFrom: null }));
      return { ok: true, value: { id: 'mini', versions } };
    },
    saveDraft: async (source, base) =>
      at('saveDraft', base, () => {
        draft = source === latest()?.source ? null : source;
        return { id: 'mini', revision: revision, problems: [], savedAt: 700 };
      }),
    publishDraft: async (base, changelog) => at('publishDraft', base, () => publish(draft ?? '', changelog)),
    rollbackTo: async (base, toVersion) =>
      at('rollbackTo', base, () => publish(published.find((v) => v.version === toVersion)?.source ?? '', `Vuelta a ${toVersion}`)),
    discardDraft: async (base) =>
      at('discardDraft', base, () => {
        draft = null;
        return { id: 'mini', revision: revision };
      }),
    setOwner: async (ownerStaffId, base) =>
      at('setOwner', base, () => {
        owner = ownerStaffId;
        return revision;
      }),
  };
  return {
    api,
    calls,
    published,
    /** Someone else saves in between: the revision moves on under the editor. */
    someoneElseSaves: (source: string) => {
      draft = source;
      revision += 1;
    },
    failNext: (name: string, failure: HubFailure = { kind: 'network' }) => failing.set(name, failure),
    async load(): Promise<DraftState> {
      const versions = await api.fetchVersions();
      if (!versions.ok) throw new Error('no versions');
      calls.length = 0;
      return loadedDraft(detail(), versions.value.versions);
    },
  };
}

describe('the editor starts from what the hub holds', () => {
  it('the draft when there is one, else the published text', async () => {
    expect((await fakeHub({ published: 'v1', draft: 'borrador' }).load()).hubSource).toBe('borrador');
    expect((await fakeHub({ published: 'v1' }).load()).hubSource).toBe('v1');
    expect((await fakeHub().load()).hubSource).toBe('');
  });

  it("has unsaved changes exactly when its text differs from the hub's", async () => {
    const state = await fakeHub({ published: 'v1' }).load();
    expect(isDirty(state, 'v1')).toBe(false);
    expect(isDirty(state, 'v1 cambiado')).toBe(true);
  });

  it('has nothing to publish with no change and no draft; the next version follows the published one', async () => {
    const state = await fakeHub({ published: 'v1' }).load();
    expect(nothingToPublish(state, 'v1')).toBe(true);
    expect(nothingToPublish(state, 'v2')).toBe(false);
    expect(nextVersion(state)).toBe(2);
    expect(nothingToPublish(await fakeHub({ published: 'v1', draft: 'v2' }).load(), 'v2')).toBe(false);
    // A procedure never published has something to publish, its first version.
    const fresh = await fakeHub({ draft: 'primero' }).load();
    expect(nothingToPublish(fresh, 'primero')).toBe(false);
    expect(nextVersion(fresh)).toBe(1);
  });

  it('offers to discard a draft only when a published version is there to go back to', async () => {
    expect(canDiscard(await fakeHub({ published: 'v1', draft: 'v2' }).load())).toBe(true);
    expect(canDiscard(await fakeHub({ published: 'v1' }).load())).toBe(false);
    expect(canDiscard(await fakeHub({ draft: 'primero' }).load())).toBe(false);
  });
});

describe('saving the draft', () => {
  it("saves nothing when the text is the hub's, and goes on from the same revision", async () => {
    const hub = fakeHub({ published: 'v1' });
    const state = await hub.load();
    const saved = await saveIfNeeded(hub.api, state, 'v1', ana);
    expect(saved).toEqual({ ok: true, value: 1, state });
    expect(hub.calls).toEqual([]);
  });

  it('saves changed text on the revision it has, and names the person signed in as its author', async () => {
    const hub = fakeHub({ published: 'v1' });
    const saved = await saveIfNeeded(hub.api, await hub.load(), 'v2', ana);
    if (!saved.ok) throw new Error('refused');
    expect(saved.value).toBe(2);
    expect(saved.state.revision).toBe(2);
    expect(saved.state.detail.revision).toBe(2);
    expect(saved.state.detail.draft).toEqual({ source: 'v2', problems: [], savedAt: 700, savedBy: { id: 'staff-ana', name: 'Ana Ruiz' } });
    expect(isDirty(saved.state, 'v2')).toBe(false);
  });

  it('is refused, never overwriting, when someone saved in between; the editor keeps what it had', async () => {
    const hub = fakeHub({ published: 'v1' });
    const state = await hub.load();
    hub.someoneElseSaves('de Luis');
    const saved = await saveIfNeeded(hub.api, state, 'mío', ana);
    expect(saved).toEqual({ ok: false, failure: conflict, state });
  });

  it('reads back the hub\'s text on request (after a conflict, "load theirs")', async () => {
    const hub = fakeHub({ published: 'v1' });
    const state = await hub.load();
    hub.someoneElseSaves('de Luis');
    const read = await refreshDraft(hub.api, state, true);
    expect(read.ok && read.text).toBe('de Luis');
    expect(read.state.revision).toBe(2);
    const kept = await refreshDraft(hub.api, state, false);
    expect(kept.ok && kept.text).toBe(undefined);
  });
});

describe('publishing', () => {
  it('saves unsaved text first, publishes it with its trimmed changelog line, and reads back the versions', async () => {
    const hub = fakeHub({ published: 'v1' });
    const seen: DraftState[] = [];
    const published = await publishText(hub.api, await hub.load(), {
      text: 'v2',
      changelog: '  Nuevo horario  ',
      author: ana,
      onSaved: (state) => seen.push(state),
    });
    if (!published.ok) throw new Error('refused');
    expect(hub.calls).toEqual(['saveDraft', 'publishDraft', 'fetchProcedure', 'fetchVersions']);
    expect(hub.published.at(-1)).toEqual({ version: 2, source: 'v2', changelog: 'Nuevo horario' });
    expect(published.value.version).toBe(2);
    expect(seen.map((state) => state.hubSource)).toEqual(['v2']);
    expect(published.state.detail.draft).toBeNull();
    expect(published.state.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(nothingToPublish(published.state, 'v2')).toBe(true);
  });

  it('publishes a saved draft as it is, without saving again', async () => {
    const hub = fakeHub({ published: 'v1', draft: 'v2' });
    const published = await publishText(hub.api, await hub.load(), { text: 'v2', changelog: 'Cambio', author: ana });
    expect(published.ok).toBe(true);
    expect(hub.calls[0]).toBe('publishDraft');
  });

  it('keeps the save when the publication is refused', async () => {
    const hub = fakeHub({ published: 'v1' });
    hub.failNext('publishDraft', { kind: 'refused', status: 422, message: 'problems' });
    const published = await publishText(hub.api, await hub.load(), { text: 'v2', changelog: 'Cambio', author: ana });
    expect(published.ok).toBe(false);
    expect(published.state.hubSource).toBe('v2');
    expect(published.state.revision).toBe(2);
  });

  it('says when the new version could not be read back, the publication done all the same', async () => {
    const hub = fakeHub({ published: 'v1', draft: 'v2' });
    const state = await hub.load();
    hub.failNext('fetchProcedure');
    const published = await publishText(hub.api, state, { text: 'v2', changelog: 'Cambio', author: ana });
    expect(published).toMatchObject({ ok: true, value: { version: 2 }, refreshFailure: { kind: 'network' } });
    // The versions were read all the same.
    expect(published.state.versions.map((version) => version.version)).toEqual([2, 1]);
  });
});

describe('rolling back, discarding, changing the owner', () => {
  it('publishes an older version again and shows its text, unless the editor holds unsaved work', async () => {
    const hub = fakeHub({ published: 'v1' });
    await publishText(hub.api, await hub.load(), { text: 'v2', changelog: 'Cambio', author: ana });
    const state = await hub.load();
    const back = await rollBack(hub.api, state, 1, false);
    expect(back).toMatchObject({ ok: true, value: { version: 3 }, text: 'v1' });
    const hub2 = fakeHub({ published: 'v1' });
    await publishText(hub2.api, await hub2.load(), { text: 'v2', changelog: 'Cambio', author: ana });
    const keeping = await rollBack(hub2.api, await hub2.load(), 1, true);
    expect(keeping.ok && keeping.text).toBe(undefined);
    expect(keeping.state.hubSource).toBe('v1');
  });

  it('throws the draft away and shows the published text again', async () => {
    const hub = fakeHub({ published: 'v1', draft: 'v2' });
    const discarded = await discardSavedDraft(hub.api, await hub.load());
    expect(discarded).toMatchObject({ ok: true, text: 'v1' });
    expect(discarded.state.detail.draft).toBeNull();
    expect(canDiscard(discarded.state)).toBe(false);
  });

  it('refuses to discard on an old revision, changing nothing', async () => {
    const hub = fakeHub({ published: 'v1', draft: 'v2' });
    const state = await hub.load();
    hub.someoneElseSaves('v3');
    expect(await discardSavedDraft(hub.api, state)).toEqual({ ok: false, failure: conflict, state });
  });

  it('changes the owner on the revision it has, then goes on from the new one', async () => {
    const hub = fakeHub({ published: 'v1' });
    const changed = await changeOwner(hub.api, await hub.load(), 'staff-luis');
    expect(changed.ok).toBe(true);
    expect(changed.state.detail.owner).toEqual({ id: 'staff-luis', name: 'staff-luis' });
    expect(changed.state.revision).toBe(2);
    // The next save builds on that revision and is not refused.
    expect((await saveIfNeeded(hub.api, changed.state, 'v2', ana)).ok).toBe(true);
  });
});
