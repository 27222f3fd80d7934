import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeHub, hubConfigFromEnvironment } from '../../hub/main.js';

describe('the hub configuration from the environment', () => {
  it('defaults to demo mode, port 8080 and SQLite in ./data', () => {
    const config = hubConfigFromEnvironment({}, []);
    expect(config).toMatchObject({ port: 8080, demo: true, storage: { kind: 'sqlite', file: path.resolve('data/hub.sqlite') } });
  });

  it('uses PostgreSQL when DATABASE_URL says so, and no demo when asked', () => {
    const config = hubConfigFromEnvironment({ DATABASE_URL: 'postgres://u@db/paso', PORT: '9000', DATA_DIR: '/srv/paso' }, ['--no-demo']);
    expect(config).toMatchObject({ port: 9000, demo: false, storage: { kind: 'postgres', url: 'postgres://u@db/paso' } });
    expect(hubConfigFromEnvironment({ PASO_DEMO: '0' }, []).demo).toBe(false);
  });

  it('explains a wrong PORT or DATABASE_URL in plain words', () => {
    expect(() => hubConfigFromEnvironment({ PORT: 'eighty' }, [])).toThrow('PORT must be a port number (0-65535); it is "eighty"');
    expect(() => hubConfigFromEnvironment({ DATABASE_URL: 'mysql://root@db/x' }, [])).toThrow(/^DATABASE_URL must start with postgres:\/\//);
  });

  it('prints the URLs, and the demo accounts only in demo mode', () => {
    const demo = describeHub('http://127.0.0.1:8080', hubConfigFromEnvironment({}, []));
    expect(demo).toContain('DEMO MODE');
    expect(demo).toContain('http://127.0.0.1:8080/volunteer/');
    expect(demo).toContain('Ana (PIN 2468, speaks es and en), Luis (PIN 1357, speaks es)');
    expect(demo).toContain('staff@example.org / demo-staff');
    const production = describeHub('http://127.0.0.1:8080', hubConfigFromEnvironment({ PASO_DEMO: '0' }, []));
    expect(production).not.toMatch(/DEMO|PIN|password|demo-staff/);
  });
});
