export interface NoShowCount {
  practitionerId: string;
  /** YYYY-MM in the site's zone. */
  month: string;
  completed: number;
  noShows: number;
}

/** Done and no-show appointments per practitioner and month (the month of each appointment in its site's zone). */
export abstract class NoShowRepository {
  abstract counts(
    structureId: string,
    fromMonth: string,
    toMonth: string,
    practitionerId: string | null,
  ): Promise<NoShowCount[]>;
}
