/**
 * The hub's HTTP API, one route per entry: its method, its path and who may call it. This is the
 * one table of the API: the hub registers every route from it (hub/http/route.ts), the UIs call
 * every route through it (renderer/ui/hub-client.ts), and the role test walks all of it
 * (tests/hub/roles.test.ts). Each route's zod schemas (request and response) are in
 * api-schemas.ts under the same name; this file is plain data, so the kiosk can import it
 * without shipping zod (issue 13).
 *
 * A new route: an entry here, its schemas in api-schemas.ts (the compiler says when one is
 * missing), a `route(app, 'name', handler)` in its part of the hub, and a `callHub('name', …)`
 * in the UI that needs it.
 */

/** Who may call a route: anyone (`public`) or one role, with its bearer token. */
export type RouteRole = 'public' | 'kiosk' | 'volunteer' | 'staff';

/** How a route answers: a JSON body, no body (204), or text (CSV, metrics). */
export type RouteAnswer = 'json' | 'none' | 'text';

/** One route of the API. `:id` (and `:version`) in a path are filled by {@link fillPath}. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  role: RouteRole;
  answer: RouteAnswer;
}

const json = 'json' as const;

/** Routes anyone may call. */
export const publicRoutes = {
  health: { method: 'GET', path: '/health', role: 'public', answer: json },
  metrics: { method: 'GET', path: '/metrics', role: 'public', answer: 'text' },
  /** The sites a volunteer can sign in to. */
  sites: { method: 'GET', path: '/api/sites', role: 'public', answer: json },
  volunteerLogin: { method: 'POST', path: '/api/volunteer/login', role: 'public', answer: json },
  staffLogin: { method: 'POST', path: '/api/staff/login', role: 'public', answer: json },
} as const satisfies Record<string, RouteSpec>;

/** The kiosk's routes (its device token). */
export const kioskRoutes = {
  kioskMe: { method: 'GET', path: '/api/kiosk/me', role: 'kiosk', answer: json },
  /** The published procedures and the catalogue version. */
  procedures: { method: 'GET', path: '/api/procedures', role: 'kiosk', answer: json },
  /** Asks for a volunteer: 201 for a new call, 200 for the same idempotency key again. */
  kioskCalls: { method: 'POST', path: '/api/kiosk/calls', role: 'kiosk', answer: json },
  kioskCurrentCall: { method: 'GET', path: '/api/kiosk/calls/current', role: 'kiosk', answer: json },
  kioskCancelCall: { method: 'POST', path: '/api/kiosk/calls/:id/cancel', role: 'kiosk', answer: json },
  kioskVolunteerSignIn: { method: 'POST', path: '/api/kiosk/calls/:id/volunteer', role: 'kiosk', answer: json },
  /** Anonymous events (202). */
  kioskEvents: { method: 'POST', path: '/api/kiosk/events', role: 'kiosk', answer: json },
  kioskSpeech: { method: 'GET', path: '/api/kiosk/speech', role: 'kiosk', answer: json },
  kioskPromptSpeech: { method: 'GET', path: '/api/kiosk/speech/prompt', role: 'kiosk', answer: json },

  // --- kiosk: taking part in a workshop (issue 18; core/protocol/workshop.ts) ---
  /** The workshop this kiosk is in, or null. */
  kioskWorkshop: { method: 'GET', path: '/api/kiosk/workshop', role: 'kiosk', answer: json },
  /** Joins by code (`{ code, firstName? }`) a running workshop of the kiosk's site: its seat. */
  kioskJoinWorkshop: { method: 'POST', path: '/api/kiosk/workshop/join', role: 'kiosk', answer: json },
  /** Where the kiosk is (`{ lessonId, stepId, finishedLessons }`): on the trainer's grid within a second. */
  kioskWorkshopProgress: { method: 'POST', path: '/api/kiosk/workshop/progress', role: 'kiosk', answer: 'none' },
  /** Raises or lowers the kiosk's hand (`{ raised }`). */
  kioskWorkshopHand: { method: 'POST', path: '/api/kiosk/workshop/hand', role: 'kiosk', answer: json },
  /** One quiz answer, right or wrong only (`{ lessonId, stepId, correct }`), for the records. */
  kioskWorkshopAnswer: { method: 'POST', path: '/api/kiosk/workshop/answers', role: 'kiosk', answer: 'none' },
  /** Leaves the workshop: the kiosk's seat and name are deleted. */
  kioskLeaveWorkshop: { method: 'POST', path: '/api/kiosk/workshop/leave', role: 'kiosk', answer: 'none' },
} as const satisfies Record<string, RouteSpec>;

