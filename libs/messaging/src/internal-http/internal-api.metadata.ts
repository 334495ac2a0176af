/** Route metadata the internal API guard reads (set by the decorators of internal-api.decorator.ts). */
export const ALLOWED_CALLERS = 'msp:internal-allowed-callers';
export const DEVELOPMENT_ONLY = 'msp:internal-development-only';
