import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStaffArguments } from '../../hub/create-staff.js';
import { describeHub, hubConfigFromEnvironment, noStaffNotice } from '../../hub/main.js';

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

  it('a demo hub, whose staff password and kiosk token are published, listens on 127.0.0.1 unless HOST says otherwise (issue 15)', () => {
    expect(hubConfigFromEnvironment({}, []).host).toBe('127.0.0.1');
    expect(hubConfigFromEnvironment({ HOST: '' }, []).host).toBe('127.0.0.1');
    expect(hubConfigFromEnvironment({ HOST: '0.0.0.0' }, []).host).toBe('0.0.0.0');
    // A real hub is for the centre's network: volunteers' phones reach it.
    expect(hubConfigFromEnvironment({ PASO_DEMO: '0' }, []).host).toBe('0.0.0.0');
    expect(hubConfigFromEnvironment({}, ['--no-demo']).host).toBe('0.0.0.0');
    expect(describeHub('http://127.0.0.1:8080', hubConfigFromEnvironment({}, []))).toContain(
      'listening  on 127.0.0.1 (this machine only; HOST=0.0.0.0 lets phones and kiosks on the network in)',
    );
    expect(describeHub('http://127.0.0.1:8080', hubConfigFromEnvironment({ PASO_DEMO: '0' }, []))).toContain('listening  on 0.0.0.0\n');
  });

  it('believes X-Forwarded-For only from the proxy PASO_TRUST_PROXY names', () => {
    expect(hubConfigFromEnvironment({}, []).trustProxy).toBeUndefined();
    expect(hubConfigFromEnvironment({ PASO_TRUST_PROXY: '127.0.0.1' }, []).trustProxy).toBe('127.0.0.1');
  });

  it('tells a hub without staff how to create the first account, and never takes a password from the command line', () => {
    expect(noStaffNotice()).toContain('npm run hub:create-staff -- --email <e-mail> --name "<name>"');
    expect(createStaffArguments(['--email', 'ana@example.org', '--name', 'Ana Pérez'])).toEqual({ email: 'ana@example.org', name: 'Ana Pérez' });
    expect(() => createStaffArguments(['--email', 'ana@example.org', '--name', 'Ana', '--password', 'secret-secret'])).toThrow(
      /^the password is not taken from the command line/,
    );
    expect(() => createStaffArguments(['--email', 'ana@example.org'])).toThrow('say whose account it is: --email <e-mail> --name "<name>"');
  });
});
