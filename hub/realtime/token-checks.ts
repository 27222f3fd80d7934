/**
 * Sockets live longer than the sessions that opened them: a token revoked by staff (or a
 * volunteer signing out) closes its sockets at once, announced on the change feed, and tokens
 * that simply expired are found by checking every client's token again now and then.
 */
import type { Kysely } from 'kysely';
import { closeCodes } from '../../core/protocol/ws.js';
import { tokensStillValid } from '../auth/authenticate.js';
import { hashToken } from '../auth/secrets.js';
import type { HubDatabase } from '../db/schema.js';
import type { Client, ClientRegistry } from './client-registry.js';
import { close } from './wire.js';

const signedOut = 'You signed out, or this device was removed. Sign in again.';

/** Closes the sockets whose token is no longer valid. */
export class TokenChecks {
  constructor(
    private readonly registry: ClientRegistry,
    private readonly db: Kysely<HubDatabase>,
    private readonly now: () => number,
  ) {}

  /** Closes the sockets at a site that said hello with the token whose hash was revoked. */
  closeRevoked(siteId: string, revokedTokenHash: string): void {
    for (const client of this.registry.atSite(siteId)) if (hashToken(client.token) === revokedTokenHash) this.signOut(client);
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
