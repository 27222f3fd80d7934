import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../assets/locales/en/volunteer.json';
import es from '../../../assets/locales/es/volunteer.json';
import { commandFailureText, signInFailureText } from '../../../renderer/volunteer/hub-api/hub-error-text.js';

const i18n = i18next.createInstance();
await i18n.init({ resources: { es: { volunteer: es }, en: { volunteer: en } }, lng: 'es', ns: ['volunteer'], defaultNS: 'volunteer', initAsync: false });
const t = i18n.getFixedT('es');
const tEn = i18n.getFixedT('en');

describe("the hub's refusals in plain words", () => {
  it('says a wrong name or PIN without saying which', () => {
    expect(signInFailureText({ kind: 'refused', status: 401, message: 'The name or the PIN is not right.' }, t)).toBe('El nombre o el PIN no son correctos.');
  });

  it('shows why the hub refused a name with a hidden or look-alike character, not "type your name" (issue 15)', () => {
    const refused = {
      kind: 'refused',
      status: 400,
      field: 'name',
      message: 'name: it holds an invisible control character (U+001B); type it again without it',
    } as const;
    expect(signInFailureText(refused, t)).toBe(
      'Algo ha fallado. El servidor dice: «name: it holds an invisible control character (U+001B); type it again without it»',
    );
    expect(signInFailureText({ kind: 'refused', status: 400, field: 'name', message: 'name: the name is empty' }, t)).toBe('Escriba su nombre.');
  });

  it('says how long a locked account waits, as the hub counted it', () => {
    const locked = {
      kind: 'refused',
      status: 423,
      message: 'Too many wrong PINs. Try again in 1 minute, or ask staff to reset your PIN.',
      detail: { code: 'account-locked', minutes: 1 },
    } as const;
    expect(signInFailureText(locked, t)).toBe('Ha escrito mal el PIN demasiadas veces. Espere 1 minuto o pida al personal que le cambie el PIN.');
    expect(signInFailureText({ ...locked, detail: { code: 'account-locked', minutes: 12 } }, tEn)).toBe(
      'The PIN was wrong too many times. Wait 12 minutes or ask staff to change your PIN.',
    );
  });

  it("says the hub's sign-in limits and its busy hashing in the volunteer's language, not the hub's English (issue 15)", () => {
    const limited = {
      kind: 'refused',
      status: 429,
      message: 'Too many failed sign-ins from this network. Try again in 14 minutes.',
      detail: { code: 'too-many-sign-ins', minutes: 14 },
    } as const;
    expect(signInFailureText(limited, t)).toBe('Demasiados intentos de entrar. Espere 14 minutos y vuelva a probar.');
    expect(signInFailureText({ ...limited, detail: { code: 'too-many-sign-ins', minutes: 1 } }, tEn)).toBe(
      'Too many sign-in attempts. Wait 1 minute and try again.',
    );
    const busy = { kind: 'refused', status: 503, message: 'The hub is busy checking other sign-ins.', detail: { code: 'sign-ins-busy' } } as const;
    expect(signInFailureText(busy, t)).toBe('El servidor está comprobando muchas entradas a la vez. Vuelva a probar dentro de unos segundos.');
  });

  it('says plainly that a disabled account cannot sign in, in the volunteer’s language', () => {
    const disabled = {
      kind: 'refused',
      status: 403,
      message: 'This account is disabled. Ask staff to enable it.',
      detail: { code: 'account-disabled' },
    } as const;
    expect(signInFailureText(disabled, t)).toBe('Su cuenta está desactivada. Pida al personal que la active.');
    expect(signInFailureText(disabled, tEn)).toBe('Your account is disabled. Ask staff to enable it.');
  });

  it('names who took a call first', () => {
    expect(
      commandFailureText({ kind: 'refused', status: 409, message: 'Ana has already taken this call.', detail: { code: 'call-taken', by: 'Ana' } }, t),
    ).toEqual({
      message: 'Ana ya ha cogido este aviso.',
      sessionEnded: false,
    });
    expect(
      commandFailureText(
        { kind: 'refused', status: 409, message: 'Another volunteer has already taken this call.', detail: { code: 'call-taken', by: 'Another volunteer' } },
        t,
      ).message,
    ).toBe('Otra persona ya ha cogido este aviso.');
    expect(commandFailureText({ kind: 'refused', status: 409, message: 'This call is already closed.', detail: { code: 'call-closed' } }, tEn).message).toMatch(
      /./,
    );
  });

  it('ends the session when the hub no longer knows the token', () => {
    expect(commandFailureText({ kind: 'refused', status: 401, message: 'Sign in again.' }, t)).toEqual({
      message: 'Su sesión ha terminado. Entre otra vez.',
      sessionEnded: true,
    });
  });

  it('blames the connection, not the volunteer, when the hub cannot be reached', () => {
    expect(commandFailureText({ kind: 'network' }, t).message).toMatch(/No hay conexión/);
  });

  it('shows an unknown refusal as the hub wrote it rather than hide it', () => {
    expect(commandFailureText({ kind: 'refused', status: 400, message: 'outcome: Invalid option' }, t).message).toBe(
      'Algo ha fallado. El servidor dice: «outcome: Invalid option»',
    );
  });
});

describe('the console strings', () => {
  it('have the same keys in Spanish and English', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`)) : [prefix.slice(0, -1)];
    expect(keys(en).sort()).toEqual(keys(es).sort());
  });
});
