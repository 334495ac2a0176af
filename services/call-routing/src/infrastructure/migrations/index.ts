import type { MigrationInterface } from 'typeorm';
import { CallRoutingSchema1764500001000 } from './1764500001000-call-routing-schema';
import { DemoMonth1764500002000 } from './1764500002000-demo-month';

/** Every migration of call routing's database, oldest first. */
export const CALL_ROUTING_MIGRATIONS: Array<new () => MigrationInterface> = [
  CallRoutingSchema1764500001000,
  DemoMonth1764500002000,
];
