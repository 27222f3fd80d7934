import { describe, expect, it } from 'vitest';
import { staffTranslator } from './support/staff-translator.js';
import type { AccountLock } from '../../../core/protocol/staff-console.js';
import { agoText, securityAlertText } from '../../../renderer/staff/app/security-alert-words.js';

const now = Date.UTC(2026, 11, 5, 19, 0);
const minute = 60_000;
const lock = (name: string, minutesAgo: number, kind: AccountLock['kind'] = 'volunteer', accountId = name): AccountLock => ({
  at: now - minutesAgo * minute,
  kind,
  accountId,
  name,
});

describe('the locked-accounts notice', () => {
  it('says nothing when no account was locked', async () => {
    expect(securityAlertText([], now, await staffTranslator('es'))).toBeUndefined();
  });

  it('counts accounts, not locks, and names each once with its latest lock, newest first', async () => {
    const text = securityAlertText([lock('Ana', 300), lock('Luis', 5), lock('Ana', 30), lock('Marta', 0, 'staff')], now, await staffTranslator('es'));
    expect(text).toEqual({
      headline: 'Atención: 3 cuentas bloqueadas en las últimas 24 horas por PIN o contraseñas erróneos (alguien puede estar probando).',
      who: 'Marta, del personal (ahora mismo), Luis (hace 5 min), Ana (hace 30 min).',
    });
  });

  it('lists five names and the count of the rest, in English too', async () => {
    const locks = Array.from({ length: 8 }, (_, index) => lock(`Persona ${index}`, 60 * (index + 1)));
    expect(securityAlertText(locks, now, await staffTranslator('en'))).toEqual({
      headline: 'Warning: 8 accounts locked in the last 24 hours after wrong PINs or passwords (someone may be guessing).',
      who: 'Persona 0 (1 h ago), Persona 1 (2 h ago), Persona 2 (3 h ago), Persona 3 (4 h ago), Persona 4 (5 h ago), and 3 more.',
    });
  });

  it('one account reads in the singular', async () => {
    expect(securityAlertText([lock('Ana', 90)], now, await staffTranslator('es'))?.headline).toBe(
      'Atención: 1 cuenta bloqueada en las últimas 24 horas por PIN o contraseña erróneos (alguien puede estar probando).',
    );
  });

  it('a clock a little behind the hub reads "just now", never a negative time', async () => {
    expect(agoText(now + 5_000, now, await staffTranslator('en'))).toBe('just now');
    expect(agoText(now - 23 * 60 * minute - 59 * minute, now, await staffTranslator('es'))).toBe('hace 23 h');
  });
});
