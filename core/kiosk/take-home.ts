/**
 * What the take-home sheet of a finished procedure may carry besides its text: one public web
 * address as a QR code, and that code drawn as an SVG path. Only addresses written in the script
 * are ever encoded, never anything the senior answered: the sheet leaves the building.
 */
import type { Procedure, StepOf } from '../procedure/schema.js';

/**
 * The address the QR code on the sheet encodes: the done step's own `qrUrl`, else the script's
 * first online channel with an address, else none (then the sheet has no QR code).
 */
export function takeHomeAddress(procedure: Procedure, step: StepOf<'done'>): string | undefined {
  if (step.qrUrl) return step.qrUrl;
  return procedure.channels.find((channel) => channel.kind === 'online' && channel.url !== undefined)?.url;
}

/** The dark and light modules of a QR code, as the qrcode library's BitMatrix exposes them. */
export interface QrModules {
  size: number;
  get(row: number, column: number): number | boolean;
}

/**
 * The dark modules as one SVG path, one unit per module, with `quiet` light modules around it
 * (the margin scanners need); the viewBox is `0 0 side side`. Runs of dark modules on a row are
 * one rectangle each, which keeps the path short.
 */
export function qrPath(modules: QrModules, quiet = 4): { d: string; side: number } {
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column += 1;
      parts.push(`M${start + quiet} ${row + quiet}h${column - start}v1h${start - column}z`);
    }
  }
  return { d: parts.join(''), side: modules.size + 2 * quiet };
}
