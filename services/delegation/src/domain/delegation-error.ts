import { DomainError, type ErrorKind, inputChecks } from '@msp/errors';

/** Every way a delegation operation can be refused; the platform's filters answer them by kind. */
export enum DelegationErrorCode {
  InvalidInput = 'DELEGATION.INVALID_INPUT',
  NotFound = 'DELEGATION.NOT_FOUND',
  /** A move the board does not allow from the task's state; the message lists the allowed ones. */
  IllegalTransition = 'DELEGATION.ILLEGAL_TRANSITION',
  /** Someone else moved the task first: the message names its current state and version. */
  StaleTask = 'DELEGATION.STALE_TASK',
  /** A protocol step out of its lifecycle (adopting a retired protocol, revising a draft…). */
  ProtocolState = 'DELEGATION.PROTOCOL_STATE',
  /** The protocol reserves the task to other roles (a secretary taking a medical assistant's task). */
  RoleNotAllowed = 'DELEGATION.ROLE_NOT_ALLOWED',
  /** Validation is the referent's: never the delegate's own. */
  NotValidator = 'DELEGATION.NOT_VALIDATOR',
}

function kindOf(code: DelegationErrorCode): ErrorKind {
  switch (code) {
    case DelegationErrorCode.InvalidInput:
      return 'invalid';
    case DelegationErrorCode.NotFound:
      return 'not_found';
    case DelegationErrorCode.IllegalTransition:
    case DelegationErrorCode.StaleTask:
    case DelegationErrorCode.ProtocolState:
      return 'conflict';
    case DelegationErrorCode.RoleNotAllowed:
    case DelegationErrorCode.NotValidator:
      return 'forbidden';
  }
}

export class DelegationError extends DomainError {
  constructor(
    override readonly code: DelegationErrorCode,
    message: string,
    /** The input field at fault, as the client named it (e.g. `input.protocolId`). */
    field?: string,
  ) {
    super(kindOf(code), code, message, field);
  }

  static invalid(field: string, reason: string): DelegationError {
    return new DelegationError(DelegationErrorCode.InvalidInput, `${field}: ${reason}`, field);
  }

  /** Also what another structure's object answers: "exists elsewhere" must read exactly like "does not exist". */
  static notFound(what: string, field?: string): DelegationError {
    return new DelegationError(
      DelegationErrorCode.NotFound,
      field ? `${field}: ${what} not found` : `${what} not found`,
      field,
    );
  }
}

/** UUIDs, text and instants checked the platform's way, refused as `DELEGATION.INVALID_INPUT`. */
export const delegationInput = inputChecks(DelegationErrorCode.InvalidInput);
