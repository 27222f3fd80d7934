/**
 * The rules of staff requests whose refusal staff meet in the console (a script too large, a NUL
 * character in it, an empty or long changelog line), by stable reason. The schemas take their
 * English from here; the hub finds the reason again from zod's text and sends it with the
 * refusal, so the console says it in its own language (`refusal.<reason>` in staff.json).
 */
export const requestRules = {
  sourceTooLarge: 'the script is larger than 512 KB; a procedure file may be at most 512 KB',
  sourceNul: 'the script contains a NUL character; is it a binary file?',
  changelogEmpty: 'write one line saying what changed',
  changelogTooLong: 'the changelog line is longer than 200 characters',
} as const;

const reasonsByText = new Map<string, string>(Object.entries(requestRules).map(([reason, text]) => [text, reason]));

/** The reason of a refusal from the rule's English text, if it is one of {@link requestRules}. */
export function requestRuleReason(text: string): string | undefined {
  return reasonsByText.get(text);
}
