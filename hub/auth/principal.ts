/** Who is making a request, once their token has been checked. */
export type Principal = KioskPrincipal | VolunteerPrincipal | StaffPrincipal;

/** A kiosk, by its device token. */
export interface KioskPrincipal {
  role: 'kiosk';
  kioskId: string;
  siteId: string;
  name: string;
}

/** A volunteer signed in for one site. */
export interface VolunteerPrincipal {
  role: 'volunteer';
  volunteerId: string;
  siteId: string;
  name: string;
  languages: string[];
}

/** A member of staff. */
export interface StaffPrincipal {
  role: 'staff';
  staffId: string;
  name: string;
  email: string;
}
