/** A calendar date without a zone, "YYYY-MM-DD": a day in some place's own time zone. */
export type LocalDate = string;
