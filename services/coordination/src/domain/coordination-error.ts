import { DomainError, type ErrorKind, inputChecks } from '@msp/errors';

/** Every way a coordination operation can be refused; the platform's filters answer them by kind. */
export enum CoordinationErrorCode {
  InvalidInput = 'COORDINATION.INVALID_INPUT',
  NotFound = 'COORDINATION.NOT_FOUND',
  /** A step out of the meeting's lifecycle (minutes of a meeting not held, rescheduling a cancelled one…). */
  MeetingState = 'COORDINATION.MEETING_STATE',
  /** Invitees have patients booked over the proposed time: the coordinator must say they place it anyway. */
  AttendeesBusy = 'COORDINATION.ATTENDEES_BUSY',
  /** Someone else changed the meeting first: reload it. */
  StaleMeeting = 'COORDINATION.STALE_MEETING',
  /** A service coordination depends on did not answer in time. */
  DependencyUnavailable = 'COORDINATION.DEPENDENCY_UNAVAILABLE',
}

function kindOf(code: CoordinationErrorCode): ErrorKind {
  switch (code) {
    case CoordinationErrorCode.InvalidInput:
      return 'invalid';
    case CoordinationErrorCode.NotFound:
      return 'not_found';
    case CoordinationErrorCode.MeetingState:
    case CoordinationErrorCode.AttendeesBusy:
    case CoordinationErrorCode.StaleMeeting:
      return 'conflict';
    case CoordinationErrorCode.DependencyUnavailable:
      return 'unavailable';
  }
}

export class CoordinationError extends DomainError {
  constructor(
    override readonly code: CoordinationErrorCode,
    message: string,
    /** The input field at fault, as the client named it (e.g. `input.endsAt`). */
    field?: string,
  ) {
    super(kindOf(code), code, message, field);
  }

  static invalid(field: string, reason: string): CoordinationError {
    return new CoordinationError(CoordinationErrorCode.InvalidInput, `${field}: ${reason}`, field);
  }

  /** Also what another structure's object answers: "exists elsewhere" must read exactly like "does not exist". */
  static notFound(what: string, field?: string): CoordinationError {
    return new CoordinationError(
      CoordinationErrorCode.NotFound,
      field ? `${field}: ${what} not found` : `${what} not found`,
      field,
    );
  }

  static meetingState(message: string, field?: string): CoordinationError {
    return new CoordinationError(CoordinationErrorCode.MeetingState, message, field);
  }
}

/** UUIDs, text and instants checked the platform's way, refused as `COORDINATION.INVALID_INPUT`. */
export const coordinationInput = inputChecks(CoordinationErrorCode.InvalidInput);
