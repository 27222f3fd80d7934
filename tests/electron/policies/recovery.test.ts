import { describe, expect, it } from 'vitest';
import { initialRecovery, nextRecovery, type RecoveryAction, type RecoveryEvent, type RecoveryLimits } from '../../../electron/main/policies/recovery.js';

const limits: RecoveryLimits = { maxReloads: 3, windowMs: 600_000, hangGraceMs: 15_000 };

function run(events: RecoveryEvent[]): RecoveryAction[] {
  let state = initialRecovery;
  return events.map((event) => {
    const next = nextRecovery(state, event, limits);
    state = next.state;
    return next.action;
  });
}

const crash = (at: number): RecoveryEvent => ({ type: 'gone', reason: 'crashed', at });

describe('recovering from a dead or hung page', () => {
  it('reloads after a crash, a kill or running out of memory', () => {
    expect(run([{ type: 'gone', reason: 'crashed', at: 0 }])).toEqual(['reload']);
    expect(run([{ type: 'gone', reason: 'killed', at: 0 }])).toEqual(['reload']);
    expect(run([{ type: 'gone', reason: 'oom', at: 0 }])).toEqual(['reload']);
  });

  it('does nothing when the page ended cleanly (the window is closing)', () => {
    expect(run([{ type: 'gone', reason: 'clean-exit', at: 0 }])).toEqual(['nothing']);
  });

  it('relaunches the app when reloading has not helped three times in ten minutes', () => {
    expect(run([crash(0), crash(60_000), crash(120_000), crash(180_000)])).toEqual(['reload', 'reload', 'reload', 'relaunch']);
  });

  it('forgets failures older than the window', () => {
    expect(run([crash(0), crash(60_000), crash(120_000), crash(700_000)])).toEqual(['reload', 'reload', 'reload', 'reload']);
  });

  it('starts counting again after a relaunch', () => {
    expect(run([crash(0), crash(1), crash(2), crash(3), crash(4)])).toEqual(['reload', 'reload', 'reload', 'relaunch', 'reload']);
  });

  it('waits out a short freeze, and crashes a page hung past the grace time so it can be reloaded', () => {
    expect(
      run([
        { type: 'unresponsive', at: 0 },
        { type: 'tick', at: 14_999 },
        { type: 'responsive', at: 15_000 },
        { type: 'tick', at: 40_000 },
      ]),
    ).toEqual(['nothing', 'nothing', 'nothing', 'nothing']);
    expect(
      run([
        { type: 'unresponsive', at: 0 },
        { type: 'unresponsive', at: 5_000 },
        { type: 'tick', at: 15_000 },
        { type: 'tick', at: 16_000 },
        { type: 'gone', reason: 'killed', at: 16_100 },
      ]),
    ).toEqual(['nothing', 'nothing', 'crash-renderer', 'nothing', 'reload']);
  });

  it('counts a hang once, together with crashes', () => {
    expect(
      run([
        crash(0),
        crash(1000),
        { type: 'unresponsive', at: 2000 },
        { type: 'tick', at: 17_000 },
        { type: 'gone', reason: 'killed', at: 17_100 },
        crash(18_000),
      ]),
    ).toEqual(['reload', 'reload', 'nothing', 'crash-renderer', 'reload', 'relaunch']);
  });
});
