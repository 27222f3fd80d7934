import { describe, expect, it } from 'vitest';
import { appAnswerHeaders, relayedContentType } from '../../../electron/main/policies/answer-headers.js';
import { kioskContentSecurityPolicy } from '../../../electron/main/policies/content-security.js';

const policy = kioskContentSecurityPolicy('https://hub.example.org');

describe("the headers of the kiosk shell's answers", () => {
  it('gives a build file the kiosk policy, nosniff and no referrer', () => {
    expect(appAnswerHeaders('build', 'text/html; charset=utf-8', policy, { 'cache-control': 'no-cache' })).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
  });

  it('sandboxes what came from the hub, live or cached, and an extra header cannot replace the policy', () => {
    const headers = appAnswerHeaders('hub', 'application/json', policy, { 'content-security-policy': 'default-src *', 'x-paso-offline': 'then' });
    expect(headers['content-security-policy']).toBe(`${policy}; sandbox`);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-paso-offline']).toBe('then');
  });

  it.each([
    ['application/json; charset=utf-8', 'application/json; charset=utf-8'],
    ['application/json', 'application/json'],
    ['audio/ogg', 'audio/ogg'],
    ['audio/mpeg', 'audio/mpeg'],
    ['text/plain; charset=utf-8', 'text/plain; charset=utf-8'],
    ['text/javascript', 'application/octet-stream'],
    ['text/html; charset=utf-8', 'application/octet-stream'],
    ['image/svg+xml', 'application/octet-stream'],
    ['application/jsonp', 'application/octet-stream'],
    ['audio/ogg; evil', 'application/octet-stream'],
    ['', 'application/octet-stream'],
    [null, 'application/octet-stream'],
  ])('passes a hub answer typed %j on as %j: a hub cannot make the kiosk origin serve a script or a page', (given, expected) => {
    expect(relayedContentType(given)).toBe(expected);
  });
});
