import { describe, expect, it } from 'vitest';
import { insecureHubNotice, parseKioskConfig } from '../../../core/shell/kiosk-config.js';

const good = {
  kioskId: 'biblioteca-centro-1',
  hubUrl: 'https://hub.example.org',
  deviceToken: 'demo-kiosk-1-device-token-not-a-secret',
  languages: ['es', 'en'],
  idle: { idleSeconds: 120, warningSeconds: 60 },
  openingHours: { monday: ['09:00-14:00', '16:00-20:00'], tuesday: ['09:00-14:00'] },
  printer: { name: 'Kiosk_Thermal' },
};

function problemsOf(value: unknown): string[] {
  const result = parseKioskConfig(typeof value === 'string' ? value : JSON.stringify(value));
  return result.ok ? [] : result.problems;
}

describe('the kiosk configuration file', () => {
  it('accepts a complete file and fills in the defaults of a minimal one', () => {
    const full = parseKioskConfig(JSON.stringify(good));
    expect(full.ok && full.config.openingHours.monday).toEqual([
      { start: 540, end: 840 },
      { start: 960, end: 1200 },
    ]);
    const minimal = parseKioskConfig(JSON.stringify({ kioskId: 'k1', hubUrl: 'http://127.0.0.1:8080/', deviceToken: 'x'.repeat(16), openingHours: {} }));
    expect(minimal).toEqual({
      ok: true,
      config: {
        kioskId: 'k1',
        hubUrl: 'http://127.0.0.1:8080',
        deviceToken: 'x'.repeat(16),
        languages: ['es', 'en', 'ar'],
        idle: { idleSeconds: 120, warningSeconds: 60 },
        openingHours: { sunday: [], monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [] },
        audio: { headphones: false, keypad: false },
        touch: { settleMilliseconds: 400 },
        printer: {},
      },
    });
  });

  it('takes a settle time from 0 (off) to 2000 ms, and refuses others in words', () => {
    const settle = (value: unknown) => parseKioskConfig(JSON.stringify({ ...good, touch: { settleMilliseconds: value } }));
    const off = settle(0);
    expect(off.ok && off.config.touch.settleMilliseconds).toBe(0);
    expect(problemsOf({ ...good, touch: { settleMilliseconds: 2001 } })).toEqual([
      "touch.settleMilliseconds: must be at most 2000 ms: longer, and a senior's deliberate tap is lost",
    ]);
    expect(problemsOf({ ...good, touch: { settleMilliseconds: -1 } })).toEqual(['touch.settleMilliseconds: must be 0 (off) or more']);
    expect(problemsOf({ ...good, touch: { settleMilliseconds: 'soon' } })).toEqual(['touch.settleMilliseconds: must be a number of milliseconds']);
    expect(problemsOf({ ...good, touch: { settle: 400 } })).toEqual(['"settle" in touch: is not a setting the kiosk knows (check the spelling)']);
    expect(settle(400).ok).toBe(true);
  });

  it("keeps only the hub's origin, in lower case", () => {
    const result = parseKioskConfig(JSON.stringify({ ...good, hubUrl: 'HTTPS://Hub.Example.ORG:8443/' }));
    expect(result.ok && result.config.hubUrl).toBe('https://hub.example.org:8443');
  });

  it('says plainly when the file is not JSON or not an object', () => {
    expect(problemsOf('{ kioskId: ')[0]).toMatch(/^the file is not valid JSON/);
    expect(problemsOf('[]')).toEqual(['the file must hold one JSON object, like { "kioskId": … }']);
  });

  it('names every missing field', () => {
    expect(problemsOf({})).toEqual(['kioskId: is missing', 'hubUrl: is missing', 'deviceToken: is missing', 'openingHours: is missing']);
  });

  it.each([
    ['a script URL', 'javascript:alert(1)'],
    ['a file URL', 'file:///etc/hub'],
    ['credentials in the address', 'https://hub@evil.example'],
    ['a user and password', 'https://user:pw@hub.example.org'],
    ['a path', 'https://hub.example.org/api'],
    ['a query', 'https://hub.example.org/?x=1'],
    ['a non-ASCII host', 'https://hüb.example.org'],
    ['a port out of range', 'https://hub.example.org:70000'],
    ['no scheme', 'hub.example.org'],
    ['another scheme', 'ftp://hub.example.org'],
  ])('refuses a hub address with %s, naming the field', (_what, hubUrl) => {
    const problems = problemsOf({ ...good, hubUrl });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^hubUrl: must be a web address starting with http:\/\/ or https:\/\//);
  });

  it.each([
    ['a public name', 'http://hub.example.org'],
    ['a public address', 'http://8.8.8.8:8080'],
    ['a private address without the opt-in', 'http://192.168.1.10:8080'],
    ['a name that looks local', 'http://localhost.example.org'],
    ['a short form browsers read as loopback', 'http://127.1'],
  ])('refuses an http:// hub at %s, naming the field and the way out', (_what, hubUrl) => {
    expect(problemsOf({ ...good, hubUrl })).toEqual([
      `hubUrl: must start with https:// (the device token and the help calls travel over it); http:// is only for this computer (localhost, 127.0.0.1, [::1]), or for a private network address with "allowInsecurePrivateNetwork": true; it is "${hubUrl.toLowerCase()}"`,
    ]);
  });

  it.each(['http://127.0.0.1:8080', 'http://127.3.2.1', 'http://localhost:8080', 'http://[::1]:8080', 'https://hub.example.org', 'https://192.168.1.10'])(
    'accepts %s without any opt-in',
    (hubUrl) => {
      const result = parseKioskConfig(JSON.stringify({ ...good, hubUrl }));
      expect(result.ok).toBe(true);
      expect(result.ok && insecureHubNotice(result.config)).toBeUndefined();
    },
  );

  it.each(['http://192.168.1.10:8080', 'http://10.0.0.5', 'http://172.20.1.1', 'http://169.254.10.1', 'http://[fd00::10]:8080'])(
    'accepts %s with "allowInsecurePrivateNetwork": true, and says so at start',
    (hubUrl) => {
      const result = parseKioskConfig(JSON.stringify({ ...good, hubUrl, allowInsecurePrivateNetwork: true }));
      expect(result.ok).toBe(true);
      expect(result.ok && insecureHubNotice(result.config)).toMatch(/^allowInsecurePrivateNetwork: talking to the hub http:\/\/.+ over plain http:\/\//);
    },
  );

  it('refuses the opt-in for a public address or a name, and an opt-in that is not true or false', () => {
    for (const hubUrl of ['http://hub.example.org', 'http://8.8.8.8', 'http://192.168.1.10.nip.io']) {
      const problems = problemsOf({ ...good, hubUrl, allowInsecurePrivateNetwork: true });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^hubUrl: "allowInsecurePrivateNetwork" only allows http:\/\/ to a private network address written as numbers/);
    }
    expect(problemsOf({ ...good, hubUrl: 'http://192.168.1.10', allowInsecurePrivateNetwork: 'yes' })).toEqual([
      'allowInsecurePrivateNetwork: must be true or false',
    ]);
  });

  it("names an insecure hub address together with the file's other problems", () => {
    expect(problemsOf({ ...good, hubUrl: 'http://hub.example.org', deviceToken: 'short' })).toEqual([
      'deviceToken: is too short to be a device token (the staff console gives one of at least 16 characters)',
      expect.stringMatching(/^hubUrl: must start with https:\/\//),
    ]);
  });

  it('refuses opening hours that are not same-day ranges, saying which one', () => {
    expect(problemsOf({ ...good, openingHours: { monday: ['9-14'] } })).toEqual([
      'openingHours.monday[0]: must be a time range like "09:00-14:00" (24-hour clock); it is "9-14"',
    ]);
    expect(problemsOf({ ...good, openingHours: { friday: ['09:00-14:00', '22:00-02:00'] } })).toEqual([
      'openingHours.friday[1]: must end after it starts, on the same day; "22:00-02:00" does not',
    ]);
    expect(problemsOf({ ...good, openingHours: { monday: ['24:00-25:00'] } })[0]).toMatch(/^openingHours\.monday\[0\]: must be a time range/);
    expect(problemsOf({ ...good, openingHours: { lunes: ['09:00-14:00'] } })).toEqual([
      '"lunes" in openingHours: is not a setting the kiosk knows (check the spelling)',
    ]);
  });

  it('refuses idle times that would rush a senior', () => {
    expect(problemsOf({ ...good, idle: { idleSeconds: 120, warningSeconds: 20 } })).toEqual([
      'idle.warningSeconds: must be at least 60 seconds: seniors need a full minute to answer',
    ]);
    expect(problemsOf({ ...good, idle: { idleSeconds: 5, warningSeconds: 60 } })).toEqual(['idle.idleSeconds: must be at least 10 seconds']);
    expect(problemsOf({ ...good, idle: { idleSeconds: '120', warningSeconds: 60 } })).toEqual(['idle.idleSeconds: must be a number of seconds']);
  });

  it('refuses bad languages, tokens, ids and printers', () => {
    expect(problemsOf({ ...good, languages: [] })).toEqual(['languages: must list at least one language']);
    expect(problemsOf({ ...good, languages: ['es', 'es'] })).toEqual(['languages: lists the same language twice']);
    expect(problemsOf({ ...good, languages: ['spanish'] })).toEqual(['languages[0]: must be a two-letter language code like "es"']);
    expect(problemsOf({ ...good, deviceToken: 'short' })[0]).toMatch(/^deviceToken: is too short/);
    expect(problemsOf({ ...good, kioskId: 'Kiosk 1' })[0]).toMatch(/^kioskId: must be lowercase letters/);
    expect(problemsOf({ ...good, printer: { name: '' } })[0]).toMatch(/^printer\.name: must not be empty/);
  });

  it('refuses an unknown setting instead of ignoring a typo', () => {
    expect(problemsOf({ ...good, hubURL: 'https://x' })).toEqual(['"hubURL": is not a setting the kiosk knows (check the spelling)']);
  });

  it('reports every problem at once, so staff fix the file in one go', () => {
    expect(problemsOf({ ...good, hubUrl: 'nope', deviceToken: 'short', languages: [] })).toHaveLength(3);
  });
});
