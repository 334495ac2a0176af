import { NO_MEMBER } from '../patients/patient-access-logger';

/**
 * The access log's "who" for reads made on a patient's own behalf through online booking (no member is involved): the
 * nil UUID, with an `online-booking:*` operation naming what was done.
 */
export const SELF_SERVICE_ACTOR = NO_MEMBER;
