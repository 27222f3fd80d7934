/**
 * The hub benchmark's city: sites, kiosks and volunteers, made the way staff make them.
 *
 * With PASO_DEMO=0 a hub has no accounts at all, so one staff account is written beforehand
 * with the hub's own `createStaff` against the same database (the bench process opens it, adds
 * the account, closes it, and only then starts the hub). Everything else goes through the real
 * API of the running hub: staff sign in and create sites, kiosks and volunteers; volunteers sign
 * in with their PIN and switch to available; every kiosk and volunteer opens its WebSocket and
 * says hello. Running the hub once in demo mode instead would also have left a demo site,
 * kiosk and volunteers in the data.
 */
import { randomUUID } from 'node:crypto';
import { createStaff } from '../../hub/admin/accounts.js';
import { openDatabase, type StorageConfig } from '../../hub/db/connect.js';
import { CallTracker, HubSocket, mapLimited, type HubHttp } from './hub-bench-clients.js';
import { apiRoutes } from '../../core/protocol/api-routes.js';

/** The shape of the city. */
export const cityShape = { sites: 30, kiosksPerSite: 10, volunteers: 1000 } as const;

const staffAccount = { email: 'bench-staff@example.org', name: 'Bench staff', password: 'bench-staff-password' };

export interface BenchKiosk {
  id: string;
  token: string;
  socket?: HubSocket;
}

export interface BenchVolunteer {
  id: string;
  name: string;
  pin: string;
  languages: string[];
  token: string;
  socket?: HubSocket;
}

export interface BenchSite {
  id: string;
  /**
   * The loopback address its kiosks and phones connect from (Linux answers on all of
   * 127.0.0.0/8): a library's devices share one address behind its router, and the hub's limits
   * per address (sign-ins, sockets waiting for hello) count them as one site's, as in a city.
   */
  address: string;
  kiosks: BenchKiosk[];
  volunteers: BenchVolunteer[];
}

/** The city as the bench knows it, with its sockets, and how long each setup step took. */
export interface BenchCity {
  sites: BenchSite[];
  tracker: CallTracker;
  timings: { label: string; ms: number }[];
  close(): void;
}

/** Writes the bench's staff account with the hub's own module, before the hub starts. */
export async function seedStaffAccount(storage: StorageConfig): Promise<void> {
  const database = await openDatabase(storage);
  try {
    await createStaff(database.db, staffAccount, Date.now(), randomUUID());
  } finally {
    await database.close();
  }
}

/**
 * The volunteers a new call at `site` in `language` must be offered to, from the bench's own
 * records: the site's available volunteers who speak the language, or all of them when none does
 * (every bench volunteer is available).
 */
export function eligibleVolunteers(site: BenchSite, language: string): BenchVolunteer[] {
  const speakers = site.volunteers.filter((volunteer) => volunteer.languages.includes(language));
  return speakers.length > 0 ? speakers : site.volunteers;
}

/** Signs in the bench's staff account (written by {@link seedStaffAccount}): its token. */
export async function signInStaff(http: HubHttp): Promise<string> {
  const answer = await http.request<{ token: string }>('POST', apiRoutes.staffLogin.path, {
    body: { email: staffAccount.email, password: staffAccount.password },
  });
  return answer.token;
}

/** Creates bench site number `number` through the staff API. */
export async function createBenchSite(http: HubHttp, staffToken: string, id: string, number: number): Promise<void> {
  await http.request('POST', apiRoutes.staffSites.path, {
    token: staffToken,
    // The longest escalation allowed, so the sweep never moves a bench call.
    body: {
      id,
      name: `Centro de mayores ${number} (bench)`,
      location: `Distrito ${number}`,
      escalationSeconds: 3600,
      inPersonHelp: 'Pregunte en el mostrador de la entrada.',
    },
  });
}

/** Creates kiosk number `number` (from 1) at a site through the staff API: its device token. */
export async function createBenchKiosk(http: HubHttp, staffToken: string, siteId: string, id: string, number: number): Promise<string> {
  const created = await http.request<{ deviceToken: string }>('POST', apiRoutes.staffKiosks.path, {
    token: staffToken,
    body: { id, siteId, name: `Kiosco ${number}`, location: `Planta ${(number - 1) % 3}` },
  });
  return created.deviceToken;
}

/** A volunteer as staff create one. */
interface VolunteerRecord {
  id: string;
  name: string;
  pin: string;
  languages: string[];
}

/** Creates a volunteer of one site through the staff API (the PIN is hashed with scrypt). */
export async function createBenchVolunteer(http: HubHttp, staffToken: string, volunteer: VolunteerRecord, siteId: string): Promise<void> {
  await http.request('POST', apiRoutes.staffVolunteers.path, {
    token: staffToken,
    body: { id: volunteer.id, name: volunteer.name, pin: volunteer.pin, siteIds: [siteId], languages: volunteer.languages },
  });
}

