/**
 * The hub's addresses and socket codes, apart from the zod contracts of http.ts and ws.ts (which
 * re-export them), so that the kiosk can name them without shipping zod (issue 13).
 */

/** The path of the WebSocket endpoint. */
export const websocketPath = '/ws';

/** WebSocket close codes the hub uses, each with a plain reason in the close frame. */
export const closeCodes = {
  badMessage: 4400,
  unauthorized: 4401,
  helloTimeout: 4408,
  shuttingDown: 1001,
} as const;

/** Paths of the HTTP API. `:id` stands for a record id. */
export const hubRoutes = {
  health: '/health',
  metrics: '/metrics',
  sites: '/api/sites',
  procedures: '/api/procedures',
  kioskMe: '/api/kiosk/me',
  kioskCalls: '/api/kiosk/calls',
  kioskCurrentCall: '/api/kiosk/calls/current',
  kioskCancelCall: '/api/kiosk/calls/:id/cancel',
  kioskVolunteerSignIn: '/api/kiosk/calls/:id/volunteer',
  kioskEvents: '/api/kiosk/events',
  kioskSpeech: '/api/kiosk/speech',
  kioskPromptSpeech: '/api/kiosk/speech/prompt',
  volunteerLogin: '/api/volunteer/login',
  volunteerLogout: '/api/volunteer/logout',
  volunteerAvailability: '/api/volunteer/availability',
  volunteerCalls: '/api/volunteer/calls',
  volunteerAccept: '/api/volunteer/calls/:id/accept',
  volunteerArrive: '/api/volunteer/calls/:id/arrive',
  volunteerResolve: '/api/volunteer/calls/:id/resolve',
  volunteerTakeOver: '/api/volunteer/calls/:id/take-over',
  staffLogin: '/api/staff/login',
  staffSites: '/api/staff/sites',
  staffKiosks: '/api/staff/kiosks',
  staffRevokeKiosk: '/api/staff/kiosks/:id/revoke',
  staffVolunteers: '/api/staff/volunteers',
  staffVolunteerPin: '/api/staff/volunteers/:id/pin',
  staffVolunteer: '/api/staff/volunteers/:id',
  staffAccounts: '/api/staff/accounts',
  staffCalls: '/api/staff/calls',
  /** Step pictures: `<procedureImages><image.src>`, public, from assets/images. */
  procedureImages: '/procedure-images/',
} as const;

/** Fills `:id` in a route. */
export function routeFor(route: string, id: string): string {
  return route.replace(':id', encodeURIComponent(id));
}

/**
 * The refusals of a route's role check: no token (`not-signed-in`), a token the hub does not
 * know or no longer honours (`token-not-valid`), a token of another role (`wrong-role`). For a
 * kiosk any of them means its device token is not (or no longer) authorised.
 */
export const accessRefusalCodes = ['not-signed-in', 'token-not-valid', 'wrong-role'] as const;
