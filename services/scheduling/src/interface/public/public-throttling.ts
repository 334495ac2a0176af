import type { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import type { PatientServicesSettings } from '../../application/patient-services-settings';
import { clientAddress, trustedProxies } from './client-address';

/** Named limits per client IP: `public` over all public routes together, `booking` on online bookings only. */
export const PUBLIC_THROTTLER = 'public';
export const BOOKING_THROTTLER = 'booking';

export function publicThrottling(
  settings: Pick<
    PatientServicesSettings,
    'publicRateLimitPerMinute' | 'publicBookingLimitPerHour' | 'publicTrustedProxies'
  >,
  storage?: ThrottlerStorage,
): ThrottlerModuleOptions {
  const proxies = trustedProxies(settings.publicTrustedProxies);
  return {
    throttlers: [
      { name: PUBLIC_THROTTLER, ttl: 60_000, limit: settings.publicRateLimitPerMinute },
      { name: BOOKING_THROTTLER, ttl: 3_600_000, limit: settings.publicBookingLimitPerHour },
    ],
    // The patient's address, not the gateway's: X-Forwarded-For is believed from the trusted proxies only (the
    // equivalent of Express's `trust proxy`, computed here whatever listener serves the public routes).
    getTracker: (req: Record<string, unknown>) => {
      const request = req as unknown as Request;
      return clientAddress(request.socket?.remoteAddress, request.headers['x-forwarded-for'], proxies);
    },
    // Per client address across all public routes (the library's default key is per route).
    generateKey: (_context, tracker, throttlerName) => `${throttlerName}:${tracker}`,
    errorMessage: 'Too many requests from this address: wait a little and try again',
    ...(storage ? { storage } : {}),
  };
}
