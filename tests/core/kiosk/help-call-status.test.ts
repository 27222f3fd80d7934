import { describe, expect, it } from 'vitest';
import { helpStatusInButton, isHelpCallOpen, nextHelpCallStatus, type HelpCallEvent, type HelpCallStatus } from '../../../core/kiosk/help-call-status.js';

const desk = 'Pregunte en el mostrador de información.';
const id = '00000000-0000-4000-8000-000000000001';

function run(events: HelpCallEvent[], from: HelpCallStatus = { kind: 'none' }): HelpCallStatus {
  return events.reduce((status, event) => nextHelpCallStatus(status, event, desk), from);
}

describe('the help call as the kiosk shows it', () => {
  it('goes from calling to the queue, to "Ana viene", to arrived and closed', () => {
    expect(run([{ type: 'help-pressed', at: 0 }])).toEqual({ kind: 'calling', since: 0 });
    expect(
      run([
        { type: 'help-pressed', at: 0 },
        { type: 'hub-view', call: { id, state: 'offered', position: 2, estimatedWaitSeconds: 180 } },
      ]),
    ).toEqual({
      kind: 'queued',
      callId: id,
      position: 2,
      estimatedWaitSeconds: 180,
    });
    expect(run([{ type: 'hub-view', call: { id, state: 'accepted', volunteerName: 'Ana' } }])).toEqual({ kind: 'coming', callId: id, volunteerName: 'Ana' });
    expect(run([{ type: 'hub-view', call: { id, state: 'arrived', volunteerName: 'Ana' } }])).toEqual({ kind: 'arrived', callId: id, volunteerName: 'Ana' });
    expect(run([{ type: 'hub-view', call: { id, state: 'resolved', volunteerName: 'Ana', outcome: 'solved' } }])).toEqual({ kind: 'closed', callId: id });
  });

  it('says within two seconds that the hub cannot be reached, and where to ask in person', () => {
    const calling = run([{ type: 'help-pressed', at: 10_000 }]);
    expect(nextHelpCallStatus(calling, { type: 'tick', at: 11_999 }, desk)).toBe(calling);
    expect(nextHelpCallStatus(calling, { type: 'tick', at: 12_000 }, desk)).toEqual({ kind: 'unreachable', inPersonHelp: desk, stillTrying: true });
    const queued = run([{ type: 'hub-view', call: { id, state: 'offered', position: 1, estimatedWaitSeconds: 90 } }]);
    expect(nextHelpCallStatus(queued, { type: 'hub-unreachable' }, desk)).toEqual({ kind: 'unreachable', inPersonHelp: desk, stillTrying: true });
  });

  it('recovers when the hub answers again', () => {
    const unreachable: HelpCallStatus = { kind: 'unreachable', inPersonHelp: desk, stillTrying: true };
    expect(nextHelpCallStatus(unreachable, { type: 'hub-view', call: { id, state: 'offered', position: 1, estimatedWaitSeconds: 90 } }, desk).kind).toBe(
      'queued',
    );
  });

  it('tells the senior where to go when nobody could come', () => {
    expect(run([{ type: 'hub-view', call: { id, state: 'escalated', inPersonHelp: 'En recepción.' } }])).toEqual({
      kind: 'nobody-came',
      callId: id,
      inPersonHelp: 'En recepción.',
    });
  });

  it('keeps the session from being wiped while someone may come, but not when the hub is gone', () => {
    expect(isHelpCallOpen({ kind: 'queued', callId: id, position: 1, estimatedWaitSeconds: 90 })).toBe(true);
    expect(isHelpCallOpen({ kind: 'coming', callId: id, volunteerName: 'Ana' })).toBe(true);
    expect(isHelpCallOpen({ kind: 'nobody-came', callId: id, inPersonHelp: desk })).toBe(true);
    expect(isHelpCallOpen({ kind: 'unreachable', inPersonHelp: desk, stillTrying: true })).toBe(false);
    expect(isHelpCallOpen({ kind: 'none' })).toBe(false);
    expect(isHelpCallOpen({ kind: 'closed', callId: id })).toBe(false);
  });

  it('a second press while calling changes nothing; cancelling clears it', () => {
    const calling = run([{ type: 'help-pressed', at: 0 }]);
    expect(nextHelpCallStatus(calling, { type: 'help-pressed', at: 500 }, desk)).toBe(calling);
    expect(nextHelpCallStatus(calling, { type: 'cancel-pressed' }, desk)).toEqual({ kind: 'none' });
  });
});

describe('helpStatusInButton', () => {
  it('puts the status in the help button on screens up to 800 px tall, and up to 1,024 px at 64 px', () => {
    for (const size of [32, 48, 64]) expect(helpStatusInButton(768, size)).toBe(true);
    expect(helpStatusInButton(1024, 64)).toBe(true);
    expect(helpStatusInButton(1024, 48)).toBe(false);
    expect(helpStatusInButton(1080, 64)).toBe(false);
    expect(helpStatusInButton(1920, 64)).toBe(false);
  });
});
