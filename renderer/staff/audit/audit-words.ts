/**
 * The translation keys that put the audit trail's codes in words. Typed as complete records, so
 * an action or kind of record added to the contract fails the typecheck here until it has words,
 * and a raw code like `procedure.save-draft` is never what staff read.
 */
import type { TFunction } from 'i18next';
import type { AuditAction, AuditEntry, AuditTargetKind } from '../../../core/protocol/staff-console.js';

/** The key of each action's words (`audit.action.*` in staff.json). */
export const auditActionKeys: Record<AuditAction, string> = {
  'procedure.create': 'audit.action.procedureCreate',
  'procedure.save-draft': 'audit.action.procedureSaveDraft',
  'procedure.discard-draft': 'audit.action.procedureDiscardDraft',
  'procedure.publish': 'audit.action.procedurePublish',
  'procedure.rollback': 'audit.action.procedureRollback',
  'procedure.owner': 'audit.action.procedureOwner',
  'site.create': 'audit.action.siteCreate',
  'kiosk.create': 'audit.action.kioskCreate',
  'kiosk.revoke': 'audit.action.kioskRevoke',
  'kiosk.token': 'audit.action.kioskToken',
  'volunteer.create': 'audit.action.volunteerCreate',
  'volunteer.update': 'audit.action.volunteerUpdate',
  'volunteer.pin': 'audit.action.volunteerPin',
  'staff.create': 'audit.action.staffCreate',
  'volunteer.disable': 'audit.action.volunteerDisable',
  'volunteer.enable': 'audit.action.volunteerEnable',
  'volunteer.delete': 'audit.action.volunteerDelete',
  'staff.disable': 'audit.action.staffDisable',
  'staff.enable': 'audit.action.staffEnable',
  'staff.delete': 'audit.action.staffDelete',
  'staff.password': 'audit.action.staffPassword',
  'account.locked': 'audit.action.accountLocked',
};

/** The key of each kind of record's name (`audit.kind.*`), as the filter and the table show it. */
export const auditKindKeys: Record<AuditTargetKind, string> = {
  procedure: 'audit.kind.procedure',
  site: 'audit.kind.site',
  kiosk: 'audit.kind.kiosk',
  volunteer: 'audit.kind.volunteer',
  staff: 'audit.kind.staff',
};

/**
 * An entry's one-line summary in the console's language (`audit.summary.<code>`, filled with the
 * names and numbers the hub stored with it). An entry written before summaries had codes, or with
 * a code this console has no words for, keeps the hub's English sentence, with `lang` "en" so a
 * screen reader says it in English.
 */
export function auditSummaryText(entry: AuditEntry, t: TFunction): { text: string; lang: string | undefined } {
  if (entry.summaryCode === undefined || !/^[a-z-]+$/.test(entry.summaryCode)) return { text: entry.summary, lang: 'en' };
  // A lock's minutes choose the sentence's plural form ("1 minuto", "15 minutos"): i18next picks
  // it by `count`, and the hub stores the figure by its own name.
  const minutes = entry.summaryParams?.['minutes'];
  const counted = typeof minutes === 'number' ? { count: minutes } : {};
  const text = t(`audit.summary.${entry.summaryCode}`, { ...entry.summaryParams, ...counted, defaultValue: '' });
  return text === '' ? { text: entry.summary, lang: 'en' } : { text, lang: undefined };
}
