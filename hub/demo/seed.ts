/**
 * Demo mode's seed: one site, one kiosk, two volunteers and one staff account, all labelled as
 * demo. Safe to run at every start: whatever exists already is left as it is. Outside demo mode
 * nothing is seeded and staff create accounts.
 */
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../db/schema.js';
import { createKiosk, createSite, createStaff, createVolunteer } from '../admin/accounts.js';
import { seedDemoConsole } from './seed-console.js';
import { seedDemoWorkshops } from './seed-workshops.js';

/** What demo mode creates, printed at start so anyone can try the product. */
export const demoAccounts = {
  site: { id: 'biblioteca-eugenio-trias-demo', name: 'Biblioteca Eugenio Trías (demo)' },
  kiosk: { id: 'demo-kiosk-1', name: 'Kiosco 1 (demo)', location: 'Planta baja, junto a la entrada' },
  // Fixed so the printed token keeps working across restarts; it is a demo, not a secret.
  kioskToken: 'demo-kiosk-1-device-token-not-a-secret',
  volunteers: [
    { id: 'demo-ana', name: 'Ana', pin: '2468', languages: ['es', 'en'] },
    { id: 'demo-luis', name: 'Luis', pin: '1357', languages: ['es'] },
  ],
  staff: { email: 'staff@example.org', password: 'demo-staff', name: 'Staff (demo)' },
} as const;

/** Creates the demo records that are missing. Two hubs starting together may race here: the loser finds the record made. */
export async function seedDemo(db: Kysely<HubDatabase>, now: number): Promise<void> {
  const { site, kiosk, volunteers, staff } = demoAccounts;
  const exists = (table: 'sites' | 'kiosks' | 'volunteers', id: string) => async () =>
    (await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  await createIfMissing(exists('sites', site.id), () =>
    createSite(
      db,
      {
        id: site.id,
        name: site.name,
        location: 'Parque Juan Carlos I, Madrid',
        escalationSeconds: 120,
        inPersonHelp: 'Pregunte en el mostrador de información de la planta baja.',
      },
      now,
    ),
  );
  await createIfMissing(exists('kiosks', kiosk.id), () =>
    createKiosk(db, { id: kiosk.id, siteId: site.id, name: kiosk.name, location: kiosk.location }, now, demoAccounts.kioskToken),
  );
  for (const volunteer of volunteers) {
    await createIfMissing(exists('volunteers', volunteer.id), () =>
      createVolunteer(db, { id: volunteer.id, name: volunteer.name, pin: volunteer.pin, siteIds: [site.id], languages: [...volunteer.languages] }, now),
    );
  }
  // By id too: a demo account staff deleted keeps its row (its e-mail freed) and stays deleted.
  await createIfMissing(
    async () =>
      (await db
        .selectFrom('staff')
        .select('id')
        .where((eb) => eb.or([eb('email', '=', staff.email), eb('id', '=', 'demo-staff')]))
        .executeTakeFirst()) !== undefined,
    () => createStaff(db, { email: staff.email, name: staff.name, password: staff.password }, now, 'demo-staff'),
  );
  await seedDemoConsole(db, now, { staffEmail: staff.email, kioskId: kiosk.id, siteId: site.id });
  await seedDemoWorkshops(db, now, { siteId: site.id, volunteerId: volunteers[0].id });
}

async function createIfMissing(exists: () => Promise<boolean>, create: () => Promise<unknown>): Promise<void> {
  if (await exists()) return;
  try {
    await create();
  } catch (error) {
    if (!(await exists())) throw error;
  }
}
