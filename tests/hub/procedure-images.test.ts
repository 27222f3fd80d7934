/**
 * Step pictures from assets/images over real HTTP: a picture the script format allows comes back
 * with its type; a path that climbs out of the folder, an absolute path, another file type or a
 * missing file is a plain 404, never a file from elsewhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/test-hub.js';
import { procedureImagesPrefix } from '../../core/protocol/api-routes.js';

describe('the hub serves step pictures and nothing else', () => {
  let test: TestHub;
  beforeAll(async () => {
    test = await startTestHub();
  });
  afterAll(() => test.close());

  it('serves a sample picture as SVG that cannot run script', async () => {
    const response = await fetch(`${test.url}${procedureImagesPrefix}dni/dni-numero.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('<svg');
  });

  it.each([
    'dni/no-such-picture.svg',
    '../procedures/certificado-empadronamiento.yaml',
    '..%2fprocedures%2fcertificado-empadronamiento.yaml',
    '%2e%2e/%2e%2e/package.json',
    'dni/..%2f..%2f..%2fpackage.json',
    '%2fetc%2fpasswd',
    'dni/dni-numero.svg.exe',
    'dni/dni-numero',
    '',
  ])('refuses %j with a plain 404', async (wanted) => {
    const response = await fetch(`${test.url}${procedureImagesPrefix}${wanted}`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: string };
    expect(body.error).toMatch(/^There is (no such picture|nothing at)/);
  });
});
