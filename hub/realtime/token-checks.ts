/**
 * Sockets live longer than the sessions that opened them: a token revoked by staff (or someone
 * signing out) closes its sockets at once, and so does every token of an account whose rights
 * changed (auth/sessions.ts), both announced on the change feed; tokens that simply expired are
 * found by checking every client's token again now and then.
 */
import type { Kysely } from 'kysely';
import { closeCodes } from '../../core/protocol/ws.js';
import { tokensStillValid } from '../auth/authenticate.js';
import { hashToken } from '../auth/secrets.js';
import { allSites, type SiteChange } from '../db/change-feed.js';
import type { HubDatabase } from '../db/schema.js';
import type { Client, ClientRegistry } from './client-registry.js';
import { close } from './wire.js';

const signedOut = 'You signed out, or this device or account was removed or changed. Sign in again.';

/** Closes the sockets whose token is no longer valid. */
export class TokenChecks {
  constructor(
    private readonly registry: ClientRegistry,
    private readonly db: Kysely<HubDatabase>,
    private readonly now: () => number,
  ) {}

  /** Closes the sockets at a site (or anywhere, staff included, for {@link allSites}) that said hello with the token whose hash was revoked. */
  closeRevoked(siteId: string, revokedTokenHash: string): void {
    const clients = siteId === allSites ? this.registry.all() : this.registry.atSite(siteId);
    for (const client of clients) if (hashToken(client.token) === revokedTokenHash) this.signOut(client);
  }

  /** Closes every socket of one account, wherever it signed in, but the one opened with `keepTokenHash`. */
  closeSubject(subject: NonNullable<SiteChange['revokedSubject']>): void {
    for (const client of this.registry.all()) {
      const principal = client.principal;
      const id = principal.role === 'volunteer' ? principal.volunteerId : principal.role === 'staff' ? principal.staffId : undefined;
      if (principal.role !== subject.role || id !== subject.id) continue;
      if (subject.keepTokenHash !== undefined && hashToken(client.token) === subject.keepTokenHash) continue;
      this.signOut(client);
    }
  }

  /** Checks every client's token again (one query for all) and closes those that expired or were revoked. */
  async recheckAll(): Promise<void> {
    const clients = this.registry.all();
    const valid = await tokensStillValid(
      this.db,
      clients.map((client) => client.token),
      this.now(),
    );
    for (const client of clients) if (!valid.has(client.token)) this.signOut(client);
  }

  private signOut(client: Client): void {
    this.registry.remove(client);
    close(client.socket, closeCodes.unauthorized, signedOut);
  }
}
