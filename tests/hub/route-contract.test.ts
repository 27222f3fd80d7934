/**
 * A route registered from the contract (hub/http/route.ts) reads only valid input and sends only
 * what its response schema promises: a bad body is a 400 naming the field before the handler
 * runs, and an answer that does not fit is the hub's own failure (500), never sent as it is.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { HubError } from '../../hub/http/hub-error.js';
import { route, type Guards } from '../../hub/http/route.js';

// Public routes only: they never reach for a role guard.
const noGuards = {} as Guards;

async function appWith(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify({ logger: false });
  app.setErrorHandler((error, _request, reply) =>
    error instanceof HubError ? reply.code(error.statusCode).send({ error: error.message, field: error.field }) : reply.code(500).send({ error: 'failed' }),
  );
  register(app);
  await app.ready();
  return app;
}

describe('a route registered from the contract', () => {
  it('answers what its handler returns when it fits the response schema', async () => {
    const app = await appWith((app) => route(app, noGuards, 'sites', async () => ({ sites: [{ id: 'centro', name: 'Centro' }] })));
    const answer = await app.inject({ method: 'GET', url: '/api/sites' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ sites: [{ id: 'centro', name: 'Centro' }] });
  });

  it('refuses to send an answer that does not fit, such as a database row', async () => {
    const app = await appWith((app) =>
      route(app, noGuards, 'sites', async () => ({ sites: [{ site_id: 'centro', name: 'Centro' }] }) as unknown as { sites: { id: string; name: string }[] }),
    );
    const answer = await app.inject({ method: 'GET', url: '/api/sites' });
    expect(answer.statusCode).toBe(500);
    expect(answer.body).not.toContain('site_id');
  });

  it('sends only the keys its contract names: a hash or a column a handler passed on by mistake never leaves (issue 15)', async () => {
    const app = await appWith((app) =>
      route(app, noGuards, 'sites', async () => ({
        sites: [{ id: 'centro', name: 'Centro', pin_hash: 'scrypt$32768$8$1$salt$hash' } as { id: string; name: string }],
        internal: 'not for clients',
      })),
    );
    const answer = await app.inject({ method: 'GET', url: '/api/sites' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ sites: [{ id: 'centro', name: 'Centro' }] });
    expect(answer.body).not.toContain('scrypt');
  });

  it('refuses a body that breaks the request schema before the handler runs, naming the field', async () => {
    let ran = false;
    const app = await appWith((app) =>
      route(app, noGuards, 'volunteerLogin', async () => {
        ran = true;
        throw new Error('not reached');
      }),
    );
    const answer = await app.inject({ method: 'POST', url: '/api/volunteer/login', payload: { siteId: 'centro', name: 'Ana', pin: '12' } });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ field: 'pin' });
    expect(ran).toBe(false);
  });
});