/** The volunteer's routes (their session token). */
export const volunteerRoutes = {
  volunteerLogout: { method: 'POST', path: '/api/volunteer/logout', role: 'volunteer', answer: 'none' },
  volunteerAvailability: { method: 'PUT', path: '/api/volunteer/availability', role: 'volunteer', answer: json },
  volunteerCalls: { method: 'GET', path: '/api/volunteer/calls', role: 'volunteer', answer: json },
  volunteerAccept: { method: 'POST', path: '/api/volunteer/calls/:id/accept', role: 'volunteer', answer: json },
  volunteerArrive: { method: 'POST', path: '/api/volunteer/calls/:id/arrive', role: 'volunteer', answer: json },
  volunteerResolve: { method: 'POST', path: '/api/volunteer/calls/:id/resolve', role: 'volunteer', answer: json },
  /** "Tomar el control del quiosco": the kiosk of a call this volunteer holds asks for their PIN. */
  volunteerTakeOver: { method: 'POST', path: '/api/volunteer/calls/:id/take-over', role: 'volunteer', answer: json },

  // --- volunteer: leading a workshop (issue 18; core/protocol/workshop.ts) ---
  /** The lessons a workshop can offer: published practice procedures. */
  workshopLessons: { method: 'GET', path: '/api/volunteer/workshop-lessons', role: 'volunteer', answer: json },
  /** The running workshops of the volunteer's site, with their grids. */
  trainerWorkshops: { method: 'GET', path: '/api/volunteer/workshops', role: 'volunteer', answer: json },
  /** Starts a workshop (`{ lessonIds }`, 201): its join code. */
  startWorkshop: { method: 'POST', path: '/api/volunteer/workshops', role: 'volunteer', answer: json },
  trainerWorkshop: { method: 'GET', path: '/api/volunteer/workshops/:id', role: 'volunteer', answer: json },
  /** Follow-the-leader on (`{ target: { lessonId, stepId } }`) or off (`{ target: null }`). */
  workshopFollow: { method: 'PUT', path: '/api/volunteer/workshops/:id/follow', role: 'volunteer', answer: json },
  /** Pauses every screen with a message (`{ paused: true, message }`) or resumes (`{ paused: false }`). */
  workshopPause: { method: 'PUT', path: '/api/volunteer/workshops/:id/pause', role: 'volunteer', answer: json },
  /** Answers a seat's raised hand: its kiosk shows "<first name> viene". */
  workshopAnswerHand: { method: 'POST', path: '/api/volunteer/workshops/:id/seats/:seat/hand', role: 'volunteer', answer: json },
  /** Ends the workshop: every participant is wiped; counts stay. */
  endWorkshop: { method: 'POST', path: '/api/volunteer/workshops/:id/end', role: 'volunteer', answer: json },
} as const satisfies Record<string, RouteSpec>;

