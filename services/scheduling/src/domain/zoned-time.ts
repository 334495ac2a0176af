/**
 * The instant a wall clock in a zone shows a time on a date (DST-safe; 24:00 is the next midnight): shared with the
 * services that read opening ranges from events (`@msp/calendar`).
 */
export { atWallTime } from '@msp/calendar';
