import { describe, expect, it } from 'vitest';
import type { TrainerWorkshopView } from '../../../core/protocol/workshop.js';
import { initialWorkshopsState, workshopsReducer } from '../../../renderer/ui/workshop-trainer/workshops-state.js';

function workshop(extra: Partial<TrainerWorkshopView> = {}): TrainerWorkshopView {
  return {
    id: 'w1',
    code: '4827',
    siteId: 'site',
    state: 'running',
    follow: null,
    lessons: [],
    startedBy: 'Ana',
    startedAt: 1_000,
    seats: [],
    seatLimit: 40,
    ...extra,
  };
}

describe("the console's picture of the site's workshops", () => {
  it('takes the list whole, without ended ones, oldest first, with the offset of the hub clock', () => {
    const state = workshopsReducer(initialWorkshopsState, {
      type: 'list',
      workshops: [workshop({ id: 'b', startedAt: 20 }), workshop({ id: 'a', startedAt: 10 }), workshop({ id: 'c', state: 'ended' })],
      serverNow: 5_000,
      at: 3_000,
    });
    expect(state.workshops.map((shown) => shown.id)).toEqual(['a', 'b']);
    expect(state.clockOffsetMs).toBe(2_000);
    expect(state.synced).toBe(true);
  });

  it('replaces a workshop by its id when its grid is pushed, and drops it when it ends', () => {
    let state = workshopsReducer(initialWorkshopsState, { type: 'workshop', workshop: workshop(), serverNow: 0, at: 0 });
    state = workshopsReducer(state, { type: 'workshop', workshop: workshop({ state: 'paused', pauseMessage: 'Pausa' }), serverNow: 0, at: 0 });
    expect(state.workshops).toHaveLength(1);
    expect(state.workshops[0]?.state).toBe('paused');
    state = workshopsReducer(state, { type: 'workshop', workshop: workshop({ state: 'ended' }), serverNow: 0, at: 0 });
    expect(state.workshops).toEqual([]);
  });

  it("keeps what the trainer's own end left, to say it once", () => {
    let state = workshopsReducer(initialWorkshopsState, { type: 'workshop', workshop: workshop(), serverNow: 0, at: 0 });
    state = workshopsReducer(state, { type: 'ended', id: 'w1', participants: 3, lessonsCompleted: 4 });
    expect(state.workshops).toEqual([]);
    expect(state.lastEnded).toEqual({ id: 'w1', participants: 3, lessonsCompleted: 4 });
  });
});
