/**
 * The `qrcode` library, for the take-home sheet's QR code (steps/done-sheet.tsx): a later part
 * (load-later.tsx), needed only at a procedure's end. Apart from later-parts.tsx, whose style
 * sheets would otherwise ride along into the staff console's preview, which draws done steps too.
 */
import { laterPart } from './load-later.js';

/** The `qrcode` library, fetched when the page is idle. */
export const qrCodeLibrary = laterPart(() => import('qrcode'));
