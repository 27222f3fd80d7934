import { describe, expect, it } from 'vitest';
import { choosePrinter } from '../../../electron/main/policies/printing.js';

const printers = [{ name: 'Office_Laser', isDefault: true }, { name: 'Kiosk_Thermal' }];

describe('which printer gets the take-home sheet', () => {
  it('uses the configured printer', () => {
    expect(choosePrinter('Kiosk_Thermal', printers)).toEqual({ ok: true, deviceName: 'Kiosk_Thermal' });
  });

  it('never falls back to another printer when the configured one is missing', () => {
    const choice = choosePrinter('Kiosk_Thermal', [{ name: 'Office_Laser', isDefault: true }]);
    expect(choice).toEqual({ ok: false, reason: expect.stringContaining('"Kiosk_Thermal"') });
  });

  it('uses the system default when none is configured, and says so when there is no printer at all', () => {
    expect(choosePrinter(undefined, printers)).toEqual({ ok: true, deviceName: undefined });
    expect(choosePrinter(undefined, [])).toEqual({ ok: false, reason: 'this machine has no printer installed' });
  });
});
