/** A bookable slot: instants in UTC ISO-8601; `snp` slots are held back for unscheduled care until `snpReleasesAt`. */
export interface FreeSlot {
  practitionerId: string;
  siteId: string;
  motifId: string;
  startsAt: string;
  endsAt: string;
  snp: boolean;
  snpReleasesAt: string | null;
}