/** The staff console's routes (a staff session token). */
export const staffRoutes = {
  staffMe: { method: 'GET', path: '/api/staff/me', role: 'staff', answer: json },
  /** Every staff account (to choose a procedure's owner). */
  staffAccounts: { method: 'GET', path: '/api/staff/accounts', role: 'staff', answer: json },
  createStaffAccount: { method: 'POST', path: '/api/staff/accounts', role: 'staff', answer: json },
  /** Ends the session of the token it is called with ("Cerrar sesión"). */
  staffLogout: { method: 'POST', path: '/api/staff/logout', role: 'staff', answer: 'none' },
  /** Disables or enables a staff account (never one's own); disabling ends its sessions. */
  staffAccountDisabled: { method: 'PUT', path: '/api/staff/accounts/:id/disabled', role: 'staff', answer: 'none' },
  /** Sets a staff account's password; its other sessions end. */
  staffAccountPassword: { method: 'PUT', path: '/api/staff/accounts/:id/password', role: 'staff', answer: 'none' },
  /** Deletes a staff account (never one's own); its name stays in the history. */
  staffDeleteAccount: { method: 'DELETE', path: '/api/staff/accounts/:id', role: 'staff', answer: 'none' },
  staffSites: { method: 'GET', path: '/api/staff/sites', role: 'staff', answer: json },
  createSite: { method: 'POST', path: '/api/staff/sites', role: 'staff', answer: json },
  /** Every kiosk, revoked ones included. */
  staffKiosks: { method: 'GET', path: '/api/staff/kiosks', role: 'staff', answer: json },
  /** Creates a kiosk; the answer carries its device token, shown once. */
  createKiosk: { method: 'POST', path: '/api/staff/kiosks', role: 'staff', answer: json },
  staffRevokeKiosk: { method: 'POST', path: '/api/staff/kiosks/:id/revoke', role: 'staff', answer: 'none' },
  /** Issues a new device token for a kiosk (the old one stops working; a revoked kiosk comes back). */
  staffKioskToken: { method: 'POST', path: '/api/staff/kiosks/:id/token', role: 'staff', answer: json },
  staffVolunteers: { method: 'GET', path: '/api/staff/volunteers', role: 'staff', answer: json },
  createVolunteer: { method: 'POST', path: '/api/staff/volunteers', role: 'staff', answer: json },
  /** Changes a volunteer's languages or sites. */
  staffVolunteer: { method: 'PATCH', path: '/api/staff/volunteers/:id', role: 'staff', answer: 'none' },
  /** Sets a new PIN (and unlocks the account). */
  staffVolunteerPin: { method: 'POST', path: '/api/staff/volunteers/:id/pin', role: 'staff', answer: 'none' },
  /** Disables or enables a volunteer; disabling ends their sessions. */
  staffVolunteerDisabled: { method: 'PUT', path: '/api/staff/volunteers/:id/disabled', role: 'staff', answer: 'none' },
  /** Deletes a volunteer; the help calls they answered keep their name. */
  staffDeleteVolunteer: { method: 'DELETE', path: '/api/staff/volunteers/:id', role: 'staff', answer: 'none' },
  /** The latest 200 help calls. */
  staffCalls: { method: 'GET', path: '/api/staff/calls', role: 'staff', answer: json },
  /** Every kiosk, online or not, with its app and procedures version. */
  staffFleet: { method: 'GET', path: '/api/staff/fleet', role: 'staff', answer: json },
  /** `?limit=&before=&targetKind=&targetId=`: the audit trail, newest first. */
  staffAudit: { method: 'GET', path: '/api/staff/audit', role: 'staff', answer: json },
  /** Accounts locked by wrong PINs or passwords in the last 24 hours (the console's notice on every page). */
  staffSecurityAlerts: { method: 'GET', path: '/api/staff/security-alerts', role: 'staff', answer: json },

  // --- staff: procedures (publishing model in staff-console.ts) ---
  staffProcedures: { method: 'GET', path: '/api/staff/procedures', role: 'staff', answer: json },
  /** A new procedure with its first draft (201). */
  createProcedure: { method: 'POST', path: '/api/staff/procedures', role: 'staff', answer: json },
  /** Checks YAML without saving anything (live checking while typing). */
  staffCheck: { method: 'POST', path: '/api/staff/procedures/check', role: 'staff', answer: json },
  staffProcedure: { method: 'GET', path: '/api/staff/procedures/:id', role: 'staff', answer: json },
  /** Creates `practica-<id>`, the practice twin of the procedure's latest published version, as a new draft (201). */
  staffPracticeTwin: { method: 'POST', path: '/api/staff/procedures/:id/practice-twin', role: 'staff', answer: json },
  staffDraft: { method: 'PUT', path: '/api/staff/procedures/:id/draft', role: 'staff', answer: json },
  staffDiscardDraft: { method: 'POST', path: '/api/staff/procedures/:id/draft/discard', role: 'staff', answer: json },
  staffPublish: { method: 'POST', path: '/api/staff/procedures/:id/publish', role: 'staff', answer: json },
  /** Publishes an old version's content again, as a new version. */
  staffRollback: { method: 'POST', path: '/api/staff/procedures/:id/rollback', role: 'staff', answer: json },
  staffOwner: { method: 'PUT', path: '/api/staff/procedures/:id/owner', role: 'staff', answer: json },
  /** The published versions, newest first. */
  staffVersions: { method: 'GET', path: '/api/staff/procedures/:id/versions', role: 'staff', answer: json },
  staffVersion: { method: 'GET', path: '/api/staff/procedures/:id/versions/:version', role: 'staff', answer: json },
  /** `?from=N&to=M` (either may be `draft`): a line diff of two versions. */
  staffDiff: { method: 'GET', path: '/api/staff/procedures/:id/diff', role: 'staff', answer: json },
  /** Renders a text of a procedure being edited, so the preview speaks words not yet built. */
  staffSpeech: { method: 'POST', path: '/api/staff/speech', role: 'staff', answer: json },
  /** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: funnels and help figures per procedure. */
  staffAnalytics: { method: 'GET', path: '/api/staff/analytics', role: 'staff', answer: json },
  /** The same as CSV (`text/csv`, downloaded as a file). */
  staffAnalyticsCsv: { method: 'GET', path: '/api/staff/analytics.csv', role: 'staff', answer: 'text' },
  /** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: workshops held, participants, lessons completed and most missed questions per site and month (issue 18). */
  staffWorkshopRecords: { method: 'GET', path: '/api/staff/workshop-records', role: 'staff', answer: json },
  /** The same as CSV. */
  staffWorkshopRecordsCsv: { method: 'GET', path: '/api/staff/workshop-records.csv', role: 'staff', answer: 'text' },

  // --- staff: leading a workshop at a site they choose (issue 18; core/workshop/trainer-rules.ts) ---
  /** The lessons a workshop can offer, as for a volunteer trainer. */
  staffWorkshopLessons: { method: 'GET', path: '/api/staff/workshop-lessons', role: 'staff', answer: json },
  /** The running workshops of the site that this member of staff may lead (theirs and the site's volunteers'). */
  staffTrainerWorkshops: { method: 'GET', path: '/api/staff/sites/:site/workshops', role: 'staff', answer: json },
  /** Starts a workshop at the site (`{ lessonIds }`, 201). */
  staffStartWorkshop: { method: 'POST', path: '/api/staff/sites/:site/workshops', role: 'staff', answer: json },
  staffTrainerWorkshop: { method: 'GET', path: '/api/staff/sites/:site/workshops/:id', role: 'staff', answer: json },
  staffWorkshopFollow: { method: 'PUT', path: '/api/staff/sites/:site/workshops/:id/follow', role: 'staff', answer: json },
  staffWorkshopPause: { method: 'PUT', path: '/api/staff/sites/:site/workshops/:id/pause', role: 'staff', answer: json },
  staffWorkshopAnswerHand: { method: 'POST', path: '/api/staff/sites/:site/workshops/:id/seats/:seat/hand', role: 'staff', answer: json },
  staffEndWorkshop: { method: 'POST', path: '/api/staff/sites/:site/workshops/:id/end', role: 'staff', answer: json },
} as const satisfies Record<string, RouteSpec>;

