/** The audit trail's summaries in the console's words, and the English of entries older than their codes. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../core/protocol/staff-console.js';
import { auditSummaryText } from '../../../renderer/staff/audit/audit-words.js';
import { staffTranslator } from './support/staff-translator.js';

const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: 'e1',
  at: 0,
  staff: { id: 's', name: 'Marta' },
  action: 'procedure.save-draft',
  targetKind: 'procedure',
  targetId: 'cita-previa',
  summary: 'Saved the draft with 2 problems.',
  ...fields,
});

describe('audit summaries in the console', () => {
  it("are said in the console's language from their code and params", async () => {
    const es = await staffTranslator('es');
    expect(auditSummaryText(entry({ summaryCode: 'draft-saved-problems', summaryParams: { count: 2 } }), es)).toEqual({
      text: 'Guardó el borrador con 2 problemas.',
      lang: undefined,
    });
    const summary = entry({ action: 'kiosk.revoke', summaryCode: 'kiosk-revoked', summaryParams: { name: 'Kiosco del vestíbulo' } });
    expect(auditSummaryText(summary, es).text).toBe('Anuló la clave de dispositivo del kiosco Kiosco del vestíbulo.');
    expect(auditSummaryText(summary, await staffTranslator('en')).text).toBe('Revoked the device token of the kiosk Kiosco del vestíbulo.');
  });

  it("say a lock's minutes in the right plural form, from the figure the hub stores as minutes", async () => {
    const es = await staffTranslator('es');
    const lock = (minutes: number) =>
      entry({ action: 'account.locked', targetKind: 'staff', summaryCode: 'locked-passwords', summaryParams: { name: 'marta@madrid.es', minutes } });
    expect(auditSummaryText(lock(15), es).text).toBe(
      'Bloqueó a marta@madrid.es durante 15 minutos tras cinco contraseñas erróneas seguidas: puede que alguien esté probando.',
    );
    expect(auditSummaryText(lock(1), es).text).toMatch(/^Bloqueó a marta@madrid\.es durante 1 minuto tras/);
    expect(auditSummaryText(lock(1), await staffTranslator('en')).text).toMatch(/^Locked marta@madrid\.es for 1 minute after five wrong passwords/);
  });

  it('keep the English sentence of an entry stored before codes, or with a code this console does not know, marked as English', async () => {
    const es = await staffTranslator('es');
    expect(auditSummaryText(entry({}), es)).toEqual({ text: 'Saved the draft with 2 problems.', lang: 'en' });
    expect(auditSummaryText(entry({ summaryCode: 'from-a-newer-hub' }), es)).toEqual({ text: 'Saved the draft with 2 problems.', lang: 'en' });
  });
});
