/** Refusals proper to online booking, beside the scheduling ones. */
export enum OnlineBookingErrorCode {
  PatientNotMatched = 'ONLINE.PATIENT_NOT_MATCHED',
}

export class OnlineBookingError extends Error {
  constructor(
    readonly code: OnlineBookingErrorCode,
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'OnlineBookingError';
  }

  static patientNotMatched(): OnlineBookingError {
    return new OnlineBookingError(
      OnlineBookingErrorCode.PatientNotMatched,
      'patient: no patient of the practice matches these details, and this consultation type is for known patients only; check them or call the practice',
      'patient',
    );
  }
}
