/**
 * The kiosk's later parts (load-later.tsx): what most sessions never use, each a chunk of its own
 * fetched when the page is idle. Import these instead of the modules themselves: one static
 * import of a module anywhere in the kiosk puts it back into the page's first script.
 *  - the workshop screens and the certificate of participation (a workshop, issue 18);
 *  - volunteer mode at the touchscreen (only when a volunteer takes over a call);
 *  - the QR code generator of the take-home sheet (only at a procedure's end; qr-code-library.ts).
 */
import { laterComponent, laterPart, type LaterPart } from './load-later.js';
import { qrCodeLibrary } from './qr-code-library.js';
// Their styles stay in the page's one style sheet, in the order they always had: a chunk's own
// sheet would be added after kiosk.css and win where they tie; the certificate's print rules
// must be there when "Imprimir" is pressed.
import '../workshop/workshop.css';
import '../workshop/participation-certificate.css';
import '../volunteer/volunteer-mode.css';

const workshopScreens = laterPart(() => import('../workshop/workshop-screens.js'));
const certificate = laterPart(() => import('../workshop/participation-certificate.js'));
const volunteerMode = laterPart(() => import('../volunteer/volunteer-mode.js'));

/** Every later part of the kiosk's screens, for fetching when the page is idle. */
export const laterParts: readonly LaterPart<unknown>[] = [workshopScreens, certificate, volunteerMode, qrCodeLibrary];

/** workshop-screens.tsx's screens. */
export const WorkshopCodeScreen = laterComponent(workshopScreens, (module) => module.WorkshopCodeScreen);
export const WorkshopNameScreen = laterComponent(workshopScreens, (module) => module.WorkshopNameScreen);
export const WorkshopEndedScreen = laterComponent(workshopScreens, (module) => module.WorkshopEndedScreen);
export const WorkshopHandPanel = laterComponent(workshopScreens, (module) => module.WorkshopHandPanel);
export const WorkshopPause = laterComponent(workshopScreens, (module) => module.WorkshopPause);
/** participation-certificate.tsx's certificate. */
export const ParticipationCertificate = laterComponent(certificate, (module) => module.ParticipationCertificate);
/** volunteer-mode.tsx's dialog and panel. */
export const VolunteerPinDialog = laterComponent(volunteerMode, (module) => module.VolunteerPinDialog);
export const VolunteerPanel = laterComponent(volunteerMode, (module) => module.VolunteerPanel);
