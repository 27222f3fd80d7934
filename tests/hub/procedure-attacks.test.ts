/**
 * Issue 15: procedure scripts sent by one staff member that could freeze every kiosk's hub, or
 * hang a kiosk, or lose text without a word. Each attack goes over real HTTP to a real hub; the
 * draft list's parses are counted by wrapping the one function that reads a draft's facts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as DraftFactsModule from '../../core/procedure/draft-facts.js';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { localChangeFeed } from '../../hub/db/change-feed.js';
import { openProcedureCatalog } from '../../hub/procedures/catalog.js';
import { draftFactsCache } from '../../hub/procedures/draft-facts-cache.js';
import { workerScriptChecker } from '../../hub/procedures/script-checker.js';
import { call, staffToken, startTestHub, type TestHub } from './support/test-hub.js';

const draftFactsReads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../core/procedure/draft-facts.js', async (importOriginal) => {
  const original = await importOriginal<typeof DraftFactsModule>();
  return {
    ...original,
    readDraftFacts: (source: string) => {
      draftFactsReads.count += 1;
      return original.readDraftFacts(source);
    },
  };
});

const root = path.resolve(import.meta.dirname, '../..');
const sample = readFileSync(path.join(root, 'assets/procedures/cita-previa.yaml'), 'utf8');
const practice = readFileSync(path.join(root, 'assets/procedures/practica-clave.yaml'), 'utf8');

/** The sample followed by unknown top-level fields up to about `kilobytes`: thousands of problems. */
function unknownFields(kilobytes: number): { text: string; count: number } {
  const lines: string[] = [];
  let size = sample.length;
  while (size < kilobytes * 1024) {
    const line = `k${lines.length}: 1\n`;
    lines.push(line);
    size += line.length;
  }
  return { text: sample + lines.join(''), count: lines.length };
}

