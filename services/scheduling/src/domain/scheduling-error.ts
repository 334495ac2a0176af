import { DomainError, type ErrorKind, inputChecks } from '@msp/errors';

/** Every way a scheduling operation can be refused or fail; the platform's filters answer them by kind. */
export enum SchedulingErrorCode {
  InvalidInput = 'SCHEDULING.INVALID_INPUT',
  NotFound = 'SCHEDULING.NOT_FOUND',
  SlotTaken = 'SCHEDULING.SLOT_TAKEN',
  HoldLapsed = 'SCHEDULING.HOLD_LAPSED',
  InvalidTransition = 'SCHEDULING.INVALID_TRANSITION',
  DirectoryUnavailable = 'SCHEDULING.DIRECTORY_UNAVAILABLE',
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
      return 'conflict';
    case SchedulingErrorCode.DirectoryUnavailable:
      return 'unavailable';
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

  static holdLapsed(): SchedulingError {
    return new SchedulingError(
      SchedulingErrorCode.HoldLapsed,
      'The hold lapsed before it was confirmed: search the slots again',
      'input.holdId',
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