/** Signs a volunteer in with their PIN from their site's address: their session token. */
export async function signInVolunteer(http: HubHttp, volunteer: VolunteerRecord, site: { id: string; address: string }): Promise<string> {
  const login = await http.request<{ token: string }>('POST', apiRoutes.volunteerLogin.path, {
    body: { siteId: site.id, name: volunteer.name, pin: volunteer.pin },
    from: site.address,
  });
  return login.token;
}

/** Creates the city through the hub's API and connects every client. */
export async function buildCity(http: HubHttp, progress: (line: string) => void): Promise<BenchCity> {
  const timings: { label: string; ms: number }[] = [];
  const step = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    const ms = performance.now() - start;
    timings.push({ label, ms });
    progress(`${label}: ${(ms / 1000).toFixed(1)} s`);
    return result;
  };

  const staffToken = await signInStaff(http);
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');

  const sites: BenchSite[] = Array.from({ length: cityShape.sites }, (_, s) => ({
    id: `bench-site-${pad(s + 1, 2)}`,
    address: `127.0.2.${s + 1}`,
    kiosks: [],
    volunteers: [],
  }));
  await step(
    `${cityShape.sites} sites and ${cityShape.sites * cityShape.kiosksPerSite} kiosks created (POST ${apiRoutes.staffSites.path}, ${apiRoutes.staffKiosks.path})`,
    async () => {
      for (const [s, site] of sites.entries()) await createBenchSite(http, staffToken, site.id, s + 1);
      const kiosks = sites.flatMap((site) => Array.from({ length: cityShape.kiosksPerSite }, (_, k) => ({ site, id: `${site.id}-kiosk-${pad(k + 1, 2)}`, k })));
      await mapLimited(kiosks, 8, async ({ site, id, k }) => {
        site.kiosks.push({ id, token: await createBenchKiosk(http, staffToken, site.id, id, k + 1) });
      });
      for (const site of sites) site.kiosks.sort((a, b) => a.id.localeCompare(b.id));
    },
  );

  // Volunteer v belongs to site v mod 30; within its site, every third speaks English as well as Spanish.
  const volunteers = Array.from({ length: cityShape.volunteers }, (_, v) => {
    const site = sites[v % cityShape.sites] as BenchSite;
    const indexInSite = Math.floor(v / cityShape.sites);
    return {
      site,
      id: `bench-volunteer-${pad(v + 1, 4)}`,
      name: `Voluntaria ${v + 1}`,
      pin: pad((v * 7919) % 10000, 4),
      languages: indexInSite % 3 === 0 ? ['es', 'en'] : ['es'],
    };
  });
  await step(`${cityShape.volunteers} volunteers created (POST ${apiRoutes.staffVolunteers.path}; each PIN is hashed with scrypt)`, () =>
    mapLimited(volunteers, 8, (volunteer) => createBenchVolunteer(http, staffToken, volunteer, volunteer.site.id)),
  );
  await step(`${cityShape.volunteers} volunteers signed in with their PIN (POST ${apiRoutes.volunteerLogin.path}; scrypt again)`, () =>
    mapLimited(volunteers, 8, async (volunteer) => {
      const token = await signInVolunteer(http, volunteer, volunteer.site);
      volunteer.site.volunteers.push({ id: volunteer.id, name: volunteer.name, pin: volunteer.pin, languages: volunteer.languages, token });
    }),
  );
  for (const site of sites) site.volunteers.sort((a, b) => a.id.localeCompare(b.id));
  const everyVolunteer = sites.flatMap((site) => site.volunteers);
  // Switched before the sockets connect: with sockets open, each switch would push a full snapshot to the site's consoles.
  await step(`${everyVolunteer.length} volunteers switched to available (PUT ${apiRoutes.volunteerAvailability.path})`, () =>
    mapLimited(everyVolunteer, 16, (volunteer) =>
      http.request('PUT', apiRoutes.volunteerAvailability.path, { token: volunteer.token, body: { available: true } }),
    ),
  );

  const tracker = new CallTracker();
  const everyKiosk = sites.flatMap((site) => site.kiosks);
  const close = (): void => {
    for (const client of [...everyKiosk, ...everyVolunteer]) client.socket?.terminate();
  };
  try {
    await step(`${everyKiosk.length} kiosk and ${everyVolunteer.length} volunteer WebSockets connected, hello answered with a snapshot`, async () => {
      const siteAddress = new Map(sites.flatMap((site) => [...site.kiosks, ...site.volunteers].map((client) => [client, site.address] as const)));
      await mapLimited(everyKiosk, 50, async (kiosk) => {
        kiosk.socket = await HubSocket.open(http.baseUrl, kiosk.token, 'kiosk.call', siteAddress.get(kiosk));
        kiosk.socket.listener = tracker.countOnly;
      });
      await mapLimited(everyVolunteer, 50, async (volunteer) => {
        volunteer.socket = await HubSocket.open(http.baseUrl, volunteer.token, 'volunteer.calls', siteAddress.get(volunteer));
        volunteer.socket.listener = tracker.listenerFor(volunteer.id);
      });
    });
  } catch (error) {
    close();
    throw error;
  }
  return { sites, tracker, timings, close };
}