/** The line (from 1) of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

interface CheckAnswer {
  ok: boolean;
  problems: { line: number; column: number; message: string }[];
}

let hub: TestHub;
let staff: string;

beforeAll(async () => {
  hub = await startTestHub();
  staff = await staffToken(hub.url);
});
afterAll(async () => {
  await hub.close();
});

const check = (source: string) => call<CheckAnswer>(hub.url, 'POST', apiRoutes.staffCheck.path, { token: staff, body: { source } });

describe('hostile procedure scripts (issue 15)', () => {
  it('a 500 KB script of unknown fields, checked while /health is polled, leaves /health fast and is answered right', async () => {
    const { text, count } = unknownFields(500);
    expect(text.length).toBeLessThanOrEqual(512 * 1024);
    let checking = true;
    const healthTimes: number[] = [];
    // The kiosks' side: /health (and everything else on the hub's thread) polled all the while the check runs.
    const polling = (async () => {
      while (checking) {
        const started = performance.now();
        const health = await fetch(`${hub.url}${apiRoutes.health.path}`);
        await health.text();
        healthTimes.push(performance.now() - started);
        expect(health.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const answer = await check(text).finally(() => (checking = false));
    await polling;

    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.problems).toHaveLength(51);
    expect(answer.body.problems[0]).toMatchObject({ line: lineOf(text, 'k0: 1'), column: 1, message: expect.stringMatching(/^unknown field "k0"/) as string });
    expect(answer.body.problems[50]?.message).toBe(`${count - 50} more problems were not listed; fix these first`);
    expect(healthTimes.length).toBeGreaterThan(0);
    // A loose bound: the point is that /health never waits for the check, not how fast it is.
    expect(Math.max(...healthTimes)).toBeLessThan(500);
  }, 60_000);

  it('a script that overruns the check budget is stopped with a plain 503, and the next script gets a fresh worker', async () => {
    // The hub's budget is 5 s, which no script can reach any more; a checker with a tiny one shows what happens past it.
    const checker = workerScriptChecker({ budgetMs: 300 });
    try {
      await expect(checker.check(unknownFields(500).text)).rejects.toMatchObject({
        statusCode: 503,
        message: expect.stringMatching(/^This script took too long to check/) as string,
        // A stable code, so the staff console says it in Spanish (renderer/staff/hub-api/failure-text.ts).
        detail: { code: 'check-too-long', seconds: 0.3 },
      });
      const next = await checker.check('id: x\n');
      expect(next.result.procedure).toBeUndefined();
      expect(next.facts).toEqual({ id: 'x' });
    } finally {
      await checker.close();
    }
  }, 60_000);

  it('a pattern that backtracks catastrophically is refused with its line when checked, saved and published', async () => {
    const hostile = practice.replace("pattern: '^[0-9]{6}$'", () => "pattern: '^(a|aa)+$'");
    const line = lineOf(hostile, "pattern: '^(a|aa)+$'");
    const checked = await check(hostile);
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(false);
    expect(checked.body.problems).toEqual([
      expect.objectContaining({
        line,
        message: expect.stringContaining('this pattern can take very long on some answers (catastrophic backtracking') as string,
      }),
    ]);

    const opened = await call<{ revision: number }>(hub.url, 'GET', fillPath('staffProcedure', { id: 'practica-clave' }), { token: staff });
    const saved = await call<CheckAnswer & { revision: number }>(hub.url, 'PUT', fillPath('staffDraft', { id: 'practica-clave' }), {
      token: staff,
      body: { source: hostile, baseRevision: opened.body.revision },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.problems.map((problem) => problem.line)).toEqual([line]);
    const published = await call(hub.url, 'POST', fillPath('staffPublish', { id: 'practica-clave' }), {
      token: staff,
      body: { baseRevision: saved.body.revision, changelog: 'Código más flexible' },
    });
    expect(published.status).toBe(422);
  });

  it('a catastrophic pattern published before patterns were analysed reaches kiosks without it, and the log says so', async () => {
    // An older hub published it: written into the database as it was then.
    const db = hub.hub.database.db;
    const row = await db
      .selectFrom('procedures')
      .innerJoin('procedure_versions', (join) =>
        join.onRef('procedure_versions.procedure_id', '=', 'procedures.id').onRef('procedure_versions.version', '=', 'procedures.published_version'),
      )
      .select(['procedure_versions.version', 'procedure_versions.procedure_json'])
      .where('procedures.id', '=', 'practica-clave')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('procedure_versions')
      .set({ procedure_json: row.procedure_json.replace('"^[0-9]{6}$"', '"^(a|aa)+$"') })
      .where('procedure_id', '=', 'practica-clave')
      .where('version', '=', row.version)
      .execute();
    const logged: string[] = [];
    const catalog = await openProcedureCatalog(db, localChangeFeed(), (message) => logged.push(message), { announceBudgetMs: 0 });
    const step = catalog.get('practica-clave')?.steps.find((candidate) => candidate.kind === 'input');
    expect(step).toMatchObject({ kind: 'input', format: 'number' });
    expect(step && 'pattern' in step ? step.pattern : undefined).toBeUndefined();
    expect(logged.join('\n')).toContain('catastrophic backtracking');
    catalog.close();
  });

  it('a "__proto__" key under title is refused at its line and column, not silently dropped', async () => {
    const hostile = sample.replace(
      'title:\n  es: Cita previa con Línea Madrid\n',
      'title:\n  es: Cita previa con Línea Madrid\n  __proto__: Texto escondido\n',
    );
    const answer = await check(hostile);
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.problems).toEqual([
      expect.objectContaining({
        line: lineOf(hostile, '__proto__'),
        column: 3,
        message: expect.stringContaining('"__proto__" cannot be used as a key') as string,
      }),
    ]);
    // "constructor" and "prototype" stay ordinary keys, so the schema refuses them where they do not belong, also located.
    for (const key of ['constructor', 'prototype']) {
      const other = sample.replace('title:\n  es: Cita previa con Línea Madrid\n', `title:\n  es: Cita previa con Línea Madrid\n  ${key}: Texto\n`);
      const refused = await check(other);
      expect(refused.body.ok).toBe(false);
      expect(refused.body.problems[0]).toMatchObject({ line: lineOf(other, key), column: 3 });
    }
  });

  it('listing procedures with four 512 KB drafts parses each draft once, not at every list', async () => {
    const padding = (id: string) => `\n# ${id}\nnotes: |\n${`  ${'relleno '.repeat(12)}\n`.repeat(5000)}`;
    const ids = ['draft-a', 'draft-b', 'draft-c', 'draft-d'];
    for (const id of ids) {
      const source = sample.replace('id: cita-previa', `id: ${id}`) + padding(id);
      expect(source.length).toBeGreaterThan(500 * 1024);
      expect(source.length).toBeLessThanOrEqual(512 * 1024);
      const created = await call(hub.url, 'POST', apiRoutes.createProcedure.path, { token: staff, body: { id, source } });
      expect(created.status).toBe(201);
    }
    const lists = () =>
      Promise.all(
        [1, 2, 3].map(() =>
          call<{ procedures: { id: string; title: unknown; hasDraft: boolean }[] }>(hub.url, 'GET', apiRoutes.staffProcedures.path, { token: staff }),
        ),
      );
    const expectTitles = (answers: Awaited<ReturnType<typeof lists>>): void => {
      for (const list of answers) {
        expect(list.status).toBe(200);
        expect(list.body.procedures.filter((procedure) => ids.includes(procedure.id)).map((procedure) => procedure.title)).toEqual(
          ids.map(() => expect.objectContaining({ es: 'Cita previa con Línea Madrid' }) as unknown),
        );
      }
    };

    // Three lists at once: no draft is parsed on the hub's thread (each was read in the check worker when saved).
    const parsedOnHubThread = draftFactsReads.count;
    const readBefore = draftFactsCache.reads;
    expectTitles(await lists());
    expect(draftFactsReads.count - parsedOnHubThread).toBe(0);
    expect(draftFactsCache.reads - readBefore).toBe(0);

    // As after a restart: three lists at once read each draft once, in the worker, and never on the hub's thread.
    draftFactsCache.clear();
    const readAfterRestart = draftFactsCache.reads;
    const answers = await lists();
    expectTitles(answers);
    const drafts = answers[0]?.body.procedures.filter((procedure) => procedure.hasDraft).length ?? 0;
    expect(drafts).toBeGreaterThanOrEqual(ids.length);
    expect(draftFactsCache.reads - readAfterRestart).toBe(drafts);
    expectTitles(await lists());
    expect(draftFactsCache.reads - readAfterRestart).toBe(drafts);
    expect(draftFactsReads.count - parsedOnHubThread).toBe(0);
  }, 60_000);
});
