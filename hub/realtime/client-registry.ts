/**
 * Who is connected to this hub: every socket that said a good hello, by site (kiosks and
 * volunteers) or among staff, and the connected counts on /metrics. A kiosk holds one socket
 * (its link: core/protocol/kiosk-link.ts), so kiosk sockets are kiosks.
 */
import type { WebSocket } from 'ws';
import type { KioskPrincipal, Principal, StaffPrincipal, VolunteerPrincipal } from '../auth/principal.js';
import type { HubMetrics } from '../metrics/metrics.js';

/** One socket past its hello. */
export interface Client<P extends Principal = Principal> {
  socket: WebSocket;
  principal: P;
  /** The last kiosk view sent, so an unchanged view is not sent again. */
  lastKioskView?: string;
  /** The last fleet sent to a staff client (without its clock), so an unchanged fleet is not sent again. */
  lastFleet?: string;
  /** The hello token, kept to check it again and to close the socket when it is revoked. */
  token: string;
  /** A staff client's workshops page: the site whose workshops it is sent (`staff.workshops`). */
  workshopSiteId?: string;
}

/** The connected clients of one hub. */
export class ClientRegistry {
  private readonly bySite = new Map<string, Set<Client>>();
  private readonly staff = new Set<Client>();

  constructor(private readonly metrics: HubMetrics) {}

  /** Adds a client that said a good hello. */
  add(client: Client): void {
    const siteId = siteOf(client.principal);
    if (siteId === undefined) this.staff.add(client);
    else this.bySite.set(siteId, (this.bySite.get(siteId) ?? new Set()).add(client));
    this.count();
  }

  /** Removes a client (closed, signed out, or saying hello again); removing twice is harmless. */
  remove(client: Client): void {
    const siteId = siteOf(client.principal);
    if (siteId === undefined) this.staff.delete(client);
    else this.bySite.get(siteId)?.delete(client);
    this.count();
  }

  /** The clients of one site, as they are now (a copy: sending may remove one). */
  atSite(siteId: string): Client[] {
    return [...(this.bySite.get(siteId) ?? [])];
  }

  /** Every staff client. */
  staffClients(): Client[] {
    return [...this.staff];
  }

  /** The staff clients whose workshops page watches a site. */
  staffWatchingWorkshopsAt(siteId: string): Client<StaffPrincipal>[] {
    return [...this.staff].filter((client): client is Client<StaffPrincipal> => client.principal.role === 'staff' && client.workshopSiteId === siteId);
  }

  /** Every client, staff included. */
  all(): Client[] {
    return [...this.staff, ...[...this.bySite.values()].flatMap((set) => [...set])];
  }

  /** Every client at a site (kiosks and volunteers). */
  atAnySite(): Client[] {
    return [...this.bySite.values()].flatMap((set) => [...set]);
  }

  /** Every kiosk client. */
  kiosks(): Client<KioskPrincipal>[] {
    return this.atAnySite().filter(isKioskClient);
  }

  /** How many sockets said hello with `token` (message-budget.ts caps it). */
  socketsOfToken(token: string): number {
    return this.all().filter((client) => client.token === token).length;
  }

  /** The kiosks with a live socket on this hub. */
  connectedKioskIds(): Set<string> {
    return new Set(this.kiosks().map((client) => client.principal.kioskId));
  }

  private count(): void {
    const counts = { kiosk: 0, volunteer: 0, staff: this.staff.size };
    for (const client of this.atAnySite()) {
      if (client.principal.role === 'kiosk') counts.kiosk += 1;
      else if (client.principal.role === 'volunteer') counts.volunteer += 1;
    }
    for (const role of ['kiosk', 'volunteer', 'staff'] as const) this.metrics.setConnected(role, counts[role]);
  }
}

/** Whether a client is a kiosk. */
export function isKioskClient(client: Client): client is Client<KioskPrincipal> {
  return client.principal.role === 'kiosk';
}

/** Whether a client is a volunteer's console. */
export function isVolunteerClient(client: Client): client is Client<VolunteerPrincipal> {
  return client.principal.role === 'volunteer';
}

function siteOf(principal: Principal): string | undefined {
  return principal.role === 'staff' ? undefined : principal.siteId;
}
