import { DomainError, type ErrorKind, inputChecks } from '@msp/errors';

/** Every way a scheduling operation can be refused or fail; the platform's filters answer them by kind. */
export enum SchedulingErrorCode {
  InvalidInput = 'SCHEDULING.INVALID_INPUT',
  NotFound = 'SCHEDULING.NOT_FOUND',
  SlotTaken = 'SCHEDULING.SLOT_TAKEN',
  HoldLapsed = 'SCHEDULING.HOLD_LAPSED',
  InvalidTransition = 'SCHEDULING.INVALID_TRANSITION',
  DirectoryUnavailable = 'SCHEDULING.DIRECTORY_UNAVAILABLE',
  /** An edit made from a version of a range or a motif that another edit has replaced meanwhile. */
  StaleVersion = 'SCHEDULING.STALE_VERSION',
  /** A pooled SNP booking from a structure that is not an MSP of the CPTS. */
  NotInCpts = 'SCHEDULING.NOT_IN_CPTS',
  RoomTaken = 'SCHEDULING.ROOM_TAKEN',
  TravelTimeNotKept = 'SCHEDULING.TRAVEL_TIME_NOT_KEPT',
}

function kindOf(code: SchedulingErrorCode): ErrorKind {
  switch (code) {
    case SchedulingErrorCode.InvalidInput:
      return 'invalid';
    case SchedulingErrorCode.NotFound:
      return 'not_found';
    case SchedulingErrorCode.SlotTaken:
    case SchedulingErrorCode.HoldLapsed:
    case SchedulingErrorCode.InvalidTransition:
    case SchedulingErrorCode.StaleVersion:
    case SchedulingErrorCode.RoomTaken:
    case SchedulingErrorCode.TravelTimeNotKept:
      return 'conflict';
    case SchedulingErrorCode.DirectoryUnavailable:
      return 'unavailable';
    case SchedulingErrorCode.NotInCpts:
      return 'forbidden';
  }
}

export class SchedulingError extends DomainError {
  constructor(
    override readonly code: SchedulingErrorCode,
    message: string,
    /** The input field at fault, as the client named it (e.g. `input.startsAt`). */
    field?: string,
  ) {
    super(kindOf(code), code, message, field);
  }

  static invalid(field: string, reason: string): SchedulingError {
    return new SchedulingError(SchedulingErrorCode.InvalidInput, `${field}: ${reason}`, field);
  }

  /** Also what another structure's object answers: "exists elsewhere" must read exactly like "does not exist". */
  static notFound(what: string, field?: string): SchedulingError {
    return new SchedulingError(
      SchedulingErrorCode.NotFound,
      field ? `${field}: ${what} not found` : `${what} not found`,
      field,
    );
  }

  static slotTaken(): SchedulingError {
    return new SchedulingError(
      SchedulingErrorCode.SlotTaken,
      "This slot is no longer free in the practitioner's agenda",
      'input.startsAt',
    );
  }

  /** The room asked for (or every room the motif may use) is taken then; `field` is where the room came from. */
  static roomTaken(reason = 'This room is already booked at that time', field = 'input.roomId'): SchedulingError {
    return new SchedulingError(SchedulingErrorCode.RoomTaken, reason, field);
  }

  static travelTimeNotKept(reason: string): SchedulingError {
    return new SchedulingError(SchedulingErrorCode.TravelTimeNotKept, reason, 'input.startsAt');
  }

  static holdLapsed(): SchedulingError {
    return new SchedulingError(
      SchedulingErrorCode.HoldLapsed,
      'The hold lapsed before it was confirmed: search the slots again',
      'input.holdId',
    );
  }

  /** `what` was changed by someone else since the client read `version`: read it again, then decide. */
  static staleVersion(what: string, current: number): SchedulingError {
    return new SchedulingError(
      SchedulingErrorCode.StaleVersion,
      `This ${what} was changed meanwhile (now at version ${current}): read it again before changing it`,
      'input.version',
    );
  }

  static invalidTransition(from: string, to: string): SchedulingError {
    return new SchedulingError(
      SchedulingErrorCode.InvalidTransition,
      `An appointment that is ${from} cannot become ${to}`,
    );
  }
}

/** UUIDs, text, instants and time zones checked the platform's way, refused as `SCHEDULING.INVALID_INPUT`. */
export const schedulingInput = inputChecks(SchedulingErrorCode.InvalidInput);
