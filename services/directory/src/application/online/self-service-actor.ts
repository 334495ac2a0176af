/**
 * The access log's "who" for reads made on a patient's own behalf through online booking (no member is involved): the
 * nil UUID, with an `online-booking:*` operation naming what was done.
 */
export const SELF_SERVICE_ACTOR = '00000000-0000-0000-0000-000000000000';
