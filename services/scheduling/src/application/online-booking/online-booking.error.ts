import { DomainError } from '@msp/errors';

/** Refusals proper to online booking, beside the scheduling ones. */
export enum OnlineBookingErrorCode {
  PatientNotMatched = 'ONLINE.PATIENT_NOT_MATCHED',
}

export class OnlineBookingError extends DomainError {
  constructor(
    override readonly code: OnlineBookingErrorCode,
    message: string,
    field: string,
  ) {
    super('invalid', code, message, field);
  }

  static patientNotMatched(): OnlineBookingError {
    return new OnlineBookingError(
      OnlineBookingErrorCode.PatientNotMatched,
      'patient: no patient of the practice matches these details, and this consultation type is for known patients only; check them or call the practice',
      'patient',
    );
  }
}
