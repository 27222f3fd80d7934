/**
 * What the staff app hands every signed-in page. Its own module, so the pages and the app that
 * routes to them do not import each other.
 */
import type { StaffSession } from '../session/staff-session.js';

/** What every signed-in page gets: the session, and a way out when the hub ends it. */
export interface PageProps {
  session: StaffSession;
  /** The hub refused the token (expired, revoked): back to sign-in with this message. */
  onSessionEnded: (message: string) => void;
}
