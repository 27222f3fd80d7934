/**
 * Issue 15: names and lines of free text that hide, reorder or impersonate text. Each of the
 * seven inputs the issue stored is sent to every route that takes free text from staff or
 * volunteers, over real HTTP: each is refused with a 400 naming the field, and nothing stored
 * changes. Real names in other alphabets, accents typed either way, and Arabic with its
 * direction marks still pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, fillPath } from '../../core/protocol/api-routes.js';
import { call, demoSiteId, staffToken, startTestHub, type TestHub } from './support/test-hub.js';

/** The seven inputs of issue 15, each hidden inside or around a plausible name. */
const attacks = {
  'a NUL': 'Ana\u0000 Pérez',
  'a right-to-left override': 'Ana \u202Eetelbaf',
  'zero-width spaces only': '\u200B\u200B\u200B',
  'ESC and BEL (a terminal escape)': 'Ana\u001B[2J\u0007',
  '<script>': '<script>alert(1)</script>',
  'a lone surrogate': 'Ana \uD83D',
  'a Cyrillic look-alike of "Ana"': '\u0410n\u0430',
} as const;

/** Every free-text field staff or volunteers fill, with a body that is valid but for it. */
const routes: { route: string; path: string; field: string; body: (value: string) => Record<string, unknown>; asVolunteer?: true }[] = [
  { route: 'createSite', path: apiRoutes.createSite.path, field: 'name', body: (name) => ({ name, inPersonHelp: 'Mostrador de la entrada' }) },
  {
    route: 'createSite',
    path: apiRoutes.createSite.path,
    field: 'location',
    body: (location) => ({ name: 'Centro Norte', location, inPersonHelp: 'Mostrador de la entrada' }),
  },
  { route: 'createSite', path: apiRoutes.createSite.path, field: 'inPersonHelp', body: (inPersonHelp) => ({ name: 'Centro Norte', inPersonHelp }) },
  { route: 'createKiosk', path: apiRoutes.createKiosk.path, field: 'name', body: (name) => ({ siteId: demoSiteId, name }) },
  { route: 'createKiosk', path: apiRoutes.createKiosk.path, field: 'location', body: (location) => ({ siteId: demoSiteId, name: 'Quiosco 2', location }) },
  {
    route: 'createVolunteer',
    path: apiRoutes.createVolunteer.path,
    field: 'name',
    body: (name) => ({ name, pin: '97531', siteIds: [demoSiteId], languages: ['es'] }),
  },
  {
    route: 'createStaffAccount',
    path: apiRoutes.createStaffAccount.path,
    field: 'name',
    body: (name) => ({ email: 'nueva@example.org', name, password: 'a long enough password' }),
  },
  {
    route: 'staffPublish',
    path: fillPath('staffPublish', { id: 'cita-previa' }),
    field: 'changelog',
    body: (changelog) => ({ baseRevision: 1, changelog }),
  },
  {
    route: 'volunteerLogin',
    path: apiRoutes.volunteerLogin.path,
    field: 'name',
    body: (name) => ({ siteId: demoSiteId, name, pin: '2468' }),
    asVolunteer: true,
  },
];

describe('free text with hidden, reordering or look-alike characters (issue 15)', () => {
  let test: TestHub;
  let staff: string;
  const everythingStored = async (): Promise<unknown[]> =>
    Promise.all(
      [
        apiRoutes.staffSites.path,
        apiRoutes.staffKiosks.path,
        apiRoutes.staffVolunteers.path,
        apiRoutes.staffAccounts.path,
        fillPath('staffProcedure', { id: 'cita-previa' }),
      ].map(async (path) => (await call(test.url, 'GET', path, { token: staff })).body),
    );

  beforeAll(async () => {
    test = await startTestHub();
    staff = await staffToken(test.url);
  });
  afterAll(() => test.close());

  for (const [attack, value] of Object.entries(attacks)) {
    it(`${attack} is refused in every free-text field, naming the field, and nothing stored changes`, async () => {
      const before = await everythingStored();
      const answers = await Promise.all(
        routes.map(async (each) => ({
          where: `${each.route} ${each.field}`,
          answer: await call(test.url, 'POST', each.path, { ...(each.asVolunteer ? {} : { token: staff }), body: each.body(value) }),
        })),
      );
      for (const { where, answer } of answers) {
        const field = where.split(' ')[1] ?? '';
        expect({ where, status: answer.status, field: answer.body['field'] }).toEqual({ where, status: 400, field });
        expect(answer.body['error']).toMatch(new RegExp(`^${field}: (it holds|a name needs|there is nothing|"<" and ">"|".*" mixes)`));
      }
      expect(await everythingStored()).toEqual(before);
    });
  }

  it('says which character it refused and what to do, in words the staff console shows as they are', async () => {
    const answer = await call(test.url, 'POST', apiRoutes.createVolunteer.path, {
      token: staff,
      body: { name: attacks['a right-to-left override'], pin: '97531', siteIds: [demoSiteId], languages: ['es'] },
    });
    expect(answer.body).toEqual({
      error: 'name: it holds a character that changes the direction of the text (U+202E); type it again without it',
      field: 'name',
    });
    const lookAlike = await call(test.url, 'POST', apiRoutes.createVolunteer.path, {
      token: staff,
      body: { name: `María ${attacks['a Cyrillic look-alike of "Ana"']}`, pin: '97531', siteIds: [demoSiteId], languages: ['es'] },
    });
    expect(lookAlike.body['error']).toBe('name: "Аnа" mixes Latin letters with Cyrillic or Greek ones that look the same; type it again in one alphabet');
  });

  it('real names in other alphabets pass, and an accent typed as two characters is stored as one', async () => {
    const create = (name: string) =>
      call<{ name: string }>(test.url, 'POST', apiRoutes.createVolunteer.path, {
        token: staff,
        body: { name, pin: '97531', siteIds: [demoSiteId], languages: ['es'] },
      });
    for (const name of ['Анна Петрова', 'Σοφία', 'فاطمة الزهراء', 'Nguyễn Thị Hoa', "D'Angelo-O'Neill"]) {
      expect(await create(name)).toMatchObject({ status: 201, body: { name } });
    }
    const decomposed = await create('Jose\u0301  Mari\u0301a');
    expect(decomposed.body.name).toBe('José María');
    expect(decomposed.body.name).toHaveLength('José María'.length);
  });
});
