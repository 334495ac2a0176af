/** An online booking whose typed identity matched exactly one patient: held, not yet theirs. */
export interface MatchedOnlineBooking {
  requestId: string;
  structureId: string;
  holdId: string;
  /** The matched patient (opaque id). Nothing is booked in their name until the booking is confirmed. */
  patientId: string;
}

/**
 * The second step that turns an online booking matched to a known patient into their appointment: knowing a
 * patient's name, birth date and phone number must not be enough to book in their name.
 *
 * - `desk` (now, `DeskBookingConfirmation`): nothing is sent; the request is listed to staff with the pending ones
 *   (`onlineBookingRequests`) and staff confirm it (`confirmOnlineBookingRequest`) or turn it down.
 * - `code` (later, once notification providers exist): a one-time code sent to the phone or e-mail **on file** in the
 *   directory (never to what was typed), entered on the public page to confirm. It must be sent asynchronously
 *   (through the notification outbox), so that the public answer keeps the same timing for every identity.
 */
export abstract class BookingConfirmation {
  abstract readonly method: 'desk' | 'code';
  /** Called once the held request is recorded; must not throw for anything the patient did. */
  abstract begin(booking: MatchedOnlineBooking): Promise<void>;
}
