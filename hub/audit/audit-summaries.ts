/**
 * The audit trail's one-line summaries, by stable code. The hub stores the code and its params
 * with each entry, so the staff console words the line in its own language (`audit.summary.<code>`
 * in staff.json); the English sentence is stored too, for logs, API clients and entries written
 * before codes existed. Params name records as staff know them (a kiosk's, site's or person's
 * name), never by an internal id: the entry's record is named beside it by the console.
 */

const english = {
  'procedure-created': () => 'Created the procedure as a draft.',
  'draft-saved-same': () => 'Saved the draft; it equals the published version, so there is nothing to publish.',
  'draft-saved-clean': () => 'Saved the draft; it has no problems.',
  'draft-saved-problems': ({ count }: { count: number }) => `Saved the draft with ${count} problem${count === 1 ? '' : 's'}.`,
  'draft-discarded': () => 'Threw the draft away.',
  'version-published': ({ version, changelog }: { version: number; changelog: string }) => `Published version ${version}: ${changelog}`,
  'version-rolled-back': ({ version, from }: { version: number; from: number }) => `Published version ${version}: Rollback to v${from}`,
  'owner-set': ({ name }: { name: string }) => `Made ${name} the owner.`,
  'owner-none': () => 'Left the procedure without an owner.',
  'site-created': ({ name }: { name: string }) => `Created the site ${name}.`,
  'kiosk-created': ({ name, site }: { name: string; site: string }) => `Created the kiosk ${name} at ${site} and issued its device token.`,
  'kiosk-revoked': ({ name }: { name: string }) => `Revoked the device token of the kiosk ${name}.`,
  'kiosk-token': ({ name }: { name: string }) => `Issued a new device token for ${name}; the old one no longer works.`,
  'volunteer-created': ({ name, sites, languages }: { name: string; sites: string; languages: string }) =>
    `Created the volunteer ${name} for ${sites} (${languages}).`,
  'volunteer-languages': ({ languages }: { languages: string }) => `Changed the volunteer's languages ${languages}.`,
  'volunteer-sites': ({ sites }: { sites: string }) => `Changed the volunteer's sites ${sites}.`,
  'volunteer-languages-sites': ({ languages, sites }: { languages: string; sites: string }) =>
    `Changed the volunteer's languages ${languages} and sites ${sites}.`,
  'volunteer-unchanged': () => 'Saved the volunteer unchanged.',
  'volunteer-pin': () => 'Set a new PIN, unlocked the account and ended its sessions.',
  'volunteer-disabled': ({ name }: { name: string }) => `Disabled the volunteer ${name} and ended their sessions.`,
  'volunteer-enabled': ({ name }: { name: string }) => `Enabled the volunteer ${name} again.`,
  'volunteer-deleted': ({ name }: { name: string }) => `Deleted the volunteer ${name}; the help calls they answered keep their name.`,
  'staff-created': ({ name, email }: { name: string; email: string }) => `Created the staff account ${name} <${email}>.`,
  'staff-created-cli': ({ name, email }: { name: string; email: string }) => `Created the staff account ${name} <${email}> from the command line.`,
  'staff-disabled': ({ name, email }: { name: string; email: string }) => `Disabled the staff account ${name} <${email}> and ended its sessions.`,
  'staff-enabled': ({ name, email }: { name: string; email: string }) => `Enabled the staff account ${name} <${email}> again.`,
  'staff-deleted': ({ name, email }: { name: string; email: string }) => `Deleted the staff account ${name} <${email}>; what they did stays in the history.`,
  'staff-password': ({ name }: { name: string }) => `Set a new password for ${name} and ended their other sessions.`,
  'locked-pins': ({ name, minutes }: { name: string; minutes: number }) =>
    `Locked ${name} for ${minutes} minutes after five wrong PINs in a row: someone may be guessing.`,
  'locked-passwords': ({ name, minutes }: { name: string; minutes: number }) =>
    `Locked ${name} for ${minutes} minutes after five wrong passwords in a row: someone may be guessing.`,
} satisfies Record<string, (params: never) => string>;

type SummaryCode = keyof typeof english;

/** An audit summary by code, with the params its sentence needs (none for most). */
export type AuditSummary = {
  [K in SummaryCode]: Parameters<(typeof english)[K]> extends [] ? { code: K } : { code: K; params: Parameters<(typeof english)[K]>[0] };
}[SummaryCode];

/** Every summary code, for the tests that check the console has words for each. */
export const auditSummaryCodes = Object.keys(english) as SummaryCode[];

/** The English sentence of a summary. */
export function englishSummary(summary: AuditSummary): string {
  const params = 'params' in summary ? summary.params : {};
  return (english[summary.code] as (params: unknown) => string)(params);
}