/**
 * Every route of the hub's HTTP API. Names are unique; several methods on one path are several
 * routes. The four groups above are apart so that a UI's client holds only the routes it calls
 * (the kiosk's bundle does not carry the staff console's table).
 */
// Object.assign marked pure, not a spread: a bundle that never reads the whole table drops it.
export const apiRoutes: AllRoutes = /* @__PURE__ */ Object.assign({}, publicRoutes, kioskRoutes, volunteerRoutes, staffRoutes);

/** The four groups as one table type. */
type AllRoutes = { readonly [K in keyof AllGroups]: AllGroups[K] };
type AllGroups = typeof publicRoutes & typeof kioskRoutes & typeof volunteerRoutes & typeof staffRoutes;

/** The name of a route of the API. */
export type RouteName = keyof typeof apiRoutes;

/** Every route name, in the table's order. */
export const routeNames = /* @__PURE__ */ Object.keys(apiRoutes) as RouteName[];

/** Step pictures: `<procedureImages><image.src>`, public files from assets/images (not an API route). */
export const procedureImagesPrefix = '/procedure-images/';

/** Fills the `:name` parts of a route's path (`:id`, `:version`), each encoded; a part without a value stays as written. */
export function fillPath(route: RouteName | Pick<RouteSpec, 'path'>, params: Readonly<Record<string, string | number>> = {}): string {
  return fillRoutePath(typeof route === 'string' ? apiRoutes[route] : route, params);
}

/** {@link fillPath} for a route's entry, without reaching for the whole table (the clients use it). */
export function fillRoutePath(route: Pick<RouteSpec, 'path'>, params: Readonly<Record<string, string | number>> = {}): string {
  return route.path.replace(/:([a-z]+)/g, (part, name: string) => {
    const value = params[name];
    return value === undefined ? part : encodeURIComponent(String(value));
  });
}
