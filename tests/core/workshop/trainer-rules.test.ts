import { describe, expect, it } from 'vitest';
import { mayLead, type Trainer } from '../../../core/workshop/trainer-rules.js';

const ana: Trainer = { kind: 'volunteer', id: 'demo-ana', name: 'Ana García', siteId: 'centro' };
const marta: Trainer = { kind: 'staff', id: 'staff-marta', name: 'Marta Ruiz', siteId: 'centro' };
const byVolunteer = { siteId: 'centro', startedBy: 'demo-luis', startedByKind: 'volunteer' };
const byMarta = { siteId: 'centro', startedBy: 'staff-marta', startedByKind: 'staff' };
const byPablo = { siteId: 'centro', startedBy: 'staff-pablo', startedByKind: 'staff' };

describe('who may lead a workshop', () => {
  it('a volunteer leads every workshop of their site, a staff member’s too, and none elsewhere', () => {
    expect([byVolunteer, byMarta, byPablo].map((workshop) => mayLead(ana, workshop))).toEqual([true, true, true]);
    expect(mayLead(ana, { ...byVolunteer, siteId: 'otro' })).toBe(false);
  });

  it('staff lead at the site they chose their own workshops and the volunteers’, not another staff member’s', () => {
    expect([byVolunteer, byMarta, byPablo].map((workshop) => mayLead(marta, workshop))).toEqual([true, true, false]);
    expect(mayLead(marta, { ...byMarta, siteId: 'otro' })).toBe(false);
    expect(mayLead({ ...marta, siteId: 'otro' }, byVolunteer)).toBe(false);
  });
});
