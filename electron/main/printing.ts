/**
 * Prints the page the senior sees (its print styles leave only the take-home sheet) silently to
 * the configured printer: no dialog a senior would have to understand.
 */
import type { WebContents } from 'electron';
import { choosePrinter } from './policies/printing.js';

/** Prints silently; answers whether it printed, or why not. */
export async function printSheet(contents: WebContents, printerName: string | undefined): Promise<{ printed: true } | { printed: false; reason: string }> {
  const choice = choosePrinter(printerName, await contents.getPrintersAsync());
  if (!choice.ok) return { printed: false, reason: choice.reason };
  return new Promise((resolve) => {
    contents.print(
      { silent: true, printBackground: false, ...(choice.deviceName === undefined ? {} : { deviceName: choice.deviceName }) },
      (success, failureReason) => resolve(success ? { printed: true } : { printed: false, reason: `the printer refused the sheet (${failureReason})` }),
    );
  });
}
