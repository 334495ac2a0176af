import { z } from 'zod';
import { ObservabilityOptions } from '../observability-options';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogSettings {
  level: LogLevel;
  pretty: boolean;
}

/** Explicit options win over the environment; a wrong value stops the boot with the variable's name. */
export function resolveLogSettings(options: ObservabilityOptions, env: NodeJS.ProcessEnv = process.env): LogSettings {
  const level = z.enum(LOG_LEVELS).safeParse(options.logLevel ?? (env.LOG_LEVEL || 'info'));
  if (!level.success) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  if (options.prettyLogs !== undefined) return { level: level.data, pretty: options.prettyLogs };
  const pretty = z
    .enum(['true', 'false'])
    .optional()
    .safeParse(env.LOG_PRETTY || undefined);
  if (!pretty.success) throw new Error('LOG_PRETTY must be true or false');
  return { level: level.data, pretty: pretty.data ? pretty.data === 'true' : env.NODE_ENV === 'development' };
}
