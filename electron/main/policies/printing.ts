/**
 * Which printer the take-home sheet goes to: the configured one when the system has it, the
 * system's default when none is configured, and a plain refusal otherwise (printing to some other
 * printer in the building would put a senior's sheet in a stranger's hands).
 */

/** The parts of Electron's `PrinterInfo` this decision reads. */
export interface PrinterSummary {
  name: string;
  isDefault?: boolean;
}

/** The printer to use, or why there is none. */
export type PrinterChoice = { ok: true; deviceName: string | undefined } | { ok: false; reason: string };

/** Chooses the printer for a silent print. */
export function choosePrinter(configured: string | undefined, available: readonly PrinterSummary[]): PrinterChoice {
  if (configured !== undefined) {
    if (available.some((printer) => printer.name === configured)) return { ok: true, deviceName: configured };
    return { ok: false, reason: `the printer "${configured}" in the kiosk's configuration is not installed on this machine` };
  }
  if (available.length === 0) return { ok: false, reason: 'this machine has no printer installed' };
  // No name configured: Electron's silent print uses the system default.
  return { ok: true, deviceName: undefined };
}
