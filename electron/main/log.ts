/**
 * The shell's log: one line per event on standard output, where the OS supervisor (systemd's
 * journal, the Windows service wrapper) keeps it. Never a senior's answer: the shell never sees one.
 */

/** Writes one line with the time. */
export function log(message: string): void {
  console.log(`${new Date().toISOString()} kiosk-shell: ${message}`);
}
