/**
 * Browsers ask the hub for /favicon.ico on their own (the UIs' `<link rel="icon">` does not stop
 * them): it must be a real small image, with the hub's security headers like every answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from './support/test-hub.js';

let test: TestHub;
beforeAll(async () => {
  test = await startTestHub();
});
afterAll(async () => {
  await test.close();
});

describe('/favicon.ico', () => {
  it('answers a browser asking /favicon.ico with a small image, not a 404, and keeps the security headers', async () => {
    const answer = await fetch(`${test.url}/favicon.ico`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^image\//);
    const body = await answer.text();
    expect(body.length).toBeGreaterThan(50);
    expect(body.length).toBeLessThan(4096);
    expect(body).toMatch(/^<svg[^>]*viewBox="0 0 32 32"/);
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
  });
});
