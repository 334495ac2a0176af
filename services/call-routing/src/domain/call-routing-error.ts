import { DomainError, type ErrorKind, inputChecks } from '@msp/errors';

/** Every way a call-routing operation can be refused or fail; the platform's filters answer them by kind. */
export enum CallRoutingErrorCode {
  InvalidInput = 'CALL_ROUTING.INVALID_INPUT',
  InvalidRulebook = 'CALL_ROUTING.INVALID_RULEBOOK',
  NotFound = 'CALL_ROUTING.NOT_FOUND',
  LineTaken = 'CALL_ROUTING.LINE_TAKEN',
  StaleRulebook = 'CALL_ROUTING.STALE_RULEBOOK',
  BadSignature = 'CALL_ROUTING.BAD_SIGNATURE',
}

function kindOf(code: CallRoutingErrorCode): ErrorKind {
  switch (code) {
    case CallRoutingErrorCode.InvalidInput:
    case CallRoutingErrorCode.InvalidRulebook:
      return 'invalid';
    case CallRoutingErrorCode.NotFound:
      return 'not_found';
    case CallRoutingErrorCode.LineTaken:
    case CallRoutingErrorCode.StaleRulebook:
      return 'conflict';
    case CallRoutingErrorCode.BadSignature:
      return 'forbidden';
  }
}

export class CallRoutingError extends DomainError {
  constructor(
    override readonly code: CallRoutingErrorCode,
    message: string,
    /** The input field at fault, as the client named it (e.g. `input.rules[2].when.window.from`). */
    field?: string,
  ) {
    super(kindOf(code), code, message, field);
  }

  static invalid(field: string, reason: string): CallRoutingError {
    return new CallRoutingError(CallRoutingErrorCode.InvalidInput, `${field}: ${reason}`, field);
  }

  /** A rulebook refused: the field is the path of the first problem, the message lists every problem. */
  static invalidRulebook(field: string, problems: readonly string[]): CallRoutingError {
    return new CallRoutingError(CallRoutingErrorCode.InvalidRulebook, problems.join('; '), field);
  }

  /** Also what another structure's object answers: "exists elsewhere" must read exactly like "does not exist". */
  static notFound(what: string, field?: string): CallRoutingError {
    return new CallRoutingError(
      CallRoutingErrorCode.NotFound,
      field ? `${field}: ${what} not found` : `${what} not found`,
      field,
    );
  }
}

/** UUIDs, text, instants and time zones checked the platform's way, refused as `CALL_ROUTING.INVALID_INPUT`. */
export const callRoutingInput = inputChecks(CallRoutingErrorCode.InvalidInput);
