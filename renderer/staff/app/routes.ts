/** The console's pages, addressed by the URL fragment so the browser's Back button and bookmarks work. */

/** One page of the console. */
export type StaffRoute =
  | { page: 'procedures' }
  | { page: 'editor'; procedureId: string }
  | { page: 'fleet' }
  | { page: 'people' }
  | { page: 'analytics' }
  | { page: 'workshops'; siteId?: string }
  | { page: 'audit' };

/** Reads a fragment like `#/procedures/cita-previa`; anything unknown is the procedures list. */
export function parseRoute(hash: string): StaffRoute {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => decodeURIComponent(part));
  const [first, second] = parts;
  if (first === 'procedures' && second) return { page: 'editor', procedureId: second };
  if (first === 'workshops') return second ? { page: 'workshops', siteId: second } : { page: 'workshops' };
  if (first === 'fleet' || first === 'people' || first === 'analytics' || first === 'audit') return { page: first };
  return { page: 'procedures' };
}

/** The fragment of a route. */
export function routeHash(route: StaffRoute): string {
  if (route.page === 'editor') return `#/procedures/${encodeURIComponent(route.procedureId)}`;
  if (route.page === 'workshops' && route.siteId !== undefined) return `#/workshops/${encodeURIComponent(route.siteId)}`;
  return `#/${route.page}`;
}
