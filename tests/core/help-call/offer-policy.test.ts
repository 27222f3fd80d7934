/**
 * Who a help call goes to and when it escalates: the senior's language first, never nobody,
 * and escalation at the site's limit to the millisecond.
 */
import { describe, expect, it } from 'vitest';
import { eligibleVolunteers, escalationDue } from '../../../core/help-call/offer-policy.js';

const ana = { id: 'ana', languages: ['es', 'en'] };
const luis = { id: 'luis', languages: ['es'] };
const samira = { id: 'samira', languages: ['ar', 'es'] };

describe('who a call is offered to', () => {
  it('goes to the available volunteers who speak the senior’s language', () => {
    expect(eligibleVolunteers([ana, luis, samira], 'en')).toEqual(['ana']);
    expect(eligibleVolunteers([ana, luis, samira], 'ar')).toEqual(['samira']);
    expect(eligibleVolunteers([ana, luis, samira], 'es')).toEqual(['ana', 'luis', 'samira']);
  });

  it('goes to every available volunteer when none speaks the language, rather than to nobody', () => {
    expect(eligibleVolunteers([luis, samira], 'en')).toEqual(['luis', 'samira']);
  });

  it('goes to nobody only when nobody is available', () => {
    expect(eligibleVolunteers([], 'es')).toEqual([]);
  });
});

describe('when an unanswered call escalates', () => {
  it('at the site’s limit, not a millisecond before', () => {
    expect(escalationDue(1_000, 90, 1_000 + 89_999)).toBe(false);
    expect(escalationDue(1_000, 90, 1_000 + 90_000)).toBe(true);
    expect(escalationDue(1_000, 90, 1_000 + 500_000)).toBe(true);
  });
});
