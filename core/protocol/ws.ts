/**
 * The hub's one WebSocket endpoint (`/ws`): it pushes state; commands go over HTTP. A client's
 * first message is `hello` with its token; the hub answers `welcome` and a snapshot, then sends
 * updates as calls change. After any reconnect the client says `hello` again and gets the
 * current state, so nothing needs replaying.
 */
import { z } from 'zod';
import { entityIdSchema, recordIdSchema, tokenSchema } from './common.js';
import { kioskCallViewSchema, volunteerCallViewSchema } from './http.js';
import { fleetResponseSchema } from './staff-console.js';
import { kioskWorkshopViewSchema, trainerWorkshopViewSchema } from './workshop.js';

export { closeCodes, websocketPath } from './routes.js';

/** A kiosk app's version as it reports it: `1.4.0`, `1.4.0-demo`. */
export const appVersionSchema = z.string().regex(/^[A-Za-z0-9._+-]{1,40}$/, 'an app version is 1 to 40 letters, digits, dots, dashes or +');

/** Messages a client sends. */
export const clientMessageSchema = z.discriminatedUnion('type', [
  // A kiosk also says which app and which catalogue version it runs (shown on the staff fleet page).
  z.strictObject({ type: z.literal('hello'), token: tokenSchema, appVersion: appVersionSchema.optional(), proceduresVersion: z.int().min(0).optional() }),
  // Asks for the full current state again (after a suspected missed update).
  z.strictObject({ type: z.literal('resync') }),
  // A kiosk confirms what it holds: its app, and the catalogue version it downloaded last (after
  // every download, and every minute, which the hub answers with the current version when the
  // kiosk is behind). Version numbers only: nothing of a senior's session ever rides along.
  z.strictObject({ type: z.literal('kiosk.status'), appVersion: appVersionSchema.optional(), proceduresVersion: z.int().min(0) }),
  // The staff console's workshops page: send me the grids of the workshops I may lead at this
  // site (after every hello; `null` when the page closes). Staff only; a site the hub does not
  // know closes the socket with its reason.
  z.strictObject({ type: z.literal('staff.workshops'), siteId: entityIdSchema.nullable() }),
]);

/** Messages the hub sends. */
export const hubMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), role: z.enum(['kiosk', 'volunteer', 'staff']), name: z.string(), demo: z.boolean() }),
  // The kiosk's current call (null when it has none open).
  z.object({ type: z.literal('kiosk.call'), call: kioskCallViewSchema.nullable() }),
  // A volunteer's whole list: after hello or resync.
  z.object({ type: z.literal('volunteer.calls'), calls: z.array(volunteerCallViewSchema), serverNow: z.number(), available: z.boolean() }),
  // One call changed.
  z.object({ type: z.literal('volunteer.call'), call: volunteerCallViewSchema, serverNow: z.number() }),
  // A call nobody accepted in time (to staff).
  z.object({ type: z.literal('staff.alert'), callId: z.string(), siteId: z.string(), message: z.string() }),
  // The volunteer who holds the kiosk's call asked from their phone to take control of the kiosk:
  // it asks for their PIN (to that kiosk only; the first name is all it shows).
  z.object({ type: z.literal('kiosk.take-over'), callId: recordIdSchema, volunteerName: z.string().min(1).max(80) }),
  // Staff published procedures: kiosks fetch GET /api/procedures again (to every kiosk, after
  // hello too, and to a kiosk whose `kiosk.status` shows it behind).
  z.object({ type: z.literal('procedures-changed'), version: z.int().min(0) }),
  // The kiosk fleet as the staff fleet page shows it (to staff: after hello and whenever it changes).
  z.object({ type: z.literal('staff.fleet'), fleet: fleetResponseSchema }),
  // A workshop of the volunteer's site, or of the site a staff member's workshops page watches
  // (`staff.workshops`), as its trainers see it (issue 18; core/protocol/workshop.ts):
  // one per running workshop after hello, then the whole grid again after every change (a
  // last one with state `ended` and no seats when it ends).
  z.object({ type: z.literal('workshop.grid'), workshop: trainerWorkshopViewSchema, serverNow: z.number() }),
  // The workshop this kiosk takes part in (null when none: after hello, and after it left); a
  // last one with state `ended` when the trainer ends it or it ends by itself.
  z.object({ type: z.literal('kiosk.workshop'), workshop: kioskWorkshopViewSchema.nullable() }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type HubMessage = z.infer<typeof hubMessageSchema>;
