/** Every way a scheduling operation can be refused; mapped to GraphQL (and HTTP) in one place each. */
export enum SchedulingErrorCode {
  InvalidInput = 'SCHEDULING.INVALID_INPUT',
  NotFound = 'SCHEDULING.NOT_FOUND',
  SlotTaken = 'SCHEDULING.SLOT_TAKEN',
  HoldLapsed = 'SCHEDULING.HOLD_LAPSED',
  InvalidTransition = 'SCHEDULING.INVALID_TRANSITION',
}

export class SchedulingError extends Error {
  constructor(
    readonly code: SchedulingErrorCode,
    message: string,
    /** The input field at fault, as the client named it (e.g. `input.startsAt`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SchedulingError';
  }

  static invalid(field: string, reason: string): SchedulingError {
    return new SchedulingError(SchedulingErrorCode.InvalidInput, `${field}: ${reason}`, field);
  }

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
