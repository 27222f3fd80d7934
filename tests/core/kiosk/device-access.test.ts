import { describe, expect, it } from 'vitest';
import { inPersonPlace, refusesDevice } from '../../../core/kiosk/device-access.js';

describe('whether the hub refuses the kiosk itself', () => {
  it("a role refusal (no token, a token it does not honour, another role's) refuses the device", () => {
    expect(refusesDevice({ status: 401, code: 'token-not-valid' })).toBe(true);
    expect(refusesDevice({ status: 401, code: 'not-signed-in' })).toBe(true);
    expect(refusesDevice({ status: 403, code: 'wrong-role' })).toBe(true);
    // A 401 or 403 without a code (an older hub, a body that could not be read) too.
    expect(refusesDevice({ status: 401 })).toBe(true);
    expect(refusesDevice({ status: 403, code: undefined })).toBe(true);
  });

  it('a wrong volunteer PIN, a call taken, a hub that fails or cannot be reached do not', () => {
    expect(refusesDevice({ status: 401, code: 'wrong-credentials' })).toBe(false);
    expect(refusesDevice({ status: 403, code: 'not-your-call' })).toBe(false);
    expect(refusesDevice({ status: 423, code: 'account-locked' })).toBe(false);
    for (const status of [200, 400, 404, 409, 500, 502, 503]) expect(refusesDevice({ status }), String(status)).toBe(false);
  });
});

describe('where the not-authorised screen sends the senior', () => {
  const place = 'Pregunte en el mostrador de información de la planta baja.';

  it('the sentence the hub gave in this page first, then the one remembered from the last time', () => {
    expect(inPersonPlace(place, 'Recepción')).toBe(place);
    expect(inPersonPlace(undefined, place)).toBe(place);
    expect(inPersonPlace('   ', `  ${place} `)).toBe(place);
  });

  it('none when the hub never gave one, or what is remembered is not a sentence of the right size', () => {
    expect(inPersonPlace(undefined, undefined)).toBeUndefined();
    for (const remembered of [null, 42, {}, ['Recepción'], '', '   ', 'x'.repeat(301)])
      expect(inPersonPlace(undefined, remembered), JSON.stringify(remembered)).toBeUndefined();
  });
});
