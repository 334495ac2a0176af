import type { MigrationInterface } from 'typeorm';
import { DelegationSchema1764600001000 } from './1764600001000-delegation-schema';
import { TransitionTarget1764600002000 } from './1764600002000-transition-target';

/** Every migration of delegation's database, oldest first. */
export const DELEGATION_MIGRATIONS: Array<new () => MigrationInterface> = [
  DelegationSchema1764600001000,
  TransitionTarget1764600002000,
];
