import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { PatientServicesSettings } from '../../application/patient-services-settings';

/** Named limits per client IP: `public` over all public routes together, `booking` on online bookings only. */
export const PUBLIC_THROTTLER = 'public';
export const BOOKING_THROTTLER = 'booking';

export function publicThrottling(
  settings: Pick<PatientServicesSettings, 'publicRateLimitPerMinute' | 'publicBookingLimitPerHour'>,
): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: PUBLIC_THROTTLER, ttl: 60_000, limit: settings.publicRateLimitPerMinute },
      { name: BOOKING_THROTTLER, ttl: 3_600_000, limit: settings.publicBookingLimitPerHour },
    ],
    // Per client address across all public routes (the library's default key is per route).
    generateKey: (_context, tracker, throttlerName) => `${throttlerName}:${tracker}`,
    errorMessage: 'Too many requests from this address: wait a little and try again',
  };
}
