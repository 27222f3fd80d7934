import { describe, expect, it } from 'vitest';
import { procedurePrompts } from '../../../core/audio/procedure-prompts.js';
import {
  catalogueUtterances,
  helpCallSheetUtterances,
  helpStatusUtterances,
  moreOptionsUtterances,
  nextStepsUtterances,
  requirementUtterances,
  stepPrivacy,
  stepUtterances,
  validationUtterance,
  workshopHandUtterances,
  workshopPauseUtterances,
} from '../../../core/audio/screen-speech.js';
import { spokenUiKeys, validationErrorCodes } from '../../../core/audio/spoken-ui-keys.js';
import { compileProcedure } from '../../../core/engine/index.js';
import type { HelpCallStatus } from '../../../core/kiosk/help-call-status.js';
import { speechQuerySchema } from '../../../core/protocol/http.js';
import type { Procedure } from '../../../core/procedure/schema.js';
import { sampleProcedures } from '../../support/procedures.js';

const samples = sampleProcedures();
function sample(id: string): Procedure {
  const found = samples.find((procedure) => procedure.id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found;
}
function stepOf(procedure: Procedure, stepId: string) {
  const step = compileProcedure(procedure).stepById.get(stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return step;
}

const certificate = sample('certificado-empadronamiento');
const practice = sample('practica-clave');

describe('what each screen says', () => {
  it('a question says its title, its text and every choice, in the order shown', () => {
    const step = stepOf(certificate, 'tiene-clave');
    const ids = stepUtterances(certificate, step, 'es').map((utterance) => utterance.id);
    expect(ids[0]).toBe('proc/certificado-empadronamiento/steps/tiene-clave/title');
    expect(ids[1]).toMatch(/^proc\/certificado-empadronamiento\/steps\/tiene-clave\/(text|say)$/);
    expect(ids.slice(2).map((id) => id.split('/').slice(-3, -1).join('/'))).toEqual(['choices/si', 'choices/no']);
  });

  it('every procedure prompt a screen asks for is one the audio builder renders (same ids, same rule for say and text)', () => {
    for (const procedure of samples) {
      const rendered = new Set(procedurePrompts(procedure).map((prompt) => prompt.id));
      for (const step of procedure.steps) {
        for (const utterance of stepUtterances(procedure, step, 'es')) {
          if (utterance.id.startsWith('proc/')) expect(rendered, `${procedure.id} ${step.id}`).toContain(utterance.id);
        }
      }
      procedure.requirements.forEach((_requirement, index) => {
        for (const utterance of requirementUtterances(procedure, index, 'es')) if (utterance.id.startsWith('proc/')) expect(rendered).toContain(utterance.id);
      });
      for (const utterance of catalogueUtterances([procedure], () => 'es')) if (utterance.id.startsWith('proc/')) expect(rendered).toContain(utterance.id);
    }
  });

  it('every UI prompt a screen asks for is one the builder renders', () => {
    const rendered = new Set<string>(spokenUiKeys.map((key) => `ui/${key}`));
    const asked = [
      ...samples.flatMap((procedure) => procedure.steps.flatMap((step) => stepUtterances(procedure, step, 'es'))),
      ...samples.flatMap((procedure) => requirementUtterances(procedure, 0, 'es')),
      ...helpStatusUtterances({ kind: 'calling', since: 0 }),
      ...helpStatusUtterances({ kind: 'unreachable', inPersonHelp: 'x', stillTrying: true }),
      ...helpCallSheetUtterances({ kind: 'calling', since: 0 }),
      ...helpCallSheetUtterances({ kind: 'arrived', callId: 'c', volunteerName: 'Luis' }),
      ...moreOptionsUtterances({ restart: 'session.restart' }),
      ...moreOptionsUtterances({ restart: 'session.end' }),
    ].filter((utterance) => utterance.id.startsWith('ui/'));
    expect(asked.length).toBeGreaterThan(3);
    for (const utterance of asked) expect(rendered).toContain(utterance.id);
    for (const code of validationErrorCodes) expect(validationUtterance(code, 'es').id).toBe(`ui/validation.${code}`);
  });

  it('a sensitive step is private, all of it; `speak: never` is never heard', () => {
    const code = stepOf(practice, 'ver-codigo');
    expect(stepPrivacy(code)).toBe('private');
    expect(stepUtterances(practice, code, 'es').every((utterance) => utterance.privacy === 'private')).toBe(true);
    expect(stepPrivacy({ ...code, sensitive: false, speak: 'never' })).toBe('never');
    expect(stepPrivacy(stepOf(certificate, 'tiene-clave'))).toBe('public');
  });

  it('loads the beginnings of every step a question can lead to', () => {
    const ids = nextStepsUtterances(certificate, 'tiene-clave', 'es').map((utterance) => utterance.id);
    expect(ids).toContain('proc/certificado-empadronamiento/steps/datos-antiguos/title');
    expect(ids).toContain('proc/certificado-empadronamiento/steps/escribir-dni/title');
    expect(ids.every((id) => /\/(title|text|say)$/.test(id))).toBe(true);
  });

  it('asks the hub only for help sentences its speech route accepts, with no free text', () => {
    const statuses: HelpCallStatus[] = [
      { kind: 'queued', callId: 'c', position: 2, estimatedWaitSeconds: 200 },
      { kind: 'queued', callId: 'c', position: 1, estimatedWaitSeconds: 0 },
      { kind: 'coming', callId: 'c', volunteerName: 'Ana María' },
      { kind: 'arrived', callId: 'c', volunteerName: 'Luis' },
      { kind: 'nobody-came', callId: 'c', inPersonHelp: 'Pregunte en el mostrador.' },
      { kind: 'unreachable', inPersonHelp: 'Pregunte en el mostrador.', stillTrying: true },
    ];
    for (const status of statuses) {
      const dynamic = helpStatusUtterances(status).filter((utterance) => utterance.values !== undefined);
      expect(dynamic).toHaveLength(1);
      for (const utterance of dynamic) {
        const parsed = speechQuerySchema.safeParse({ key: utterance.id, language: 'es', speed: 'slow', ...utterance.values });
        expect(parsed.success, `${status.kind}: ${parsed.error?.issues[0]?.message ?? ''}`).toBe(true);
      }
    }
    expect(helpStatusUtterances({ kind: 'none' })).toEqual([]);
    expect(helpStatusUtterances({ kind: 'closed', callId: 'c' })).toEqual([]);
  });

  it("a workshop's hand and pause are said: the raised hand and the pause from the build, \"Ana viene\" by the hub with the trainer's name, never the trainer's free text", () => {
    const rendered = new Set<string>(spokenUiKeys.map((key) => `ui/${key}`));
    expect(workshopHandUtterances({ kind: 'down' })).toEqual([]);
    expect(workshopHandUtterances({ kind: 'raised' })).toEqual([{ id: 'ui/workshop.handRaised' }]);
    for (const utterance of [...workshopHandUtterances({ kind: 'raised' }), ...workshopPauseUtterances()]) expect(rendered).toContain(utterance.id);
    expect(workshopPauseUtterances().map((utterance) => utterance.id)).toEqual(['ui/workshop.pausedHeading', 'ui/workshop.pausedText']);
    const answered = workshopHandUtterances({ kind: 'answered', name: 'Ana María' });
    expect(answered).toEqual([{ id: 'workshop.handAnswered', values: { name: 'Ana María' } }]);
    const parsed = speechQuerySchema.safeParse({ key: answered[0]?.id, language: 'ar', speed: 'slow', ...answered[0]?.values });
    expect(parsed.success, parsed.error?.issues[0]?.message).toBe(true);
  });

  it('the call sheet of a short screen says the status, then its buttons; no call, nothing', () => {
    const queued: HelpCallStatus = { kind: 'queued', callId: 'c', position: 1, estimatedWaitSeconds: 120 };
    expect(helpCallSheetUtterances(queued).map((utterance) => utterance.id)).toEqual(['help.queued', 'ui/help.keepWaiting', 'ui/help.cancel']);
    // "Más opciones" says its heading, and the way out when it holds it.
    expect(moreOptionsUtterances({}).map((utterance) => utterance.id)).toEqual(['ui/bar.more']);
    expect(moreOptionsUtterances({ restart: 'session.restart' }).map((utterance) => utterance.id)).toEqual(['ui/bar.more', 'ui/session.restart']);
    // With the volunteer there nothing is cancelled: the sheet only closes.
    expect(helpCallSheetUtterances({ kind: 'arrived', callId: 'c', volunteerName: 'Luis' }).map((utterance) => utterance.id)).toEqual([
      'help.arrived',
      'ui/glossary.close',
    ]);
    expect(helpCallSheetUtterances({ kind: 'none' })).toEqual([]);
  });
});
