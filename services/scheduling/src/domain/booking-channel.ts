/** Who books: staff of the structure, a patient online, or the virtual secretary on the phone. */
export const BOOKING_CHANNELS = ['staff', 'online', 'virtual_secretary'] as const;
export type BookingChannel = (typeof BOOKING_CHANNELS)[number];

export function isBookingChannel(value: unknown): value is BookingChannel {
  return typeof value === 'string' && (BOOKING_CHANNELS as readonly string[]).includes(value);
}
